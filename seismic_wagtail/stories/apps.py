from django.utils.translation import gettext_lazy as _

from seismic_wagtail.core.apps import SeismicAppConfig


class StoriesConfig(SeismicAppConfig):
    default = True
    name = "seismic_wagtail.stories"
    label = "seismic_stories"
    verbose_name = _("SEiSMiC stories")
    demo_order = 20

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import post_page_move

        from .filters import clear_facet_cache

        def on_change(sender, instance=None, **kwargs):
            if instance is not None and _affects_facets(instance):
                clear_facet_cache()

        post_save.connect(on_change, dispatch_uid="seismic_stories_facets_save", weak=False)
        post_delete.connect(on_change, dispatch_uid="seismic_stories_facets_delete", weak=False)
        post_page_move.connect(clear_facet_cache, dispatch_uid="seismic_stories_facets_move")


def _affects_facets(instance):
    """Pages (stories, indexes, networks: their titles are labels), story rows, themes, organisations."""
    from wagtail.models import Page

    from seismic_wagtail.core.models import Organisation, Theme

    from .models import StoryPageOrganisation, StoryPageTheme

    return isinstance(instance, (Page, StoryPageTheme, StoryPageOrganisation, Theme, Organisation))
