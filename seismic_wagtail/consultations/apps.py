from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class ConsultationsConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.consultations"
    label = "seismic_consultations"
    verbose_name = _("SEiSMiC consultations")
    demo_order = 30

    def ready(self):
        super().ready()
        # Imported here, not at the top: signal_handlers imports models, which cannot load before ready().
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
