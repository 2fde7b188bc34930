from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from seismic_wagtail.core.sitemaps import Sitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The package's read API (stories, networks, events, consultations): docs/reference/api.md.
    path("api/seismic/v2/", include("seismic_wagtail.core.api_urls")),
    # Every language version of every page, with hreflang alternates (seismic_wagtail.core.sitemaps).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English (the default language) lives at /, the other languages at /de/, /sv/, ...
urlpatterns += i18n_patterns(
    # <page url>rss.xml, atom.xml, event.ics, calendar.ics (Wagtail's page URLs allow no dots).
    path("", include("seismic_wagtail.core.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
