from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class SearchConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.search"
    label = "seismic_search"
    verbose_name = _("SEiSMiC search")
    demo_order = 40
