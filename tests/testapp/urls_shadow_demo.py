"""A site with its own pattern at /seismic-demo/ in front of Wagtail's pages."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("seismic-demo/", lambda request: HttpResponse("the site's own"), name="own")]
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
