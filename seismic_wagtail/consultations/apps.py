from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class ConsultationsConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.consultations"
    label = "seismic_consultations"
    verbose_name = _("SEiSMiC consultations")
    demo_order = 30
