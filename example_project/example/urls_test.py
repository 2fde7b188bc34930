"""URLs of the example site in automated checks (``example.settings.test``): the site's own URLs plus its
uploaded images, served by Django although ``DEBUG`` is off, so that the browser tests see the pages as
visitors do (with their images). Never use this in production: a web server serves ``MEDIA_ROOT`` there."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
