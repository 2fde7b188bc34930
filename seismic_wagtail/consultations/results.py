"""Pooled results of a consultation, aggregated in the database.

Every number comes from ``GROUP BY`` queries filtered by the consultation's ``translation_key``, so answers
from every language version pool into one result and the number of queries does not grow with the number
of responses: 1 for the locales, 1 for what changed in the responses (:func:`responses_fingerprint`, read from one index
alone), then the responses grouped by language, country, type and confirmation, the answer counts (distributions, respondents per question and the three
breakdowns from the same grouped rows, read from one covering index of :class:`~.models.ConsultationAnswer`)
with the counts frozen by purges (:mod:`.frozen`): 4 queries, or none while :class:`ResultsCache` holds them
for the same responses; on the public page 1 for what moderation approved (and 1 more for the number of
published answers per free-text question when that changed) and 1 per free-text question for its first page
of them. Only confirmed responses count.

Every share is of the respondents to that question (for "who responded": of all respondents), so a bar of
50% means half the people who answered, never "half the largest answer". :attr:`ConsultationResults.ranking`
ranks the rating questions (one per agenda item) by their mean rating: the consultation's headline.

Published free-text answers (:func:`published_texts`, :func:`text_answer_page`) are those whose respondent
agreed to publication and whose moderation is approved (:class:`~.models.ModerationStatus`).
"""

import logging
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.http import QueryDict
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Locale

from seismic_wagtail.core.cache import log_cache_failure
from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.i18n import language_name
from seismic_wagtail.core.querystring import parse_int

from .frozen import frozen_answer_counts, frozen_respondent_counts
from .models import ConsultationAnswer, ModerationStatus, PublicationConsent, RespondentType, publishable_answers
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT

logger = logging.getLogger(__name__)

#: The breakdown dimensions: (name, field of ConsultationResponse, heading).
DIMENSIONS = (
    ("language", "locale__language_code", _("Language")),
    ("country", "country", _("Country")),
    ("respondent_type", "respondent_type", _("Respondent type")),
)


def language_label(code):
    """A language in the breakdowns and filters, named in the page's language ("Swedish" on an English page,
    "Švédština" on a Czech one): the results are a table read in that language, as the country names beside
    them are. Its own name ("svenska") is for a visitor choosing their language, in the switcher."""
    return language_name(code, label=True)


def dimension_label(dimension, value):
    if dimension == "language":
        return language_label(value)
    if dimension == "country":
        return countries.name(value) or value
    if dimension == "respondent_type":
        return dict(RespondentType.choices).get(value, value)
    return value


def language_direction(code):
    """``"rtl"`` for a right-to-left language (Arabic, Hebrew, Persian...), else ``"ltr"``."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def format_percent(value):
    """A whole percentage as the active language writes it: "36%", "36 %" (German, French), "%36" (Turkish)."""
    return gettext("%(percent)s%%") % {"percent": value}


@dataclass
class Bar:
    """One bar of a chart: ``value`` (a count, or ranking points) and ``display`` (the value as text).

    ``share`` is the percentage shown beside the value: of the question's respondents (of all respondents in
    "who responded"; for a ranking, of the respondents who placed the choice at all). ``width`` is the bar's
    length in whole percent of its track (the CSS class ``seismic-bar--w<width>``): the same share, or for
    a ranking the points out of the most a choice could get. ``None`` shares (breakdown cells) show no percent.
    """

    key: str
    label: str
    value: float
    display: str
    share: float | None = None
    width: int = 0
    #: Ranking: respondents who placed this choice (at any place).
    ranked_by: int | None = None

    @property
    def percent(self):
        """The share rounded to a whole percent (``None`` without a share)."""
        return None if self.share is None else round(self.share)

    @property
    def percent_display(self):
        return "" if self.share is None else format_percent(self.percent)


def bar_width(value, base):
    """``value`` out of ``base`` as a whole percent 0-100 for the bar's CSS class; at least 1 when not 0."""
    if not base or not value:
        return 0
    return max(1, min(100, round(100 * value / base)))


@dataclass
class QuestionResult:
    question: object
    respondents: int = 0
    bars: list = field(default_factory=list)
    average: float | None = None
    #: {dimension: [{"value", "label", "count", "average", "cells": {key: count}}]}
    breakdowns: dict = field(default_factory=dict)
    #: The first page of published free-text answers (:class:`TextAnswer`) and how many are published.
    texts: list = field(default_factory=list)
    text_count: int = 0
    #: Ratings: the share of answers rating 4 or 5, in percent.
    top_share: float | None = None

    @property
    def chart_title(self):
        if self.question.kind == RATING and self.question.subject:
            return f"{self.question.subject}: {self.question.label}"
        return self.question.label

    @property
    def item(self):
        """What a rating is about (the agenda item), else the question."""
        return self.question.subject or self.question.label

    @property
    def top_percent_display(self):
        return "" if self.top_share is None else format_percent(round(self.top_share))

    @property
    def points_table(self):
        """Ranking: the choices by points, most first (the bars keep the editor's order)."""
        return sorted(self.bars, key=lambda bar: (-bar.value, -(bar.ranked_by or 0), str(bar.label)))

    @property
    def value_heading(self):
        if self.question.kind == RANKING:
            return _("Points")
        return _("Answers")


@dataclass
class ConsultationResults:
    total: int
    by_dimension: dict  # {dimension: [Bar]}
    questions: list
    dimensions: tuple = DIMENSIONS

    @property
    def languages(self):
        return self.by_dimension["language"]

    @property
    def ranking(self):
        """The headline: every answered rating question (one per agenda item or theme), best mean first.

        Ties go to the larger share rating 4 or 5, then to more answers, then to the name. Override
        :meth:`ConsultationPage.get_results` and sort ``results.questions`` yourself to rank otherwise.
        """
        rated = [result for result in self.questions if result.question.kind == RATING and result.respondents]
        return sorted(rated, key=lambda r: (-(r.average or 0), -(r.top_share or 0), -r.respondents, str(r.item)))

    @property
    def rankings(self):
        """The ranking questions with answers, for their points tables beside the headline."""
        return [result for result in self.questions if result.question.kind == RANKING and result.respondents]


def _bars(items, base=None):
    """Bars with their share of ``base`` (the respondents; ``None``: the sum of the bars, for breakdowns of
    all respondents where every respondent is in exactly one bar)."""
    if base is None:
        base = sum(bar.value for bar in items)
    for bar in items:
        bar.share = 100 * bar.value / base if base else 0.0
        bar.width = bar_width(bar.value, base)
    return items


def compute_results(page, *, public=False):
    """The pooled results of ``page``'s consultation, labelled in ``page``'s language.

    ``public=True`` adds the first page of published free-text answers (consent given, moderation approved;
    without the name when the respondent chose anonymity) and their number. The counts come from
    :func:`consultation_counts` (one grouped query over the responses, and the answer counts from the cache
    while the responses have not changed; see :class:`ResultsCache`); on the public page
    :func:`published_text_counts` (one query, and one more when moderation changed) and, per question,
    :func:`question_result` (one query per free-text question, never cached) add the published texts:
    moderation and erasure show at once.
    """
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    counts = consultation_counts(page, languages)
    total, by_dimension = respondent_bars(counts.respondent_rows)
    answer_counts = group_answer_counts(counts.answer_rows)
    text_limit = text_page_size() if public else 0
    text_ids = [question.id for question in page.question_list if question.kind == TEXT]
    text_counts = published_text_counts(page, text_ids) if public and text_ids else {}
    questions = []
    for question in page.question_list:
        result = question_result(question, answer_counts, page.translation_key, languages, text_limit)
        result.text_count = text_counts.get(question.id, 0)
        questions.append(result)
    return ConsultationResults(total=total, by_dimension=by_dimension, questions=questions)


# --- the counts, and their cache -------------------------------------------------------------------------


@dataclass
class ConsultationCounts:
    """Every count the results are made of, as plain rows (no labels, so one entry serves every language).

    ``respondent_rows``: ``[(language_code, country, respondent_type, n)]`` of confirmed respondents (frozen
    counts included); ``answer_rows``: ``[(question_id, choice, number, first, language_code, country,
    respondent_type, n)]`` of confirmed answers (frozen counts included). ``fingerprint`` changes whenever a
    response is added, confirmed, anonymised or deleted; ``computed_at`` and ``seconds`` say when the answer
    counts were counted and how long that took.
    """

    fingerprint: tuple
    respondent_rows: list
    answer_rows: list
    computed_at: float = 0.0
    seconds: float = 0.0


class ResultsCache:
    """Keeps a consultation's answer counts in Django's cache (``CACHES["default"]``, shared by every process).

    Every request reads the *fingerprint* of the consultation (:func:`responses_fingerprint`: the number of
    responses and of confirmed ones, the latest confirmation and anonymisation; one query over one index,
    about 0.2 s at 1,000,000 responses on PostgreSQL). The counts (the responses grouped, the answers grouped:
    about 2 s at 1,000,000 responses, and the frozen counts) are read from the cache while the fingerprint is
    the one they were counted under. So a new, confirmed, anonymised, erased or purged response shows at the next request, except:

    * at a consultation whose answer counts take :attr:`slow_seconds` or more to count, a counted entry is
      shown for up to :attr:`stale_seconds` after it was counted even though responses came in since
      (totals and bars from the same moment, so they agree); the first request after that counts again
      while others keep being served the previous entry (one process counts, the others do not wait);
    * a cache that fails: the results are counted without it (logged once per process).

    Published free-text answers are not cached (moderation shows at once). A page class sets its own with
    ``results_cache = ResultsCache(stale_seconds=10)``, or ``results_cache = None`` for no cache.
    """

    #: Seconds a slow consultation's counts may lag behind its responses (0: never).
    stale_seconds = 60
    #: From how many seconds of counting a consultation is "slow".
    slow_seconds = 0.5
    #: How long an entry is kept at all (it is replaced when the responses change).
    timeout = 7 * 24 * 3600
    key_prefix = "seismic:consultations:results:v1"

    def __init__(self, **attributes):
        for name, value in attributes.items():
            if not hasattr(type(self), name):
                raise TypeError(f"ResultsCache has no attribute {name!r}")
            setattr(self, name, value)

    def key(self, consultation_key):
        return f"{self.key_prefix}:{consultation_key}"

    def lock_key(self, consultation_key):
        return f"{self.key(consultation_key)}:counting"

    def get(self, consultation_key):
        try:
            entry = cache.get(self.key(consultation_key))
        except Exception as error:  # a cache that fails must not break the page
            _cache_failed(error)
            return None
        return entry if isinstance(entry, ConsultationCounts) else None

    def set(self, consultation_key, counts):
        try:
            cache.set(self.key(consultation_key), counts, self.timeout)
            cache.delete(self.lock_key(consultation_key))
        except Exception as error:
            _cache_failed(error)

    def may_serve_stale(self, entry, now=None):
        """Whether ``entry`` (counted under another fingerprint) may still be shown: a slow consultation's,
        younger than :attr:`stale_seconds`."""
        if not self.stale_seconds or entry.seconds < self.slow_seconds:
            return False
        return (now or time.time()) - entry.computed_at < self.stale_seconds

    def claim_recount(self, consultation_key, entry):
        """True for the one process that recounts a slow consultation's stale entry; the others show it."""
        if entry.seconds < self.slow_seconds:
            return True
        try:
            return bool(cache.add(self.lock_key(consultation_key), True, max(30, int(entry.seconds * 3))))
        except Exception as error:
            _cache_failed(error)
            return True


def _cache_failed(error):
    log_cache_failure("consultation results", error, logger)


#: The cache of every page class that sets no ``results_cache`` of its own.
RESULTS_CACHE = ResultsCache()


def consultation_counts(page, languages):
    """The :class:`ConsultationCounts` of ``page``'s consultation, through ``page.results_cache`` (default
    :data:`RESULTS_CACHE`; see :class:`ResultsCache` for how fresh they are). One query when the counts
    come from the cache; five when they are counted (responses and answers grouped, the two frozen counts)."""
    results_cache = getattr(page, "results_cache", RESULTS_CACHE)
    key = page.translation_key
    fingerprint = responses_fingerprint(page) if results_cache is not None else None
    entry = results_cache.get(key) if results_cache is not None else None
    if entry is not None:
        if entry.fingerprint == fingerprint:
            return entry
        if results_cache.may_serve_stale(entry) or not results_cache.claim_recount(key, entry):
            return entry
    started = time.perf_counter()
    respondent_rows = [
        (language_code, country, respondent_type, n)
        for language_code, country, respondent_type, confirmed, n in group_responses(page, languages)
        if confirmed
    ]
    respondent_rows.extend(frozen_respondent_counts(key))
    answer_rows = answer_count_rows(key, languages)
    counts = ConsultationCounts(
        fingerprint=fingerprint,
        respondent_rows=respondent_rows,
        answer_rows=answer_rows,
        computed_at=time.time(),
        seconds=time.perf_counter() - started,
    )
    if results_cache is not None:
        results_cache.set(key, counts)
    return counts


def responses_fingerprint(page):
    """What changes whenever the results may: the consultation's number of responses and of confirmed ones,
    their latest confirmation and latest anonymisation. One query, read from the ``seismic_cons_resp_counts``
    index alone on PostgreSQL (about 0.2 s at 1,000,000 responses)."""
    return tuple(
        page.responses()
        .order_by()
        .aggregate(
            n=Count("*"),
            confirmed=Count("confirmed", filter=Q(confirmed=True)),
            confirmed_last=Max("confirmed_at"),
            anonymised_last=Max("anonymised_at"),
        )
        .values()
    )


def published_text_counts(page, text_ids):
    """``{question id: published answers}`` of the free-text questions ``text_ids``, through the page's
    :class:`ResultsCache`: :func:`count_published_texts` (a join over every approved answer: about 0.5 s at
    1,000,000 responses) is counted again whenever moderation changed. What changed is told by one query read
    from the ``seismic_cons_answer_moderation`` index alone: the number of approved answers to these
    questions, their latest id and their latest moderation (an approval, a rejection, an erasure or an
    anonymisation changes one of them)."""
    results_cache = getattr(page, "results_cache", RESULTS_CACHE)
    if results_cache is None:
        return count_published_texts(text_ids, page.translation_key)
    fingerprint = tuple(
        ConsultationAnswer.objects.filter(kind=TEXT, question_id__in=text_ids, moderation=ModerationStatus.APPROVED)
        .order_by()
        .aggregate(n=Count("*"), last=Max("pk"), moderated=Max("moderated_at"))
        .values()
    )
    key = f"{results_cache.key(page.translation_key)}:texts"
    try:
        entry = cache.get(key)
    except Exception as error:
        _cache_failed(error)
        entry = None
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == fingerprint:
        return entry[1]
    counts = count_published_texts(text_ids, page.translation_key)
    try:
        cache.set(key, (fingerprint, counts), results_cache.timeout)
    except Exception as error:
        _cache_failed(error)
    return counts


def group_responses(page, languages):
    """``[(language_code, country, respondent_type, confirmed, n)]``: every response of the consultation
    (confirmed or not), grouped. One query, read from the ``seismic_cons_resp_counts`` index alone."""
    return [
        (languages.get(locale_id, ""), country, respondent_type, confirmed, n)
        for locale_id, country, respondent_type, confirmed, n in page.responses()
        .order_by()
        .values_list("locale_id", "country", "respondent_type", "confirmed")
        .annotate(n=Count("*"))
    ]


def answer_count_rows(consultation_key, languages):
    """``[(question_id, choice, number, first, language_code, country, respondent_type, n)]``: the
    consultation's confirmed answers grouped, frozen counts included. One ``GROUP BY`` read from the
    ``seismic_cons_answer_results`` index alone (``COUNT(*)``, no table rows) and one over the frozen counts."""
    rows = [
        (question_id, choice, number, first, languages.get(locale_id, ""), country, respondent_type, n)
        for question_id, choice, number, first, locale_id, country, respondent_type, confirmed, n in (
            ConsultationAnswer.objects.filter(consultation_key=consultation_key)
            .order_by()
            .values_list(
                "question_id", "choice", "number", "first", "locale_id", "country", "respondent_type", "confirmed"
            )
            .annotate(n=Count("*"))  # not Count("pk"): that would read every table row for its id
        )
        if confirmed  # grouped rather than filtered, so the grouping follows the index order
    ]
    rows.extend(frozen_answer_counts(consultation_key))
    return rows


def text_page_size():
    """Free-text answers per page (``SEISMIC_WAGTAIL["CONSULTATION_RESULTS_TEXT_ANSWERS"]``, at least 1)."""
    return max(1, get_setting("CONSULTATION_RESULTS_TEXT_ANSWERS") or 1)


def count_respondents(page, languages):
    """``(total, {dimension: [Bar]})``: confirmed respondents by language, country and respondent type,
    counted now (no cache; :func:`compute_results` reads them through :func:`consultation_counts`)."""
    rows = [
        (language_code, country, respondent_type, n)
        for language_code, country, respondent_type, confirmed, n in group_responses(page, languages)
        if confirmed
    ]
    rows.extend(frozen_respondent_counts(page.translation_key))
    return respondent_bars(rows)


def respondent_bars(rows):
    """``(total, {dimension: [Bar]})`` from ``[(language_code, country, respondent_type, n)]``."""
    by_dimension_counts = {name: defaultdict(int) for name, _lookup, _heading in DIMENSIONS}
    total = 0
    for language_code, country, respondent_type, n in rows:
        total += n
        by_dimension_counts["language"][language_code] += n
        by_dimension_counts["country"][country] += n
        by_dimension_counts["respondent_type"][respondent_type] += n
    by_dimension = {
        name: _bars(
            [
                Bar(key=value, label=dimension_label(name, value), value=n, display=str(n))
                for value, n in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
            ]
        )
        for name, counts in by_dimension_counts.items()
    }
    return total, by_dimension


@dataclass
class AnswerCounts:
    """Every confirmed answer count of a consultation, as :func:`count_answers` groups them."""

    #: {question id: {(choice, number): n}}
    distribution: dict
    #: {question id: respondents who answered it}
    respondents: dict
    #: {dimension: {question id: {dimension value: {(choice, number): n}}}}
    breakdowns: dict


def count_answers(consultation_key, languages):
    """The :class:`AnswerCounts` of a consultation, counted now (no cache): one ``GROUP BY`` over one covering
    index, no join, and one over the counts frozen when responses were purged (:mod:`.frozen`)."""
    return group_answer_counts(answer_count_rows(consultation_key, languages))


def group_answer_counts(rows):
    """The :class:`AnswerCounts` of rows as :func:`answer_count_rows` returns them."""
    distribution = defaultdict(lambda: defaultdict(int))
    respondents = defaultdict(int)
    breakdowns = {name: defaultdict(lambda: defaultdict(lambda: defaultdict(int))) for name, *_rest in DIMENSIONS}
    for question_id, choice, number, first, language_code, country, respondent_type, n in rows:
        cell = (choice, number)
        distribution[question_id][cell] += n
        if first:
            respondents[question_id] += n
        breakdowns["language"][question_id][language_code][cell] += n
        breakdowns["country"][question_id][country][cell] += n
        breakdowns["respondent_type"][question_id][respondent_type][cell] += n
    return AnswerCounts(distribution=distribution, respondents=respondents, breakdowns=breakdowns)


def question_result(question, answer_counts, consultation_key, languages, text_limit=0):
    """The :class:`QuestionResult` of one question: its bars and breakdowns, or its published texts.

    ``text_limit``: how many published free-text answers to fetch (``0``: none, as on the admin's page).
    """
    result = QuestionResult(question=question, respondents=answer_counts.respondents.get(question.id, 0))
    if question.kind == TEXT:
        if text_limit:
            result.texts = published_texts(question, consultation_key, languages, text_limit)
        return result
    result.bars, result.average = _summarise(
        question, answer_counts.distribution.get(question.id, {}), respondents=result.respondents
    )
    if question.kind == RATING:
        answered = sum(bar.value for bar in result.bars)
        top = sum(bar.value for bar in result.bars if bar.key in ("4", "5"))
        result.top_share = 100 * top / answered if answered else None
    for name, _lookup, _heading in DIMENSIONS:
        result.breakdowns[name] = breakdown_rows(question, name, answer_counts.breakdowns[name].get(question.id, {}))
    return result


def breakdown_rows(question, dimension, cells_by_value):
    """One row per value of ``dimension`` (a language, a country...): its answer count, average and cells."""
    rows = []
    for value, cells in cells_by_value.items():
        bars, average = _summarise(question, cells)
        rows.append(
            {
                "value": value,
                "label": dimension_label(dimension, value),
                "count": sum(cells.values()),
                "average": average,
                "cells": [bar.display for bar in bars],
            }
        )
    rows.sort(key=lambda row: (-row["count"], str(row["label"])))
    return rows


def published_answers(consultation_key):
    """The answers the public may read: confirmed, the respondent agreed to publication, moderation approved.

    Override point for a stricter rule: every public listing (:func:`published_texts`,
    :func:`count_published_texts`, :func:`text_answer_page`) starts from this queryset.
    """
    return publishable_answers().filter(consultation_key=consultation_key, moderation=ModerationStatus.APPROVED)


@dataclass
class TextAnswer:
    """A published free-text answer as the results page shows it.

    ``language`` is the code of the language it was written in; ``translation`` its machine translation
    into the page's language once asked for (see :mod:`.machine_translation`).
    """

    id: int
    text: str
    author: str
    language: str
    translation: str = ""

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def direction(self):
        return language_direction(self.language)


_TEXT_FIELDS = (
    "id",
    "text",
    "locale_id",
    "response__consent",
    "response__name",
    "response__organisation_name",
    "response__anonymised_at",
)


def _text_answer(row, languages):
    named = row["response__consent"] == PublicationConsent.PUBLIC and not row["response__anonymised_at"]
    author = (row["response__organisation_name"] or row["response__name"]) if named else ""
    return TextAnswer(id=row["id"], text=row["text"], author=author, language=languages.get(row["locale_id"], ""))


def published_texts(question, consultation_key, languages, limit, offset=0, **filters):
    """The published free-text answers to ``question``, newest first: ``limit`` of them from ``offset``
    (one query). ``filters`` are field lookups of the answer (``locale_id``, ``country``, ``respondent_type``).

    Each is a :class:`TextAnswer`; the author is empty unless the respondent chose to be named.
    """
    rows = (
        published_answers(consultation_key)
        .filter(question_id=question.id, **filters)
        .order_by("-pk")  # newest first, read backwards along the (question_id, moderation, id) index
        .values(*_TEXT_FIELDS)[offset : offset + limit]
    )
    return [_text_answer(row, languages) for row in rows]


def count_published_texts(question_ids, consultation_key):
    """``{question id: published answers}`` for the free-text questions ``question_ids`` (one query)."""
    return dict(
        published_answers(consultation_key)
        .filter(question_id__in=question_ids)
        .order_by()
        .values_list("question_id")
        .annotate(n=Count("*"))
    )


#: The filters of the free-text answers: (query parameter and dimension, field of ConsultationAnswer).
TEXT_FILTERS = (
    ("language", "locale_id"),
    ("country", "country"),
    ("respondent_type", "respondent_type"),
)


@dataclass
class TextFilter:
    """One filter of the free-text answers: its options (values present among the published answers, with
    their counts), the chosen value and, for a value that is not among the options, ``invalid``."""

    name: str
    heading: str
    options: list  # [{"value", "label", "count", "selected"}]
    value: str = ""
    invalid: str = ""


@dataclass
class TextAnswerPage:
    """One page of a free-text question's published answers, filtered (see :func:`text_answer_page`)."""

    question: object
    answers: list
    filters: list
    number: int
    num_pages: int
    count: int
    total: int
    page_size: int

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @property
    def is_filtered(self):
        return any(item.value for item in self.filters)

    @property
    def first_index(self):
        return (self.number - 1) * self.page_size + 1 if self.count else 0

    @property
    def last_index(self):
        return min(self.number * self.page_size, self.count)

    def querystring(self, **changes):
        """The page's query string with ``changes`` (``None`` drops a parameter), e.g. for the next page."""
        query = QueryDict(mutable=True)
        values = {item.name: item.value for item in self.filters if item.value}
        values.update(changes)
        for name, value in values.items():
            if value not in (None, ""):
                query[name] = value
        return query.urlencode()


def text_answer_page(question, consultation_key, languages, params, page_size=None):
    """The page of ``question``'s published answers that the query parameters ``params`` ask for.

    ``params`` (a ``QueryDict``): ``language`` (a language code), ``country`` (a country code),
    ``respondent_type`` and ``page`` (from 1; past the last page: the last page). A value that is not
    among the options is ignored and reported in the filter's ``invalid``. Two queries: the published
    answers grouped by language, country and respondent type (the filter options and the count), and the page.
    """
    page_size = page_size or text_page_size()
    groups = [
        {"language": languages.get(locale_id, ""), "country": country, "respondent_type": respondent_type, "n": n}
        for locale_id, country, respondent_type, n in published_answers(consultation_key)
        .filter(question_id=question.id)
        .order_by()
        .values_list("locale_id", "country", "respondent_type")
        .annotate(n=Count("*"))
    ]
    codes = {code: pk for pk, code in languages.items()}
    headings = {name: heading for name, _lookup, heading in DIMENSIONS}
    filters = []
    lookups = {}
    for name, lookup in TEXT_FILTERS:
        counts = defaultdict(int)
        for row in groups:
            counts[row[name]] += row["n"]
        wanted = params.get(name, "")
        wanted = wanted.strip()[:64] if isinstance(wanted, str) else ""
        label = language_label if name == "language" else (lambda value, name=name: dimension_label(name, value))
        options = sorted(
            (
                {"value": value, "label": label(value), "count": n, "selected": value == wanted}
                for value, n in counts.items()
                if value
            ),
            key=lambda option: str(option["label"]),
        )
        item = TextFilter(name=name, heading=headings[name], options=options)
        if wanted and wanted in counts:
            item.value = wanted
            lookups[lookup] = codes.get(wanted) if name == "language" else wanted
        elif wanted:
            item.invalid = wanted
        filters.append(item)
    chosen = {item.name: item.value for item in filters if item.value}
    total = sum(row["n"] for row in groups)
    count = sum(row["n"] for row in groups if all(row[name] == value for name, value in chosen.items()))
    num_pages = max(1, math.ceil(count / page_size))
    number = min(parse_int(params.get("page"), 1, min_value=1) or 1, num_pages)
    answers = (
        published_texts(question, consultation_key, languages, page_size, (number - 1) * page_size, **lookups)
        if count
        else []
    )
    return TextAnswerPage(
        question=question,
        answers=answers,
        filters=filters,
        number=number,
        num_pages=num_pages,
        count=count,
        total=total,
        page_size=page_size,
    )


def _summarise(question, counts, respondents=None):
    """Bars (one per rating value, choice or ranked choice) and the average rating from grouped counts.

    ``respondents``: the question's respondents, the base of the shares (``None`` in breakdown cells, which
    show counts only). Ratings and single choices sum to 100%; multiple choices can sum to more (a respondent
    ticks several); a ranking's bar is its points out of the most possible (every respondent's first place).
    """
    if question.kind == RATING:
        per_value = defaultdict(int)
        for (_choice, number), n in counts.items():
            if number is not None:
                per_value[number] += n
        answered = sum(per_value.values())
        average = round(sum(value * n for value, n in per_value.items()) / answered, 2) if answered else None
        bars = [
            Bar(key=str(value), label=label, value=per_value[value], display=str(per_value[value]))
            for value, label in question.rating_choices
        ]
        return _bars(bars, answered), average
    if question.kind in (SINGLE, MULTIPLE):
        per_key = defaultdict(int)
        for (choice, _number), n in counts.items():
            per_key[choice] += n
        bars = [
            Bar(key=key, label=label, value=per_key[key], display=str(per_key[key])) for key, label in question.choices
        ]
        return _bars(bars, respondents), None
    if question.kind == RANKING:
        # Points: a first place earns as many points as there are places, the last place one point.
        places = question.rank_positions
        points = defaultdict(int)
        ranked_by = defaultdict(int)
        for (choice, number), n in counts.items():
            if number is not None and 1 <= number <= places:
                points[choice] += (places - number + 1) * n
                ranked_by[choice] += n
        bars = []
        for key, label in question.choices:
            bar = Bar(key=key, label=label, value=points[key], display=str(points[key]), ranked_by=ranked_by[key])
            if respondents is not None:
                bar.share = 100 * ranked_by[key] / respondents if respondents else 0.0
                bar.width = bar_width(points[key], respondents * places)
            bars.append(bar)
        return bars, None
    return [], None
