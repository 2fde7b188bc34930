from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class StoriesConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.stories"
    label = "seismic_stories"
    verbose_name = _("SEiSMiC stories")
    demo_order = 20
    uses_file_routes = True  # rss.xml, atom.xml

    def ready(self):
        super().ready()
        # Imported here, not at the top: signal_handlers imports models, which cannot load before ready().
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
