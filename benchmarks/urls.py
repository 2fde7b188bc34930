from django.urls import path

from benchmarks.benchapp.views import minimal_submit
from tests.testapp.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/minimal-submit/", minimal_submit), *site_urlpatterns]
