from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    # <page url>rss.xml, atom.xml, event.ics, calendar.ics (Wagtail's page URLs allow no dots).
    path("", include("seismic_wagtail.core.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
