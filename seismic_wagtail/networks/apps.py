from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class NetworksConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.networks"
    label = "seismic_networks"
    verbose_name = _("SEiSMiC networks")
    demo_order = 10
    uses_file_routes = True  # calendar.ics, event.ics

    def ready(self):
        super().ready()
        # Imported here, not at the top: signal_handlers imports models, which cannot load before ready().
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
