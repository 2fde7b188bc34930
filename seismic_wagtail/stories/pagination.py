"""The story index's pages: numbered pages with a known count, and cursor pages for depth.

The first :attr:`~seismic_wagtail.stories.models.StoryIndexPage.numbered_pages` pages are numbered
(``?page=3``) by :class:`StoryPaginator`, which takes the count cached with the facets (no ``COUNT`` query).
Beyond them, "Older stories" and "Newer stories" follow a cursor on ``(first_published_at, pk)``
(``?after=`` / ``?before=``, :class:`KeysetPage`): no ``OFFSET``, so a deep page costs what the first one does,
and a story published meanwhile is neither repeated nor skipped.

An index with other languages lists its own language's stories first and then those that exist only in other
languages: :class:`SectionedStories` joins the two querysets into one list for the paginator, with the counts
cached with the facets, so a page inside one section costs what it did with one section. Cursor pages walk the
first section; past its end, "Older stories" goes on with the numbered page where the other languages start.
"""

import datetime
import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property

_CURSOR = re.compile(r"^(\d{8}T\d{6}\.\d{6})_(\d{1,18})$", re.ASCII)


def make_cursor(story):
    """``"20150503T101500.000000_1234"``: a story's place in the newest-first order (``None`` when it has no
    ``first_published_at``). UTC, so a cursor means the same in every time zone."""
    if story.first_published_at is None:
        return None
    moment = story.first_published_at.astimezone(datetime.UTC)
    return f"{moment:%Y%m%dT%H%M%S.%f}_{story.pk}"


def parse_cursor(value):
    """``(first_published_at, pk)`` from :func:`make_cursor`'s format, or ``None`` when malformed."""
    match = _CURSOR.match(value or "")
    if not match:
        return None
    try:
        moment = datetime.datetime.strptime(match[1], "%Y%m%dT%H%M%S.%f").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None
    return moment, int(match[2])


class SectionedStories:
    """Querysets listed one after the other as one sliceable list with a known length (for Django's
    :class:`~django.core.paginator.Paginator`): ``SectionedStories([(stories, count), (others, count)])``.

    A slice reads each section it touches with ``OFFSET``/``LIMIT`` (a page inside one section: one query and
    its prefetches, as before); a slice across two sections reads each section's primary keys and the stories
    with one query of the first section's queryset widened to both (``sections[0] | sections[1]``), so the
    prefetches still run once.
    """

    ordered = True

    def __init__(self, sections):
        self.sections = [(queryset, count) for queryset, count in sections if queryset is not None]

    def count(self):
        return sum(count for _queryset, count in self.sections)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop, _step = key.indices(self.count())
        parts, offset = [], 0
        for queryset, count in self.sections:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                parts.append((queryset, low, high))
            offset += count
        if not parts:
            return []
        if len(parts) == 1:
            queryset, low, high = parts[0]
            return list(queryset[low:high])
        pks = [pk for queryset, low, high in parts for pk in queryset.values_list("pk", flat=True)[low:high]]
        combined = parts[0][0]
        for queryset, _low, _high in parts[1:]:
            combined = combined | queryset
        found = {story.pk: story for story in combined.filter(pk__in=pks)}
        return [found[pk] for pk in pks if pk in found]


class StoryPaginator(Paginator):
    """Django's paginator with the count given (it comes cached with the facets): no ``COUNT`` query."""

    def __init__(self, object_list, per_page, count=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # Paginator.count is a cached_property


class KeysetPage:
    """A page of the newest-first list after (``?after=``, older stories) or before (``?before=``, newer
    stories) a cursor (:func:`make_cursor`): ``first_published_at <= t`` bounds an index scan where there is an
    index (see the how-to "Large story indexes"), and no ``OFFSET``, so a deep page costs what the first one does.

    Its interface follows Django's ``Page`` where templates read it (``object_list``, ``has_next``,
    ``has_previous``, ``has_other_pages``, ``paginator``); ``number`` is ``None`` (no page numbers here); the
    links follow :attr:`next_cursor` and :attr:`previous_cursor`
    (:meth:`~seismic_wagtail.stories.models.StoryIndexPage.pagination_links`).
    """

    number = None

    def __init__(self, stories, cursor, per_page, paginator, older=True):
        moment, pk = cursor
        if older:
            stories = stories.filter(first_published_at__lte=moment).filter(
                Q(first_published_at__lt=moment) | Q(pk__lt=pk)
            )
        else:
            stories = (
                stories.filter(first_published_at__gte=moment)
                .filter(Q(first_published_at__gt=moment) | Q(pk__gt=pk))
                .order_by("first_published_at", "pk")
            )
        found = list(stories[: per_page + 1])
        self.is_full = len(found) > per_page
        found = found[:per_page]
        if not older:
            found.reverse()
        self.object_list = found
        self.paginator = paginator
        self.older = older
        self.has_next = self.is_full if older else True  # "before" a cursor: the cursor's story is older
        self.has_previous = True if older else self.is_full

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self):
        return self.has_next or self.has_previous

    @cached_property
    def next_cursor(self):
        return make_cursor(self.object_list[-1]) if self.has_next and self.object_list else None

    @cached_property
    def previous_cursor(self):
        return make_cursor(self.object_list[0]) if self.has_previous and self.object_list else None
