"""The test site's URLs with a ``sitemap.xml`` of every language (the package's Sitemap) and one of Wagtail's
own default sitemap, as a city would mount them."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from seismic_wagtail.core.sitemaps import Sitemap
from tests.testapp.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("wagtail-sitemap.xml", sitemap),
    *site_urlpatterns,
]
