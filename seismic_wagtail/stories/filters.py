"""Facets and text search of the story index, read from the query string.

Query string parameters (all optional, repeatable, language-independent so a filtered URL means the same in
every language of the site):

========== ===================================================== ===========================
parameter  value                                                 example
========== ===================================================== ===========================
``theme``  theme slug (synchronised across translations)         ``?theme=environment``
``country`` ISO 3166 code                                        ``?country=SE``
``city``   city name as written in the index's language          ``?city=Malmö``
``network`` the network page's ``translation_key`` (or its id)   ``?network=3f2c...``
``year``   start year of the practice                            ``?year=2015``
``orgtype`` organisation type key of an organisation involved    ``?orgtype=university``
``q``      text search (Wagtail's search backend)                ``?q=energy``
``page``   page number (tolerant: ``abc`` gives 1, ``999`` the last)
========== ===================================================== ===========================

Values of one facet combine with OR (``?theme=a&theme=b``: either theme); different facets combine with AND.
Malformed values (``year=abc``, an unknown country code or organisation type, a network key that is not a
UUID) are ignored; well-formed values that match nothing give an empty list, never an error.

Counts are *disjunctive*: the count beside a value is the number of stories you get by adding that value to
the current filter, so each facet's counts apply the search and every other facet but not its own. Each
facet is one aggregate query (``GROUP BY`` its value), so rendering the index costs a fixed number of
queries, whatever the number of stories or values: see ``docs/reference/stories.md``.
"""

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import CharField, Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Page

from seismic_wagtail.core.models import OrganisationType, Theme
from seismic_wagtail.core.querystring import parse_int

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

logger = logging.getLogger(__name__)

#: The cache key holding the current generation of cached facet counts (see :func:`clear_facet_cache`).
FACET_CACHE_GENERATION_KEY = "seismic:stories:facets:generation"


def clear_facet_cache(**kwargs):
    """Forget every cached facet count (a new generation: old entries are never read again and expire).

    Connected (in :mod:`.signal_handlers`) to saving, deleting and moving stories, their index, network pages
    (their titles are labels), their theme and organisation rows, themes and organisations. Call it after changing
    stories without signals (``bulk_create``, ``QuerySet.update``, raw SQL); otherwise such changes show
    within :attr:`StoryFilter.facet_cache_timeout`. A cache that fails is logged, not raised: saving a story
    does not depend on the cache.
    """
    try:
        cache.set(FACET_CACHE_GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception as error:
        _cache_failed(error)


_cache_warned = []


def _cache_failed(error):
    """Log (once per process) that the facet cache failed; the counts are then computed without it."""
    if not _cache_warned:
        _cache_warned.append(True)
        logger.warning("The story facet cache failed (%r): counting facets without it.", error)


def _facet_cache_generation():
    generation = cache.get(FACET_CACHE_GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(FACET_CACHE_GENERATION_KEY, generation, None)
        generation = cache.get(FACET_CACHE_GENERATION_KEY, generation)
    return generation


def strip_control_characters(value):
    """Query string values without control characters (NUL breaks PostgreSQL, XML 1.0 forbids them)."""
    return _CONTROL_CHARACTERS.sub("", value).strip()


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    toggle_querystring: str = ""


@dataclass
class FacetResult:
    facet: "Facet"
    options: list

    @property
    def name(self):
        return self.facet.name

    @property
    def label(self):
        return self.facet.label

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


class Facet:
    """One facet: how to read its values, filter the stories and count them. Subclass to add a facet."""

    name = ""
    label = ""

    def clean(self, values):
        """Keep the well-formed values (deduplicated, in order, control characters removed)."""
        values = (strip_control_characters(value)[:200] for value in values)
        return list(dict.fromkeys(value for value in values if value))

    def filter(self, stories, values, index):
        raise NotImplementedError

    def counts(self, stories, index):
        """``[(value, label, count)]`` for the stories given (one query)."""
        raise NotImplementedError

    def label_for(self, value, index):
        """The label of a selected value that has no stories in the current counts."""
        return value

    def sort_key(self, option):
        return str(option.label).casefold()


def _story_pks(stories):
    return stories.order_by().values("pk")


class InlineRowFacet(Facet):
    """A facet on a story's inline rows (themes, organisations): a story matches when one of its rows does.

    Subclasses give :meth:`_rows` (the row model's manager, with a ``page`` foreign key to the story) and
    :attr:`lookup`, the path from a row to the facet's value (``"theme__slug"``).
    """

    lookup = ""

    def _rows(self):
        raise NotImplementedError

    def filter(self, stories, values, index):
        return stories.filter(pk__in=self._rows().filter(**{f"{self.lookup}__in": values}).values("page_id"))

    def grouped_rows(self, stories, **annotations):
        """One row per value among ``stories``: ``{lookup: value, "count": stories, **annotations}`` (one query)."""
        return (
            self._rows()
            .filter(page__in=_story_pks(stories))
            .values(self.lookup)
            .annotate(count=Count("page_id", distinct=True), **annotations)
        )


class ThemeFacet(InlineRowFacet):
    name = "theme"
    label = _("Theme")
    lookup = "theme__slug"

    def _rows(self):
        from .models import StoryPageTheme  # here, not at the top: models imports this module (StoryFilter)

        return StoryPageTheme.objects

    def counts(self, stories, index):
        rows = self.grouped_rows(stories, label=Max("theme__name"))
        return [(row[self.lookup], row["label"], row["count"]) for row in rows]

    def label_for(self, value, index):
        theme = Theme.objects.filter(slug=value, locale_id=index.locale_id).first()
        return theme.name if theme else value


class CountryFacet(Facet):
    name = "country"
    label = _("Country")

    def clean(self, values):
        return [value.upper() for value in super().clean(values) if value.upper() in countries]

    def filter(self, stories, values, index):
        return stories.filter(country__in=values)

    def counts(self, stories, index):
        rows = stories.order_by().values("country").annotate(count=Count("pk"))
        return [(row["country"], countries.name(row["country"]), row["count"]) for row in rows]

    def label_for(self, value, index):
        return countries.name(value)


class CityFacet(Facet):
    name = "city"
    label = _("City")

    def filter(self, stories, values, index):
        return stories.filter(city__in=values)

    def counts(self, stories, index):
        rows = stories.order_by().values("city").annotate(count=Count("pk"))
        return [(row["city"], row["city"], row["count"]) for row in rows if row["city"]]


class NetworkFacet(Facet):
    """Groups by the network page's ``translation_key``; labels in the index's language when translated."""

    name = "network"
    label = _("Network")

    def clean(self, values):
        cleaned = []
        for value in super().clean(values):
            if parse_int(value) is not None:
                cleaned.append(str(parse_int(value)))
                continue
            try:
                cleaned.append(str(uuid.UUID(value)))
            except ValueError:
                continue
        return cleaned

    def _keys(self, values):
        ids = [parse_int(value) for value in values]
        keys = [value for value, number in zip(values, ids, strict=True) if number is None]
        ids = [number for number in ids if number is not None]
        if ids:
            keys += [str(key) for key in Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True)]
        return keys

    def filter(self, stories, values, index):
        return stories.filter(network__translation_key__in=self._keys(values))

    def counts(self, stories, index):
        local_title = Page.objects.filter(
            translation_key=OuterRef("network__translation_key"), locale_id=index.locale_id
        ).values("title")[:1]
        rows = (
            stories.order_by()
            .filter(network__isnull=False)
            .values("network__translation_key")
            .annotate(
                count=Count("pk"),
                label=Coalesce(Subquery(local_title, output_field=CharField()), Max("network__title")),
            )
        )
        return [(str(row["network__translation_key"]), row["label"], row["count"]) for row in rows]

    def label_for(self, value, index):
        keys = self._keys([value])
        if not keys:
            return value
        pages = Page.objects.filter(translation_key__in=keys)
        page = pages.filter(locale_id=index.locale_id).first() or pages.first()
        return page.title if page else value


class YearFacet(Facet):
    """The year the practice started."""

    name = "year"
    label = _("Year")

    def clean(self, values):
        years = (parse_int(value, min_value=1000, max_value=9999) for value in super().clean(values))
        return list(dict.fromkeys(str(year) for year in years if year is not None))

    def filter(self, stories, values, index):
        return stories.filter(start_year__in=[int(value) for value in values])

    def counts(self, stories, index):
        rows = stories.order_by().values("start_year").annotate(count=Count("pk"))
        return [(str(row["start_year"]), str(row["start_year"]), row["count"]) for row in rows if row["start_year"]]

    def sort_key(self, option):
        return -int(option.value)


class OrganisationTypeFacet(InlineRowFacet):
    """The types of the organisations involved in a story."""

    name = "orgtype"
    label = _("Organisation type")
    lookup = "organisation__organisation_type"

    def clean(self, values):
        return [value for value in super().clean(values) if value in OrganisationType.values]

    def _rows(self):
        from .models import StoryPageOrganisation  # here, not at the top: models imports this module

        return StoryPageOrganisation.objects

    def counts(self, stories, index):
        return [
            (row[self.lookup], self.label_for(row[self.lookup], index), row["count"])
            for row in self.grouped_rows(stories)
        ]

    def label_for(self, value, index):
        return dict(OrganisationType.choices).get(value, value)


class StoryFilter:
    """The index's query string turned into a filtered queryset and facet counts.

    ``StoryFilter(index_page, request.GET, stories=index_page.get_stories())``. Override :attr:`facet_classes`
    (or :meth:`get_facets`) to add, drop or reorder facets; :attr:`search_limit` caps the text search hits.
    """

    facet_classes = [ThemeFacet, CountryFacet, CityFacet, NetworkFacet, YearFacet, OrganisationTypeFacet]
    search_param = "q"
    search_limit = 1000
    #: Seconds the facet counts are kept in Django's default cache (``0``: not cached). Each count is an
    #: aggregate over every story of the index, so uncached they cost time in proportion to the number of
    #: stories; cached, the index renders in the same time at 200 or 20,000 stories. Edits clear them at once
    #: (:func:`clear_facet_cache`); the timeout bounds how long changes made without signals take to show.
    facet_cache_timeout = 300

    def __init__(self, index, data, stories):
        self.index = index
        self.data = data
        self.stories = stories
        self.facet_list = self.get_facets()
        self.selected = {}
        for facet in self.facet_list:
            values = facet.clean(data.getlist(facet.name)[:20])
            if values:
                self.selected[facet.name] = values
        self.query = strip_control_characters(data.get(self.search_param) or "")[:200]

    def get_facets(self):
        return [facet_class() for facet_class in self.facet_classes]

    @property
    def is_filtered(self):
        return bool(self.selected or self.query)

    @cached_property
    def search_hits(self):
        """The primary keys of the newest :attr:`search_limit` stories of the index's subtree (its story sections
        included) matching the text search (``None`` when there is none).

        The list shows matches newest first, so relevance is not asked for: ranking every match (a score
        subquery per matching row on the database backend) made a common word cost minutes on SQLite at
        10,000 stories (``docs/performance.md``).
        """
        if not self.query:
            return None
        hits = (
            self.stories.model.objects.live()
            .descendant_of(self.index)
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        return [
            page.pk for page in hits.search(self.query, operator="and", order_by_relevance=False)[: self.search_limit]
        ]

    def search(self, stories):
        return stories if self.search_hits is None else stories.filter(pk__in=self.search_hits)

    @cached_property
    def counting_base(self):
        """The stories without ordering or prefetching, for the aggregate queries of the facets."""
        return self.search(self.stories.prefetch_related(None).select_related(None).order_by())

    def apply(self, stories, exclude=None):
        for facet in self.facet_list:
            if facet.name != exclude and facet.name in self.selected:
                stories = facet.filter(stories, self.selected[facet.name], self.index)
        return stories

    def results(self):
        """The stories matching the search and every facet, in the index's order."""
        return self.apply(self.search(self.stories))

    def facets(self):
        """Each facet with its options (value, label, disjunctive count, selected, toggle link)."""
        results = []
        for facet in self.facet_list:
            selected = self.selected.get(facet.name, [])
            options = {}
            for value, label, count in self.facet_counts(facet):
                options[str(value)] = FacetOption(str(value), label, count, str(value) in selected)
            for value in selected:
                if value not in options:
                    options[value] = FacetOption(value, facet.label_for(value, self.index), 0, True)
            ordered = sorted(options.values(), key=facet.sort_key)
            for option in ordered:
                option.toggle_querystring = self.querystring(toggle=(facet.name, option.value))
            results.append(FacetResult(facet, ordered))
        return results

    def facet_counts(self, facet):
        """``facet.counts()`` under the search and every other facet, from the cache when it has them.

        A cache that fails (its server down) is logged once and left out: the counts are computed.
        """
        if not self.facet_cache_timeout:
            return facet.counts(self.apply(self.counting_base, exclude=facet.name), self.index)
        try:
            key = self.facet_cache_key(facet)
            counts = cache.get(key)
        except Exception as error:
            _cache_failed(error)
            key = counts = None
        if counts is None:
            base = self.apply(self.counting_base, exclude=facet.name)
            counts = [(str(value), str(label), count) for value, label, count in facet.counts(base, self.index)]
            if key is not None:
                try:
                    cache.set(key, counts, self.facet_cache_timeout)
                except Exception as error:
                    _cache_failed(error)
        return counts

    def facet_cache_key(self, facet):
        """One key per index, language, facet, and the search and other facets' values it is counted under."""
        others = sorted((name, value) for name, value in self.params() if name != facet.name)
        parts = [self.index.pk, self.index.locale_id, get_language() or "", facet.name, others]
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        return f"seismic:stories:facets:{_facet_cache_generation()}:{digest}"

    def params(self):
        """The current filter as ``[(name, value)]`` (no page number)."""
        pairs = [(name, value) for name, values in self.selected.items() for value in values]
        if self.query:
            pairs.append((self.search_param, self.query))
        return pairs

    @property
    def querystring_without_search(self):
        return self.querystring(remove_query=True)

    def querystring(self, toggle=None, remove_query=False):
        """The filter as a query string; ``toggle=(facet, value)`` adds or removes one value."""
        pairs = self.params()
        if remove_query:
            pairs = [pair for pair in pairs if pair[0] != self.search_param]
        if toggle is not None:
            if toggle in pairs:
                pairs.remove(toggle)
            else:
                pairs.append(toggle)
        return urlencode(pairs)
