"""RSS 2.0 and Atom feeds of a story index, built on Django's syndication framework.

Served by :class:`~seismic_wagtail.stories.models.StoryIndexPage` at ``<index url>rss.xml`` and
``<index url>atom.xml``. A feed reads the same query string as the index (``?theme=environment&country=SE``),
so every filtered list has its own feed. Items are the newest ``StoryIndexPage.feed_length`` matching stories.
Links are absolute URLs from ``SEISMIC_WAGTAIL["BASE_URL"]`` or the request's host
(:func:`seismic_wagtail.core.absolute_urls.absolute_url`).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from seismic_wagtail.core.absolute_urls import absolute_url


class StoryRssFeed(Feed):
    """The stories of one index page (its story sections included); subclass and override the ``item_*``
    methods to change an item."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.story_filter = self.index.get_filter(request)
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        labels = [option.label for facet in self.story_filter.facets() for option in facet.selected]
        if self.story_filter.query:
            labels.append(f"“{self.story_filter.query}”")
        if labels:
            return f"{index.title}: {', '.join(str(label) for label in labels)}"
        return index.title

    def link(self, index):
        url = absolute_url(index, self.request)
        querystring = self.story_filter.querystring()
        return f"{url}?{querystring}" if querystring else url

    def feed_url(self, index):
        url = absolute_url(index, self.request) + index.feed_path(self.feed_route)
        querystring = self.story_filter.querystring()
        return f"{url}?{querystring}" if querystring else url

    feed_route = "rss"

    def description(self, index):
        return _("Good-practice stories from %(title)s") % {"title": index.title}

    def subtitle(self, index):
        return self.description(index)

    def items(self, index):
        # The stories in the index's language (the feed's language), not those listed in other languages.
        return self.story_filter.local_results()[: index.feed_length]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.summary

    def item_link(self, story):
        return absolute_url(story, self.request)

    def item_guid(self, story):
        return absolute_url(story, self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at or story.first_published_at

    def item_categories(self, story):
        return [theme.name for theme in story.themes]

    def item_enclosures(self, story):
        return []


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    feed_route = "atom"
