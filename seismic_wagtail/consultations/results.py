"""Pooled results of a consultation, aggregated in the database.

Every number comes from ``GROUP BY`` queries filtered by the consultation's ``translation_key``, so answers
from every language version pool into one result and the number of queries does not grow with the number
of responses: 1 for the locales, 1 for the respondents by language, country and type, 1 for every answer
count (distributions, respondents per question and the three breakdowns come from the same grouped rows,
read from one covering index of :class:`~.models.ConsultationAnswer`), and on the public page 1 per
free-text question for the published answers. Only confirmed responses count.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Locale

from seismic_wagtail.core.conf import get_setting

from .frozen import frozen_answer_counts, frozen_respondent_counts
from .models import ConsultationAnswer, PublicationConsent, RespondentType
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT

#: The breakdown dimensions: (name, field of ConsultationResponse, heading).
DIMENSIONS = (
    ("language", "locale__language_code", _("Language")),
    ("country", "country", _("Country")),
    ("respondent_type", "respondent_type", _("Respondent type")),
)


def language_label(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def dimension_label(dimension, value):
    if dimension == "language":
        return language_label(value)
    if dimension == "country":
        return countries.name(value) or value
    if dimension == "respondent_type":
        return dict(RespondentType.choices).get(value, value)
    return value


@dataclass
class Bar:
    key: str
    label: str
    value: float
    display: str
    percent: float = 0.0  # of the largest bar, for the chart width


@dataclass
class QuestionResult:
    question: object
    respondents: int = 0
    bars: list = field(default_factory=list)
    average: float | None = None
    #: {dimension: [{"value", "label", "count", "average", "cells": {key: count}}]}
    breakdowns: dict = field(default_factory=dict)
    texts: list = field(default_factory=list)

    @property
    def chart_title(self):
        return self.question.label

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


def _bars(items):
    """Bars sized relative to the largest value."""
    peak = max((bar.value for bar in items), default=0) or 1
    for bar in items:
        bar.percent = round(100 * bar.value / peak, 1)
    return items


def compute_results(page, *, public=False):
    """The pooled results of ``page``'s consultation, labelled in ``page``'s language.

    ``public=True`` adds the free-text answers whose authors consented to publication (without the name
    when they chose anonymity). Three steps, each its own function: :func:`count_respondents` (one query),
    :func:`count_answers` (one query) and, per question, :func:`question_result` (one query per free-text
    question on the public page).
    """
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    total, by_dimension = count_respondents(page, languages)
    answer_counts = count_answers(page.translation_key, languages)
    text_limit = get_setting("CONSULTATION_RESULTS_TEXT_ANSWERS") if public else 0
    questions = [
        question_result(question, answer_counts, page.translation_key, languages, text_limit)
        for question in page.question_list
    ]
    return ConsultationResults(total=total, by_dimension=by_dimension, questions=questions)


def count_respondents(page, languages):
    """``(total, {dimension: [Bar]})``: confirmed respondents by language, country and respondent type.

    One ``GROUP BY`` over the responses and one over the counts frozen when responses were purged
    (:mod:`.frozen`); ``languages`` maps locale ids to language codes.
    """
    by_dimension_counts = {name: defaultdict(int) for name, _lookup, _heading in DIMENSIONS}
    total = 0
    rows = [
        (languages.get(row["locale_id"], ""), row["country"], row["respondent_type"], row["n"])
        for row in page.responses()
        .order_by()
        .values("locale_id", "country", "respondent_type", "confirmed")
        .annotate(n=Count("pk"))
        if row["confirmed"]
    ]
    rows.extend(frozen_respondent_counts(page.translation_key))
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
    """The :class:`AnswerCounts` of a consultation: one ``GROUP BY`` over one covering index, no join, and one
    over the counts frozen when responses were purged (:mod:`.frozen`)."""
    distribution = defaultdict(lambda: defaultdict(int))
    respondents = defaultdict(int)
    breakdowns = {name: defaultdict(lambda: defaultdict(lambda: defaultdict(int))) for name, *_rest in DIMENSIONS}
    rows = [
        (question_id, choice, number, first, languages.get(locale_id, ""), country, respondent_type, n)
        for question_id, choice, number, first, locale_id, country, respondent_type, confirmed, n in (
            ConsultationAnswer.objects.filter(consultation_key=consultation_key)
            .order_by()
            .values_list(
                "question_id", "choice", "number", "first", "locale_id", "country", "respondent_type", "confirmed"
            )
            .annotate(n=Count("pk"))
        )
        if confirmed  # grouped rather than filtered, so the grouping follows the index order
    ]
    rows.extend(frozen_answer_counts(consultation_key))
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
    result.bars, result.average = _summarise(question, answer_counts.distribution.get(question.id, {}))
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


def published_texts(question, consultation_key, languages, limit):
    """The latest ``limit`` free-text answers to ``question`` published with consent (one query).

    Each is ``{"text", "author", "language"}``; the author is empty unless the respondent chose to be named.
    """
    published = (
        ConsultationAnswer.objects.filter(question_id=question.id, consultation_key=consultation_key, confirmed=True)
        .filter(response__consent__in=[PublicationConsent.PUBLIC, PublicationConsent.ANONYMOUS])
        .order_by("-pk")  # newest first, read backwards along the (question_id, id) index
        .values(
            "text",
            "locale_id",
            "response__consent",
            "response__name",
            "response__organisation_name",
            "response__anonymised_at",
        )[:limit]
    )
    texts = []
    for row in published:
        named = row["response__consent"] == PublicationConsent.PUBLIC and not row["response__anonymised_at"]
        author = (row["response__organisation_name"] or row["response__name"]) if named else ""
        texts.append({"text": row["text"], "author": author, "language": languages.get(row["locale_id"], "")})
    return texts


def _summarise(question, counts):
    """Bars (one per rating value, choice or ranked choice) and the average rating from grouped counts."""
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
        return _bars(bars), average
    if question.kind in (SINGLE, MULTIPLE):
        per_key = defaultdict(int)
        for (choice, _number), n in counts.items():
            per_key[choice] += n
        bars = [
            Bar(key=key, label=label, value=per_key[key], display=str(per_key[key])) for key, label in question.choices
        ]
        return _bars(bars), None
    if question.kind == RANKING:
        # Points: a first place earns as many points as there are places, the last place one point.
        places = question.rank_positions
        points = defaultdict(int)
        for (choice, number), n in counts.items():
            if number is not None and 1 <= number <= places:
                points[choice] += (places - number + 1) * n
        bars = [
            Bar(key=key, label=label, value=points[key], display=str(points[key])) for key, label in question.choices
        ]
        return _bars(bars), None
    return [], None
