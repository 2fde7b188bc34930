"""The package's read API, mounted by one line in the site's ``urls.py`` (outside ``i18n_patterns``)::

    path("api/seismic/v2/", include("seismic_wagtail.core.api_urls")),

A ``WagtailAPIRouter`` of its own (namespace ``seismic_api``), so it never clashes with a site's own
``api/v2/`` router. Each installed app of the package registers its endpoints from its ``api`` module
(:func:`seismic_wagtail.core.api.register_endpoints`): ``stories/``, ``networks/``, ``events/`` and
``consultations/`` with every app installed. See ``docs/reference/api.md``.

The JSON responses need nothing more; add ``rest_framework`` to ``INSTALLED_APPS`` for the browsable HTML
view as well (Wagtail adds it only then).
"""

from wagtail.api.v2.router import WagtailAPIRouter

from .api import register_endpoints

API_NAMESPACE = "seismic_api"

api_router = register_endpoints(WagtailAPIRouter(API_NAMESPACE))

app_name = API_NAMESPACE
urlpatterns = api_router.get_urlpatterns()
