"""How a story points at other stories: transfers, adaptations, related stories and its translations.

:class:`StoryRelationsMixin` is a base class of :class:`~seismic_wagtail.stories.models.StoryPage`. Links
to stories are synchronised between translations (they point at the story as the editor chose it); these
methods return each linked story in the reading page's language when it is translated and live, with a
fixed number of queries however many links there are.

To change what a story page shows, override in a ``StoryPage`` subclass: :meth:`get_transfers`,
:meth:`get_adaptations`, :meth:`get_related_stories` or :attr:`related_by_theme_count`.

This module imports no model (``models.py`` imports it); the models come through the story's own
relations: ``transfers`` (``StoryTransfer``, whose ``source_story`` is ``StoryPage``) and ``story_themes``
(``StoryPageTheme``).
"""

from django.db.models import Count, Prefetch


class StoryRelationsMixin:
    """Transfers, adaptations, related stories and live translations of a story page."""

    #: How many related stories the page shows when the editor chose none.
    related_by_theme_count = 3

    # The models, through the story's relations ----------------------------------------------------------

    @property
    def _story_model(self):
        """``StoryPage`` (the model a transfer link's ``source_story`` points at), also for a subclass."""
        return self.transfers.model.source_story.field.related_model

    def _themes_prefetch(self):
        """The prefetch of a story list's themes, with the theme of each row, in editor order."""
        theme_links = self.story_themes.model.objects.select_related("theme").order_by("sort_order", "pk")
        return Prefetch("story_themes", queryset=theme_links)

    def _localize(self, stories):
        """Each story in this page's locale when translated and live, else as chosen; one query."""
        stories = [story for story in stories if story is not None]
        keys = {story.translation_key for story in stories}
        local = {
            story.translation_key: story
            for story in self._story_model.objects.live().filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        return [local.get(story.translation_key, story) for story in stories]

    # What the page shows --------------------------------------------------------------------------------

    def get_transfers(self):
        """The stories this one learnt from: ``[(link, source_story)]``, sources in this page's language."""
        links = [link for link in self.transfers.select_related("source_story") if link.source_story_id]
        sources = self._localize([link.source_story for link in links])
        return [(link, source) for link, source in zip(links, sources, strict=True) if source.live]

    def get_adaptations(self):
        """Where this practice was taken up: ``[(link, adapting_story)]``, newest first.

        Found with a reverse query over every translation of this story (``source_story__translation_key``),
        one entry per adapting story, in this page's language when that story is translated.
        """
        story_model = self._story_model
        links = (
            self.transfers.model.objects.filter(source_story__translation_key=self.translation_key, page__live=True)
            .exclude(page__translation_key=self.translation_key)
            .select_related("page")
            .order_by("page_id")
        )
        by_story = {}
        for link in links:
            by_story.setdefault(link.page.translation_key, link)
        chosen = list(by_story.values())
        stories = self._localize([link.page for link in chosen])
        pairs = [
            (link, story.specific if not isinstance(story, story_model) else story)
            for link, story in zip(chosen, stories, strict=True)
        ]
        pairs.sort(key=lambda pair: pair[1].first_published_at or pair[1].latest_revision_created_at, reverse=True)
        return pairs

    def get_related_stories(self):
        """The editor's choice, else the live stories of this locale sharing the most themes with this one."""
        chosen = [link.story for link in self.related_stories.select_related("story") if link.story_id]
        if chosen:
            return [story for story in self._localize(chosen) if story.live and story.pk != self.pk]
        theme_slugs = [link.theme.slug for link in self.story_themes.select_related("theme")]
        if not theme_slugs:
            return []
        return list(
            self._story_model.objects.live()
            .filter(locale_id=self.locale_id, story_themes__theme__slug__in=theme_slugs)
            .exclude(translation_key=self.translation_key)
            .annotate(shared_themes=Count("story_themes", distinct=True))
            .order_by("-shared_themes", "-first_published_at")
            .defer_streamfields()
            .select_related("hero_image")
            .prefetch_related(self._themes_prefetch())[: self.related_by_theme_count]
        )

    def get_live_translations(self):
        """This story in every language it is live in (itself included), for ``hreflang`` links."""
        return list(
            self._story_model.objects.live()
            .public()
            .filter(translation_key=self.translation_key)
            .defer_streamfields()
            .select_related("locale")
            .order_by("locale__language_code")
        )
