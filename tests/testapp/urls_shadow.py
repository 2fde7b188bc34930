"""A site whose own patterns come before Wagtail's: a search view at /search/ and a catch-all for .xml files."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls


def site_search(request):
    return HttpResponse("the site's own search")


def xml_files(request, name):
    return HttpResponse("the site's own XML")


urlpatterns = [path("search/", site_search, name="site_search")]
urlpatterns += i18n_patterns(
    re_path(r"^(?P<name>.+\.xml)$", xml_files, name="xml_files"),
    path("", include("seismic_wagtail.core.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
