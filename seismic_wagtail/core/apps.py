from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeismicAppConfig(AppConfig):
    """Base class for the package's apps.

    ``demo_order`` sets where the app's ``demo`` module runs in ``manage.py seismic_demo``: lower first, so
    that networks exist before the stories that point at them. ``uses_file_routes`` says that the app's pages
    serve files through ``seismic_wagtail.core.urls`` (feeds, calendars), so the system check W005 asks for it.
    """

    default = False  # a base class: Django picks the concrete config of each app
    default_auto_field = "django.db.models.BigAutoField"
    demo_order = 100
    uses_file_routes = False


class CoreConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.core"
    label = "seismic_core"
    verbose_name = _("SEiSMiC core")
    demo_order = 0

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks; at ready(): they import models)
        from .signal_handlers import register_signal_handlers  # at ready(): it imports wagtail-localize's models

        register_signal_handlers()
