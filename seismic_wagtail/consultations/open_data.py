"""A closed consultation's published results as open data: ``<page url>results.csv`` and ``results.json``.

Both files carry what the public results page shows, pooled across every language copy, with labels in the
language of the copy asked for: the respondents by language, country and respondent type, every question's
aggregates (:func:`.results.compute_results`, the same numbers as the results page) and the published
free-text answers (:func:`.results.published_answers`: confirmed, consent to publication, moderation
approved), each with its text and the language it was written in only. No name, email address, organisation,
city, country or respondent type of a respondent is ever in the files, not even for named answers.

**When.** Only when the results are public (:attr:`ConsultationPage.results_published`, the results page's
rule) *and* the consultation is closed (:func:`open_data_available`); otherwise 404.

**Licence.** The editor chooses it in the page's settings (``results_licence``, synchronised: every language
copy carries its source's); :data:`LICENCES` maps each code to its short name and deed. The JSON names it
with an attribution text; both responses send ``Link: <deed>; rel="license"``; the results page links it.

**Cost.** A fixed number of queries whatever the number of responses and answers: the results' grouped
queries (see :mod:`.results`) and one for the published answers, read in chunks. The CSV is
streamed (``StreamingHttpResponse``), so thousands of answers never sit in memory as one string.

To change what the files hold, override the page's ``results_data_view`` route and call your own
:func:`build_json` / :func:`csv_rows` (or wrap these); :func:`attribution` is the text to credit.
"""

import csv
from dataclasses import asdict, dataclass

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from seismic_wagtail.core.exports import read_in_chunks

from .models import ConsultationStatus, ResultsLicence
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT
from .results import published_answers

#: How many published answers are read per cursor fetch (or per query behind pgbouncer).
ANSWER_CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Licence:
    """A licence of the open data: its SPDX ``code``, its short ``name`` and the ``url`` of its deed."""

    code: str
    name: str
    url: str


#: The licences the editor can choose (``ConsultationPage.results_licence``), by code.
LICENCES = {
    ResultsLicence.CC_BY_4: Licence("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ResultsLicence.CC_BY_SA_4: Licence(
        "CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"
    ),
    ResultsLicence.CC0_1: Licence("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}

#: The licence of a page whose stored code is unknown (a choice removed since): the field's default.
DEFAULT_LICENCE = ResultsLicence.CC_BY_4

#: The CSV's columns, in order (English identifiers, stable across languages: the cells are translated).
CSV_COLUMNS = (
    "kind",
    "dimension",
    "question_id",
    "question_type",
    "question_label",
    "option",
    "option_label",
    "count",
    "share",
    "points",
    "average",
    "language",
    "text",
)

#: The respondents' dimensions as the JSON names them: (results.py dimension, JSON key).
RESPONDENT_DIMENSIONS = (("language", "by_language"), ("country", "by_country"), ("respondent_type", "by_type"))


def get_licence(page):
    """The :class:`Licence` of ``page``'s open data: its translation source's choice (one licence for every
    language copy, even one whose editors never synchronised it)."""
    code = getattr(page.translation_source_page, "results_licence", "") or DEFAULT_LICENCE
    return LICENCES.get(code) or LICENCES[DEFAULT_LICENCE]


def open_data_available(page):
    """Whether ``page`` offers its results as open data: the results are public and the consultation closed."""
    return page.results_published and page.get_status() == ConsultationStatus.CLOSED


def data_path(page, data_format):
    """``results.csv`` / ``results.json`` below the page when the site includes ``seismic_wagtail.core.urls``,
    else ``results/csv/`` / ``results/json/``."""
    # Imported here: core.urls imports Wagtail's views, which need the models loaded.
    from seismic_wagtail.core.urls import file_routes_installed

    name = "results_data" if file_routes_installed() else "results_data_slash"
    return page.reverse_subpage(name, kwargs={"data_format": data_format})


def open_data_links(page, request=None):
    """``{"csv": url, "json": url, "licence": Licence}`` for the results page and the API, or ``None`` when
    :func:`open_data_available` says no. The URLs are what ``page.get_url(request)`` gives (relative on a
    single site)."""
    if not open_data_available(page):
        return None
    base = page.get_url(request) or ""
    return {
        "csv": base + data_path(page, "csv"),
        "json": base + data_path(page, "json"),
        "licence": get_licence(page),
    }


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None and url and url.startswith("/") else url


def attribution(page, request, licence):
    """The text to credit when reusing the data: title, publisher (the site's name, else the host), source
    and licence. Override to name your organisation instead."""
    site = page.get_site()
    publisher = (site.site_name if site else "") or (request.get_host() if request is not None else "")
    return _("“%(title)s”, consultation results published by %(publisher)s (%(url)s), licence %(licence)s.") % {
        "title": page.title,
        "publisher": publisher,
        "url": _absolute(request, page.get_url(request)),
        "licence": licence.name,
    }


def _share(value):
    return None if value is None else round(value, 2)


def _breakdowns(result):
    """``{dimension: [{"value", "count", "average", "cells": {option key: count (ranking: points)}}]}``."""
    keys = [bar.key for bar in result.bars]
    return {
        dimension: [
            {
                "value": row["value"],
                "count": row["count"],
                "average": row["average"],
                "cells": {key: int(cell) for key, cell in zip(keys, row["cells"], strict=False)},
            }
            for row in rows
        ]
        for dimension, rows in result.breakdowns.items()
    }


def question_data(result, answers):
    """One question of the JSON: its aggregates as :class:`.results.QuestionResult` has them, and for a
    free-text question its published ``answers`` (``[{"text", "language"}]``)."""
    question = result.question
    data = {"id": question.id, "type": question.kind, "label": str(question.label), "respondents": result.respondents}
    if question.subject:
        data["subject"] = str(question.subject)
    if question.kind == RATING:
        data["average"] = result.average
        data["top_share"] = _share(result.top_share)
        data["counts"] = [
            {"value": int(bar.key), "label": str(bar.label), "count": bar.value, "share": _share(bar.share)}
            for bar in result.bars
        ]
    elif question.kind in (SINGLE, MULTIPLE):
        data["counts"] = [
            {"key": bar.key, "label": str(bar.label), "count": bar.value, "share": _share(bar.share)}
            for bar in result.bars
        ]
    elif question.kind == RANKING:
        data["positions"] = question.rank_positions
        data["ranking"] = [
            {
                "key": bar.key,
                "label": str(bar.label),
                "points": bar.value,
                "ranked_by": bar.ranked_by,
                "share": _share(bar.share),
            }
            for bar in result.points_table
        ]
    if question.kind == TEXT:
        data["answers"] = answers
    else:
        data["breakdowns"] = _breakdowns(result)
    return data


def iter_published_answers(page, languages):
    """``(question id, language code, text)`` of every published answer to the page's free-text questions,
    by question and oldest first: one query, read in chunks (:func:`~seismic_wagtail.core.exports.read_in_chunks`;
    one query per chunk behind pgbouncer)."""
    text_ids = [question.id for question in page.question_list if question.kind == TEXT]
    if not text_ids:
        return
    order = ("question_id", "pk")
    rows = (
        published_answers(page.translation_key)
        .filter(question_id__in=text_ids)
        .order_by(*order)
        .values_list(*order, "locale_id", "text")
    )
    for question_id, _pk, locale_id, text in read_in_chunks(rows, ANSWER_CHUNK_SIZE, keyset=order):
        yield question_id, languages.get(locale_id, ""), text


def _languages():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def build_json(page, request):
    """The JSON document of the page's open data (a dict; see ``docs/reference/consultations.md``)."""
    licence = get_licence(page)
    results = page.get_results()
    answers = {}
    for question_id, language, text in iter_published_answers(page, _languages()):
        answers.setdefault(question_id, []).append({"text": text, "language": language})
    respondents = {"total": results.total}
    for dimension, key in RESPONDENT_DIMENSIONS:
        respondents[key] = {bar.key: bar.value for bar in results.by_dimension[dimension]}
    return {
        "consultation": {
            "title": page.title,
            "url": _absolute(request, page.get_url(request)),
            "results_url": _absolute(request, (page.get_url(request) or "") + page.reverse_subpage("results")),
            "language": page.locale.language_code,
            "opened": page.opens_at.isoformat(),
            "closed": page.closes_at.isoformat(),
        },
        "licence": asdict(licence),
        "attribution": attribution(page, request, licence),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "respondents": respondents,
        "questions": [question_data(result, answers.get(result.question.id, [])) for result in results.questions],
    }


#: First characters that make a spreadsheet read a cell as a formula; such text cells get a leading ``'``.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _row(kind, **cells):
    row = dict.fromkeys(CSV_COLUMNS, "")
    row["kind"] = kind
    row.update({name: "" if value is None else value for name, value in cells.items()})
    for name in ("question_label", "option_label", "text"):
        row[name] = _text(row[name]) if row[name] else ""
    return [row[name] for name in CSV_COLUMNS]


def csv_rows(page, request, results=None):
    """The CSV's rows after the header (a generator): ``respondents`` (the total, then by language, country
    and type), per question a ``question`` row (respondents, average rating) and its ``option`` rows (count,
    share in percent, ranking points), then one ``answer`` row per published free-text answer (language, text).
    ``results``: the page's ``get_results()`` when already computed."""
    results = results if results is not None else page.get_results()
    yield _row("respondents", dimension="total", count=results.total)
    for dimension, _key in RESPONDENT_DIMENSIONS:
        for bar in results.by_dimension[dimension]:
            yield _row(
                "respondents",
                dimension=dimension,
                option=bar.key,
                option_label=bar.label,
                count=bar.value,
                share=_share(bar.share),
            )
    labels = {}
    for result in results.questions:
        question = result.question
        labels[question.id] = question.label
        common = {"question_id": question.id, "question_type": question.kind, "question_label": question.label}
        yield _row("question", count=result.respondents, average=result.average, **common)
        for bar in result.bars:
            if question.kind == RANKING:
                yield _row(
                    "option",
                    option=bar.key,
                    option_label=bar.label,
                    count=bar.ranked_by,
                    share=_share(bar.share),
                    points=bar.value,
                    **common,
                )
            else:
                yield _row(
                    "option", option=bar.key, option_label=bar.label, count=bar.value, share=_share(bar.share), **common
                )
    for question_id, language, text in iter_published_answers(page, _languages()):
        yield _row(
            "answer",
            question_id=question_id,
            question_type=TEXT,
            question_label=labels.get(question_id, ""),
            language=language,
            text=text,
        )


class _Echo:
    """A file-like object whose ``write`` returns the line, for ``csv.writer`` feeding a streaming response."""

    def write(self, value):
        return value


def _with_licence(response, licence):
    response["Link"] = f'<{licence.url}>; rel="license"'
    return response


def json_response(page, request):
    response = JsonResponse(build_json(page, request), json_dumps_params={"ensure_ascii": False, "indent": 2})
    return _with_licence(response, get_licence(page))


def csv_response(page, request):
    licence = get_licence(page)
    results = page.get_results()  # now, so that a failure is a 500 rather than a cut-off file
    language = translation.get_language()
    writer = csv.writer(_Echo())

    def lines():
        # Streamed after the view returned: the labels are translated in the language of the request.
        with translation.override(language):
            yield writer.writerow(CSV_COLUMNS)
            for row in csv_rows(page, request, results):
                yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8; header=present")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-results.csv"'
    return _with_licence(response, licence)
