"""Front-end URLs of the networks app: the iCal files of network and event pages.

Wagtail's page URL pattern only accepts path segments ending in ``/``, so ``<event url>event.ics`` and
``<network url>calendar.ics`` need one extra pattern ahead of Wagtail's. It hands the request to Wagtail's
own ``serve`` view, so page routing, privacy restrictions and the ``before_serve_page`` hooks all apply, and
the page's ``RoutablePageMixin`` route answers. Include it just before ``wagtail.urls``, inside
``i18n_patterns`` when the site has one::

    urlpatterns += i18n_patterns(
        path("", include("seismic_wagtail.networks.urls")),
        path("", include(wagtail_urls)),
    )
"""

from django.urls import re_path
from wagtail import views as wagtail_views

app_name = "seismic_networks"

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+(?:event|calendar)\.ics)$", wagtail_views.serve, name="ical"),
]
