from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class NetworksConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.networks"
    label = "seismic_networks"
    verbose_name = _("SEiSMiC networks")
    demo_order = 10
    uses_file_routes = True  # calendar.ics, event.ics
