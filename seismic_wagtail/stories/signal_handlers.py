"""The stories app's signal receivers, connected with ``sender=`` by :func:`register_signal_handlers` in
``StoriesConfig.ready()``.

- :func:`extend_team_to_section`: a new story index whose ``network`` has a network team (a story section
  translated by wagtail-localize, or made in the admin) gets the team's page permissions and the network's
  review workflow at once (:func:`.roles.on_story_index_created`); no query for an index without a network.
- :func:`~.filters.clear_facet_cache`: clears the cached facet counts of the story index when what they count
  or label changes.

:func:`register_signal_handlers` runs in ``StoriesConfig.ready()`` and connects :func:`clear_facet_cache` with
``sender=`` to exactly the models behind the facets (and their subclasses): story pages, story index pages,
network pages (``NETWORK_PAGE_MODEL``: their titles are the network facet's labels; left out when not
installed), the story's theme and organisation rows, themes and organisations. Saving any other model, a page
of another type included, leaves the cache alone.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import post_page_move

from seismic_wagtail.core.models import Organisation, Theme
from seismic_wagtail.core.swappable import get_network_page_model

from .filters import clear_facet_cache
from .models import StoryIndexPage, StoryPage, StoryPageOrganisation, StoryPageTheme
from .roles import on_story_index_created

SIGNALS = {"save": post_save, "delete": post_delete, "move": post_page_move}


def facet_models():
    """The models whose rows the story facets count or label, with their subclasses (e.g. a site's own
    story page type)."""
    bases = [StoryPage, StoryIndexPage, StoryPageTheme, StoryPageOrganisation, Theme, Organisation]
    network_page_model = get_network_page_model()
    if network_page_model is not None:
        bases.append(network_page_model)
    return [model for model in apps.get_models() if issubclass(model, tuple(bases))]


def extend_team_to_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        on_story_index_created(instance)


def story_index_models():
    """:class:`StoryIndexPage` and its subclasses (a site's own index type)."""
    return [model for model in apps.get_models() if issubclass(model, StoryIndexPage)]


def register_signal_handlers():
    for model in story_index_models():
        post_save.connect(
            extend_team_to_section,
            sender=model,
            dispatch_uid=f"seismic_stories_section_team_{model._meta.label_lower}",
        )
    for model in facet_models():
        for name, signal in SIGNALS.items():
            signal.connect(
                clear_facet_cache,
                sender=model,
                dispatch_uid=f"seismic_stories_facets_{name}_{model._meta.label_lower}",
            )
