"""The consultations endpoint of the read API (``/api/seismic/v2/consultations/``; see
``seismic_wagtail.core.api``).

Each consultation with its dates, phase (``upcoming``, ``open``, ``closed``), number of questions and the
link to its results page; the detail (``/consultations/<id>/``) adds ``results``: the pooled results of
every language version, as the results page computes them (:func:`.results.compute_results`), but only
when that page is public (:attr:`ConsultationPage.results_published
<seismic_wagtail.consultations.models.ConsultationPage.results_published>`), and only as aggregates:
respondents by language, country and respondent type, answers per choice, rating means, ranking points, and
for a free-text question the number of its published answers (moderated, with consent), never the texts,
names or email addresses. The open-data exports carry the published answers.

A copy takes its dates and phase from its translation source, as on the page; for a page of results that is
two queries in all (:func:`apply_source_settings_in_bulk`), not two per consultation.
"""

from collections import defaultdict

from django.apps import apps
from django.db.models import Q
from rest_framework.fields import Field

from seismic_wagtail.core.api import SeismicPagesAPIViewSet
from seismic_wagtail.core.api_fields import absolute_url

from .models import ConsultationPage
from .open_data import open_data_links
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT
from .results import DIMENSIONS, compute_results, count_published_texts
from .synchronization import root_locale_id


def apply_source_settings_in_bulk(pages):
    """Give each consultation of ``pages`` its translation source (``translation_source_page``) and apply its
    settings (:meth:`ConsultationPage.apply_source_settings`): one query for the translations of every page
    (with wagtail-localize) and one for the sources of the copies, however many pages there are."""
    edges = defaultdict(dict)
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import Translation  # only when installed (above)

        rows = Translation.objects.filter(source__object_id__in={page.translation_key for page in pages})
        for key, target, source in rows.values_list("source__object_id", "target_locale_id", "source__locale_id"):
            edges[key][target] = source
    wanted = {}
    for page in pages:
        root = root_locale_id(page.locale_id, edges.get(page.translation_key, {}))
        if root != page.locale_id:
            wanted[page.pk] = (page.translation_key, root)
    sources = {}
    if wanted:
        condition = Q()
        for key, locale_id in set(wanted.values()):
            condition |= Q(translation_key=key, locale_id=locale_id)
        sources = {
            (source.translation_key, source.locale_id): source for source in ConsultationPage.objects.filter(condition)
        }
    for page in pages:
        source = sources.get(wanted[page.pk]) if page.pk in wanted else None
        page.translation_source_page = source or page
        page.apply_source_settings()
    return pages


def dimension_counts(bars):
    return [{"key": bar.key, "count": bar.value} for bar in bars]


def question_results(result, published_texts):
    """One question's aggregates: counts per choice, rating distribution and mean, ranking points; for a
    free-text question only how many answers are published."""
    question = result.question
    data = {"id": question.id, "kind": question.kind, "label": question.label, "respondents": result.respondents}
    if question.kind == RATING:
        data["subject"] = question.subject  # what is rated: the agenda section or theme
        data["ratings"] = [{"value": int(bar.key), "count": bar.value} for bar in result.bars]
        data["mean"] = result.average
    elif question.kind in (SINGLE, MULTIPLE):
        data["choices"] = [{"key": bar.key, "label": bar.label, "count": bar.value} for bar in result.bars]
    elif question.kind == RANKING:
        data["choices"] = [
            {"key": bar.key, "label": bar.label, "points": bar.value, "ranked_by": bar.ranked_by} for bar in result.bars
        ]
    elif question.kind == TEXT:
        data["published_answers"] = published_texts.get(question.id, 0)
    return data


class ConsultationResultsField(Field):
    """The pooled results of a consultation whose results are public, else ``None`` (see the module)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not page.results_published:
            return None
        results = compute_results(page)
        text_ids = [question.id for question in page.question_list if question.kind == TEXT]
        published_texts = count_published_texts(text_ids, page.translation_key) if text_ids else {}
        return {
            "respondents": results.total,
            **{f"by_{name}": dimension_counts(results.by_dimension[name]) for name, _lookup, _heading in DIMENSIONS},
            "questions": [question_results(result, published_texts) for result in results.questions],
        }


class OpenDataField(Field):
    """The open data of a closed consultation with public results (:mod:`.open_data`): the CSV and JSON files'
    absolute URLs and their licence; ``None`` when the page offers none."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context.get("request")
        links = open_data_links(page, request)
        if links is None:
            return None
        licence = links["licence"]
        return {
            "csv": absolute_url(request, links["csv"]),
            "json": absolute_url(request, links["json"]),
            "licence": {"code": licence.code, "name": licence.name, "url": licence.url},
        }


class ConsultationsAPIViewSet(SeismicPagesAPIViewSet):
    """Agenda consultations, latest opened first; ``results`` and ``open_data`` (the CSV/JSON files and their
    licence, :mod:`.open_data`) in the detail only."""

    name = "consultations"
    model = ConsultationPage
    ordering = ("-opens_at", "pk")
    body_fields = [*SeismicPagesAPIViewSet.body_fields, "results", "open_data"]
    detail_only_fields = [*SeismicPagesAPIViewSet.detail_only_fields, "results", "open_data"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "results": ConsultationResultsField(read_only=True),
            "open_data": OpenDataField(read_only=True),
        }

    def get_listing_queryset(self, queryset):
        # The questions are read (their number); the agenda too (a rating question names its section).
        return super().get_listing_queryset(queryset).defer("intro", "privacy_notice", "thank_you_text", "outcome")

    def prepare_items(self, pages):
        return apply_source_settings_in_bulk(super().prepare_items(pages))


def register_endpoints(router):
    router.register_endpoint("consultations", ConsultationsAPIViewSet)
