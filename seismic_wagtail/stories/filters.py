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
``only_language`` ``1``: only the stories in the index's language  ``?only_language=1``
``page``   page number (tolerant: ``abc`` gives 1, ``999`` the last)
========== ===================================================== ===========================

Values of one facet combine with OR (``?theme=a&theme=b``: either theme); different facets combine with AND.
Malformed values (``year=abc``, an unknown country code or organisation type, a network key that is not a
UUID) are ignored; well-formed values that match nothing give an empty list, never an error.

Counts are *disjunctive*: the count beside a value is the number of stories you get by adding that value to
the current filter, so each facet's counts apply the search and every other facet but not its own. They are
counted in one pass (:meth:`StoryFilter.compute_counts`): one query for the stories' own facet fields, one per
facet on inline rows (themes, organisation types), one for the network labels, and the counts of every facet
(and the number of matching stories) computed from those rows in Python; a facet without one-pass support is
counted with one aggregate query of its own. The result (options with labels, counts and links, the number of
stories, the rendered filter form) is cached per index, language and filter (:class:`StoryListing`), so a
warm index page makes no query for them: see ``docs/reference/stories.md``.

Languages: the list holds the stories in the index's language and, after them, the stories that exist only in
the index's other languages (one version of each: see :meth:`~.models.StoryIndexPage.get_other_language_stories`);
the facets and the number of stories count both, and ``?only_language=1`` leaves the others out.

Deep pages: the list is numbered for its first pages and continues with a cursor on
``(first_published_at, pk)`` (``?after=`` / ``?before=``, :class:`.pagination.KeysetPage`), so an old page costs what
the first one does and a story published meanwhile neither repeats nor hides a story.
"""

import hashlib
import logging
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import CharField, Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Page

from seismic_wagtail.core.cache import log_cache_failure
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


def _cache_failed(error):
    log_cache_failure("story facet", error, logger)


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
    """One facet: how to read its values, filter the stories and count them. Subclass to add a facet.

    Counting: a facet that overrides :meth:`one_pass_values` (every facet below does) gives each story's values,
    and :class:`StoryFilter` counts all such facets from one list of rows; any other facet is counted by
    :meth:`counts`, one aggregate query of its own. A subclass that changes :meth:`filter` or :meth:`counts`
    of a facet below changes :meth:`one_pass_values` to match.
    """

    name = ""
    label = ""
    #: The story fields :meth:`one_pass_values` reads (``values()`` lookups such as ``"country"``); the stories'
    #: fields of every facet are fetched in one query.
    fields = ()

    def clean(self, values):
        """Keep the well-formed values (deduplicated, in order, control characters removed)."""
        values = (strip_control_characters(value)[:200] for value in values)
        return list(dict.fromkeys(value for value in values if value))

    def filter(self, stories, values, index):
        raise NotImplementedError

    def counts(self, stories, index):
        """``[(value, label, count)]`` for the stories given (one query)."""
        raise NotImplementedError

    def one_pass_values(self, columns, scope, index):
        """Each story's values of this facet, for counting every facet in one pass. Not overridden: :meth:`counts`
        counts this facet with its own aggregate query.

        ``columns``: ``{field: {story pk: value}}`` for the :attr:`fields` of every facet, one entry per story
        counted (the search and the facets without one-pass support applied), fetched in one query. ``scope``:
        a ``values("pk")`` queryset holding at least those stories (a superset: query rows with it, and only
        the stories in ``columns`` are counted). Returns ``(values, labels)``: ``values`` maps a story's pk to
        the tuple of its values (strings; the values :meth:`filter` matches, the story left out when it has
        none), ``labels`` maps each value to its label.
        """
        return None

    def match_values(self, values):
        """The values a story must have one of to pass :meth:`filter` for the selected ``values`` (one-pass)."""
        return set(values)

    @property
    def counts_in_one_pass(self):
        """Whether this facet is counted from :meth:`one_pass_values` (a subclass overrides it)."""
        return type(self).one_pass_values is not Facet.one_pass_values

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
    #: The path from a row to the value's label for the one-pass count (the label in the index's locale wins
    #: when :attr:`locale_lookup` is set, else the greatest label of a value, as in :meth:`counts`); empty:
    #: :meth:`label_for` labels each value.
    label_lookup = ""
    #: The path from a row to the locale of the related object (``"theme__locale_id"``): a story in another
    #: language points at the snippet in its own language, and the index labels the value in its language.
    locale_lookup = ""

    def _rows(self):
        raise NotImplementedError

    def one_pass_values(self, columns, scope, index):
        """The rows of the stories in ``scope`` as ``(page, related row)`` ids (one query), and the values and
        labels of the related rows (one query, which with :attr:`locale_lookup` also reads the same values'
        objects in the index's locale: their labels win): a story's values are its rows' values."""
        relation, _sep, value_lookup = self.lookup.partition("__")
        label_lookup = self.label_lookup.partition("__")[2] if self.label_lookup else None
        locale_lookup = self.locale_lookup.partition("__")[2] if self.locale_lookup and label_lookup else None
        related_ids = defaultdict(set)
        for page_id, related_id in self._rows().filter(page_id__in=scope).values_list("page_id", f"{relation}_id"):
            related_ids[page_id].add(related_id)
        if not related_ids:
            return {}, {}
        related_model = self._rows().model._meta.get_field(relation).related_model
        lookups = ["pk", value_lookup] + ([label_lookup] if label_lookup else [])
        lookups += [locale_lookup] if locale_lookup else []
        ids = set().union(*related_ids.values())
        rows = related_model._base_manager.filter(pk__in=ids)
        if locale_lookup:  # and the same values' objects in the index's locale, for their labels (same query)
            rows = related_model._base_manager.filter(
                Q(pk__in=ids) | Q(**{locale_lookup: index.locale_id, f"{value_lookup}__in": rows.values(value_lookup)})
            )
        value_of, labels, local = {}, {}, {}
        for row in rows.values_list(*lookups):
            value = str(row[1])
            label = str(row[2]) if label_lookup else None
            if locale_lookup and row[3] == index.locale_id:
                local[value] = label
            if row[0] not in ids:
                continue
            value_of[row[0]] = value
            if value not in labels or (label is not None and label > labels[value]):
                labels[value] = label
        labels.update({value: label for value, label in local.items() if value in labels})
        for value, label in labels.items():
            if label is None:
                labels[value] = str(self.label_for(value, index))
        values = {pk: tuple({value_of[related_id] for related_id in ids}) for pk, ids in related_ids.items()}
        return values, labels

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
    label_lookup = "theme__name"
    locale_lookup = "theme__locale_id"

    def _rows(self):
        from .models import StoryPageTheme  # here, not at the top: models imports this module (StoryFilter)

        return StoryPageTheme.objects

    def counts(self, stories, index):
        """The theme's name in the index's locale (stories in other languages point at their language's
        theme), else the greatest name."""
        local_name = Theme.objects.filter(slug=OuterRef("theme__slug"), locale_id=index.locale_id).values("name")[:1]
        rows = self.grouped_rows(
            stories, label=Coalesce(Subquery(local_name, output_field=CharField()), Max("theme__name"))
        )
        return [(row[self.lookup], row["label"], row["count"]) for row in rows]

    def label_for(self, value, index):
        theme = Theme.objects.filter(slug=value, locale_id=index.locale_id).first()
        return theme.name if theme else value


class CountryFacet(Facet):
    name = "country"
    label = _("Country")

    def clean(self, values):
        return [value.upper() for value in super().clean(values) if value.upper() in countries]

    fields = ("country",)

    def filter(self, stories, values, index):
        return stories.filter(country__in=values)

    def one_pass_values(self, columns, scope, index):
        values = {pk: (str(country),) for pk, country in columns["country"].items() if country is not None}
        return values, {value: str(countries.name(value)) for (value,) in set(values.values())}

    def counts(self, stories, index):
        rows = stories.order_by().values("country").annotate(count=Count("pk"))
        return [(row["country"], countries.name(row["country"]), row["count"]) for row in rows]

    def label_for(self, value, index):
        return countries.name(value)


class CityFacet(Facet):
    name = "city"
    label = _("City")

    fields = ("city",)

    def filter(self, stories, values, index):
        return stories.filter(city__in=values)

    def one_pass_values(self, columns, scope, index):
        values = {pk: (city,) for pk, city in columns["city"].items() if city}
        return values, {value: value for (value,) in set(values.values())}

    def counts(self, stories, index):
        rows = stories.order_by().values("city").annotate(count=Count("pk"))
        return [(row["city"], row["city"], row["count"]) for row in rows if row["city"]]


class NetworkFacet(Facet):
    """Groups by the network page's ``translation_key``; labels in the index's language when translated."""

    name = "network"
    label = _("Network")
    fields = ("network_id",)

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

    def match_values(self, values):
        return set(self._keys(values))

    def one_pass_values(self, columns, scope, index):
        """Labels as :meth:`counts` gives them (one query, which also reads the networks' translation keys): the
        network's title in the index's locale, else the greatest title of the networks the stories name."""
        network_ids = {pk: network_id for pk, network_id in columns["network_id"].items() if network_id is not None}
        if not network_ids:
            return {}, {}
        chosen = set(network_ids.values())
        keys = Page.objects.filter(pk__in=chosen).values("translation_key")
        pages = Page.objects.filter(Q(pk__in=chosen) | Q(translation_key__in=keys, locale_id=index.locale_id))
        key_of, local, titles = {}, {}, {}
        for pk, key, locale_id, title in pages.values_list("pk", "translation_key", "locale_id", "title"):
            key = str(key)
            if locale_id == index.locale_id:
                local[key] = title
            if pk in chosen:
                key_of[pk] = key
                titles[key] = max(titles.get(key, title), title)
        values = {pk: (key_of[network_id],) for pk, network_id in network_ids.items() if network_id in key_of}
        return values, {key: local.get(key, titles[key]) for key in titles}

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

    fields = ("start_year",)

    def filter(self, stories, values, index):
        return stories.filter(start_year__in=[int(value) for value in values])

    def one_pass_values(self, columns, scope, index):
        values = {pk: (str(year),) for pk, year in columns["start_year"].items() if year}
        return values, {value: value for (value,) in set(values.values())}

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

    ``StoryFilter(index_page, request.GET, stories=index_page.get_stories(), other_stories=...)``. Override
    :attr:`facet_classes` (or :meth:`get_facets`) to add, drop or reorder facets; :attr:`search_limit` caps the
    text search hits.

    ``stories`` are the stories in the index's language; ``other_stories`` (optional) those that exist only in
    its other languages (:meth:`~.models.StoryIndexPage.get_other_language_stories`), listed after them, and
    ``other_indexes`` the index's translations they sit under (the text search and the facet rows read their
    subtrees). The facets and the number of stories count both; ``?only_language=1``
    (:attr:`language_param`) leaves the others out.
    """

    facet_classes = [ThemeFacet, CountryFacet, CityFacet, NetworkFacet, YearFacet, OrganisationTypeFacet]
    search_param = "q"
    #: The query string parameter of "only the stories in this language" (value ``1``).
    language_param = "only_language"
    search_limit = 1000
    #: Seconds the facets (options, counts, links), the number of matching stories and the rendered filter form
    #: are kept in Django's default cache (``0``: not cached), per index, language and filter
    #: (:meth:`get_listing`). Uncached, counting reads every story of the index once, in proportion to the
    #: number of stories; cached, the index renders in the same time at 200 or 100,000 stories. Edits clear them
    #: at once (:func:`clear_facet_cache`); the timeout bounds how long changes made without signals (and a
    #: deploy that changes the cached templates) take to show.
    facet_cache_timeout = 300

    def __init__(self, index, data, stories, other_stories=None, other_indexes=()):
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
        self.only_language = data.get(self.language_param) in ("1", "on", "true")
        #: Whether the index has other languages to show stories from (the form offers "only this language").
        self.has_other_languages = other_stories is not None and bool(other_indexes)
        self.other_indexes = list(other_indexes) if self.has_other_languages else []
        self.other_stories = other_stories if self.has_other_languages and not self.only_language else None

    def get_facets(self):
        return [facet_class() for facet_class in self.facet_classes]

    @property
    def is_filtered(self):
        return bool(self.selected or self.query or self.only_language)

    @cached_property
    def listed_stories(self):
        """The stories in the index's language and, when listed, those in its other languages (one queryset)."""
        if self.other_stories is None:
            return self.stories
        return self.stories | self.other_stories

    def scope_q(self):
        """The subtrees the stories come from (the index's and, when listed, its translations'), as a ``Q`` on
        Wagtail's ``path`` (a filter field of every search backend)."""
        indexes = [self.index, *(self.other_indexes if self.other_stories is not None else [])]
        scope = Q()
        for index in indexes:
            scope |= Q(path__startswith=index.path, depth__gt=index.depth)
        return scope

    @cached_property
    def search_hits(self):
        """The primary keys of the newest :attr:`search_limit` stories of the index's subtree (its story sections
        included; its translations' subtrees too when their stories are listed) matching the text search
        (``None`` when there is none).

        The list shows matches newest first, so relevance is not asked for: ranking every match (a score
        subquery per matching row on the database backend) made a common word cost minutes on SQLite at
        10,000 stories (``docs/performance.md``).
        """
        if not self.query:
            return None
        hits = (
            self.stories.model.objects.live()
            .filter(self.scope_q())
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
        return self.search(self.listed_stories.prefetch_related(None).select_related(None).order_by())

    def apply(self, stories, exclude=None, only=None):
        """``stories`` filtered by every selected facet but ``exclude`` (or by those named in ``only``)."""
        for facet in self.facet_list:
            if only is not None and facet.name not in only:
                continue
            if facet.name != exclude and facet.name in self.selected:
                stories = facet.filter(stories, self.selected[facet.name], self.index)
        return stories

    def results(self):
        """The stories matching the search and every facet, both languages' sections, newest first (one queryset;
        its count is the listing's)."""
        return self.apply(self.search(self.listed_stories))

    def local_results(self):
        """The matching stories in the index's language, in the index's order (the feeds carry these)."""
        return self.apply(self.search(self.stories))

    def other_language_results(self):
        """The matching stories in the index's other languages, newest first (``None`` when not listed)."""
        if self.other_stories is None:
            return None
        return self.apply(self.search(self.other_stories))

    def facets(self):
        """Each facet with its options (value, label, disjunctive count, selected, toggle link), from the cache
        when it has them (see :meth:`get_listing`)."""
        return self.get_listing().facets

    def build_facets(self, counts):
        """:class:`FacetResult` per facet from ``{facet name: [(value, label, count)]}``: the selected values
        without stories added (one query each for their labels), sorted, with their toggle links."""
        results = []
        for facet in self.facet_list:
            selected = self.selected.get(facet.name, [])
            options = {}
            for value, label, count in counts[facet.name]:
                options[str(value)] = FacetOption(str(value), label, count, str(value) in selected)
            for value in selected:
                if value not in options:
                    options[value] = FacetOption(value, str(facet.label_for(value, self.index)), 0, True)
            ordered = sorted(options.values(), key=facet.sort_key)
            for option in ordered:
                option.toggle_querystring = self.querystring(toggle=(facet.name, option.value))
            results.append(FacetResult(facet, ordered))
        return results

    def get_listing(self, render_fragments=None):
        """The facets, the number of matching stories and the rendered fragments (:class:`StoryListing`).

        From Django's cache when it has them for this index, language and filter (no query); else counted
        (:meth:`compute_counts`), ``render_fragments(listing)`` called for ``{name: html}`` (the index page
        renders its filter form there), and cached for :attr:`facet_cache_timeout` seconds under the current
        generation, which :func:`clear_facet_cache` replaces. A cache that fails is logged once and left out.
        """
        listing = self.__dict__.get("_listing")
        if listing is None:
            listing = self._cached_listing()
        stored = listing is not None
        if listing is None:
            counts, count, local_count = self.compute_listing_counts()
            listing = StoryListing(self.build_facets(counts), count, local_count=local_count)
        if render_fragments is not None and not listing.fragments:
            listing.fragments = {name: str(html) for name, html in render_fragments(listing).items()}
            stored = False
        if not stored:
            self._store_listing(listing)
        self.__dict__["_listing"] = listing
        return listing

    def listing_cache_key(self):
        """One key per index, language, and search, facet and language values (``None`` when not cached).

        ``params()`` carries ``only_language``; whether the index has other languages is in the key too (the
        form offers the choice only then)."""
        if not self.facet_cache_timeout:
            return None
        parts = [
            self.index.pk,
            self.index.locale_id,
            get_language() or "",
            sorted(self.params()),
            sorted(index.pk for index in self.other_indexes),
        ]
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        return f"seismic:stories:listing:{_facet_cache_generation()}:{digest}"

    def _cached_listing(self):
        try:
            key = self.listing_cache_key()
            data = cache.get(key) if key else None
        except Exception as error:
            _cache_failed(error)
            return None
        if not data:
            return None
        try:
            return StoryListing.from_data(data, self.facet_list)
        except (KeyError, TypeError, ValueError):  # written by another version of the package
            return None

    def _store_listing(self, listing):
        try:
            key = self.listing_cache_key()
            if key:
                cache.set(key, listing.to_data(), self.facet_cache_timeout)
        except Exception as error:
            _cache_failed(error)

    def compute_counts(self):
        """``({facet name: [(value, label, count)]}, number of matching stories)``: see
        :meth:`compute_listing_counts`."""
        counts, total, _local = self.compute_listing_counts()
        return counts, total

    def compute_listing_counts(self):
        """``({facet name: [(value, label, count)]}, number of matching stories, how many of them are in the
        index's language)``, in one pass.

        One query for the stories' facet fields (:attr:`Facet.fields`), one per facet on inline rows, one for
        the networks' keys and labels (when a story has a network); each facet's disjunctive counts and the
        number of stories matching every facet are computed from them with set operations. A facet without
        one-pass support (:meth:`Facet.one_pass_values` not overridden) is counted by its own aggregate query.
        The result is the same as :meth:`aggregate_counts` and ``results().count()``.
        """
        one_pass_facets = [facet for facet in self.facet_list if facet.counts_in_one_pass]
        others = [facet for facet in self.facet_list if not facet.counts_in_one_pass]
        # The one-pass facets are counted among the stories that the other facets' selections let through.
        base = self.apply(self.counting_base, only=[facet.name for facet in others])
        fields = list(dict.fromkeys(name for facet in one_pass_facets for name in facet.fields))
        rows = list(base.values_list("pk", "locale_id", *fields))
        pks = [row[0] for row in rows]
        local_pks = {row[0] for row in rows if row[1] == self.index.locale_id}
        columns = {name: {row[0]: row[number] for row in rows} for number, name in enumerate(fields, start=2)}
        del rows
        narrowed = self.query or any(facet.name in self.selected for facet in others)
        scope = base.values("pk") if narrowed else self.row_scope()
        one_pass = {facet.name: facet.one_pass_values(columns, scope, self.index) for facet in one_pass_facets}
        counts, matching = self._count_in_one_pass(pks, one_pass)
        for facet in others:
            stories = self.apply(self.counting_base, exclude=facet.name)
            counts[facet.name] = [
                (str(value), str(label), count) for value, label, count in facet.counts(stories, self.index)
            ]
        return counts, len(matching), len(matching & local_pks)

    def row_scope(self):
        """The pks the inline-row queries of the one-pass count read (``values("pk")``; a superset of the stories
        is fine, only the stories counted are matched): the index's descendants, read from Wagtail's page table
        alone so that the stories' wide rows are not read a second time. When the index's
        :meth:`~.models.StoryIndexPage.get_stories` is overridden (it may list stories elsewhere), the stories
        themselves."""
        from .models import StoryIndexPage  # here, not at the top: models imports this module

        index_type = type(self.index)
        if (
            index_type.get_stories is not StoryIndexPage.get_stories
            or index_type.get_other_language_stories is not StoryIndexPage.get_other_language_stories
        ):
            return self.counting_base.values("pk")
        return Page.objects.filter(self.scope_q()).values("pk")

    def _count_in_one_pass(self, pks, one_pass):
        """Disjunctive counts with set operations: a facet counts the stories that pass every other selected
        facet. Returns ``(counts, the pks of the stories that pass them all)``."""
        facets = {facet.name: facet for facet in self.facet_list}
        passing = {}
        for name, (values, _labels) in one_pass.items():
            if name in self.selected:
                wanted = facets[name].match_values(self.selected[name])
                passing[name] = {pk for pk, found in values.items() if not wanted.isdisjoint(found)}
        everyone = set(pks)
        counts = {}
        for name, (values, labels) in one_pass.items():
            among = [found for other, found in passing.items() if other != name]
            if among:
                stories = set.intersection(everyone, *among)
                tally = Counter(chain.from_iterable(values[pk] for pk in stories if pk in values))
            else:
                tally = Counter(chain.from_iterable(values[pk] for pk in pks if pk in values))
            counts[name] = [(value, labels[value], count) for value, count in sorted(tally.items())]
        matching = set.intersection(everyone, *passing.values()) if passing else everyone
        return counts, matching

    def aggregate_counts(self):
        """The counts as one aggregate query per facet would give them (:meth:`Facet.counts`): the reference
        :meth:`compute_counts` is tested against."""
        return {
            facet.name: [
                (str(value), str(label), count)
                for value, label, count in facet.counts(self.apply(self.counting_base, exclude=facet.name), self.index)
            ]
            for facet in self.facet_list
        }

    def params(self):
        """The current filter as ``[(name, value)]`` (no page number)."""
        pairs = [(name, value) for name, values in self.selected.items() for value in values]
        if self.query:
            pairs.append((self.search_param, self.query))
        if self.only_language:
            pairs.append((self.language_param, "1"))
        return pairs

    @property
    def querystring_without_language(self):
        """The filter without ``only_language`` (the "remove" link of its chip)."""
        return urlencode([pair for pair in self.params() if pair[0] != self.language_param])

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


@dataclass
class StoryListing:
    """What the index shows besides the page of stories, cached per index, language and filter: the facets,
    the number of matching stories (the paginator's count), how many of them are in the index's language (the
    rest are listed after them, in other languages) and the rendered fragments (``{name: html}``)."""

    facets: list
    count: int
    fragments: dict = field(default_factory=dict)
    local_count: int | None = None

    def __post_init__(self):
        if self.local_count is None:
            self.local_count = self.count

    @property
    def other_count(self):
        """The matching stories that exist only in other languages."""
        return self.count - self.local_count

    def to_data(self):
        """Plain data for the cache (no model instances, no lazy strings)."""
        facets = [
            [
                result.name,
                [[o.value, str(o.label), o.count, o.selected, o.toggle_querystring] for o in result.options],
            ]
            for result in self.facets
        ]
        return {
            "version": 2,
            "facets": facets,
            "count": self.count,
            "local_count": self.local_count,
            "fragments": self.fragments,
        }

    @classmethod
    def from_data(cls, data, facet_list):
        if data.get("version") != 2:
            raise ValueError("another version of the cached listing")
        options = dict(data["facets"])
        facets = [FacetResult(facet, [FacetOption(*option) for option in options[facet.name]]) for facet in facet_list]
        # The fragments are HTML rendered by the index's own templates (autoescaped) before they were cached.
        fragments = {name: mark_safe(html) for name, html in data["fragments"].items()}  # noqa: S308
        return cls(facets, int(data["count"]), fragments, local_count=int(data["local_count"]))
