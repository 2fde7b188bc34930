"""The test site's URLs with the read API mounted as the README says (one include, outside i18n_patterns)."""

from django.urls import include, path

from tests.testapp.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("api/seismic/v2/", include("seismic_wagtail.core.api_urls")),
    *site_urlpatterns,
]
