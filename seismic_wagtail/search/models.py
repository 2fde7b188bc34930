"""The search page: a page type an editor places in the tree, one per locale (``/sv/sok/``, ``/de/suche/``).

It is a page rather than a URL the package mounts, so it never clashes with the ``search`` app that
``wagtail start`` creates, it gets a translated slug and title per locale, and editors choose where it lives.
"""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField

from seismic_wagtail.core.forms import control_character_error, has_control_characters
from seismic_wagtail.core.pages import SeismicPageMixin

from .query import MAX_QUERY_LENGTH, SearchOutcome, clean_query, search_pages, specific_pages
from .snippets import build_snippet, page_snippet_text, query_terms, result_date, type_label

#: The ``lang`` request parameter: "mine" searches the visitor's language only, "all" lists every language in
#: one list; without it, the visitor's language and, in their own section, what exists only in others.
LANGUAGE_SCOPES = ("mine", "all")


class SearchPage(SeismicPageMixin, Page):
    """Searches the package's page types in the visitor's language, with facets by type and pagination, and
    lists what exists only in other languages in its own section (unless the visitor asks for their language
    only). Override :meth:`get_search_outcome` to change what is searched and :meth:`decorate_results` to
    change what a result shows (:mod:`seismic_wagtail.search.snippets`)."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the search form, e.g. what visitors can find here.")
    )
    results_per_page = models.PositiveSmallIntegerField(
        _("results per page"), default=10, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("results_per_page")]
    override_translatable_fields = [SynchronizedField("results_per_page", overridable=False)]
    # Indexed like any page (editors find it in the admin); the visitor search leaves it out, as it searches
    # only the types of SEISMIC_WAGTAIL["SEARCH_MODELS"].
    subpage_types = []
    template = "seismic_wagtail/search/search_page.html"
    stylesheets = ["seismic_wagtail/css/search.css"]

    class Meta:
        verbose_name = _("search page")
        verbose_name_plural = _("search pages")

    def get_search_outcome(self, request, query, all_languages, content_type, other_languages=False):
        return search_pages(
            query,
            self.locale,
            all_languages=all_languages,
            other_languages=other_languages,
            content_type=content_type,
        )

    def decorate_results(self, results, query, languages):
        """Give each result (a specific page) what the result list shows: ``search_language_code``,
        ``search_in_other_language`` (its language is not the page's), ``search_type_label``,
        ``search_snippet`` (HTML, matches in ``<mark>``) and ``search_date``."""
        terms = query_terms(query)
        for result in results:
            result.search_language_code = languages.get(result.locale_id)
            result.search_in_other_language = result.locale_id != self.locale_id
            result.search_type_label = type_label(type(result))
            result.search_snippet = build_snippet(page_snippet_text(result), terms)
            result.search_date = result_date(result)
        return results

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        raw_query = request.GET.get("q", "")
        scope = request.GET.get("lang")
        scope = scope if scope in LANGUAGE_SCOPES else ""
        all_languages = scope == "all"
        content_type = request.GET.get("type") or None
        # The package's visitor-text rule (seismic_wagtail.core.forms): control characters are refused with an
        # error naming the field; the box keeps the query without them, so one click searches again.
        query_error = ""
        if has_control_characters(raw_query):
            query_error = control_character_error(_("Search for"))
            outcome = SearchOutcome(query=clean_query(raw_query))
        else:
            outcome = self.get_search_outcome(
                request, raw_query, all_languages, content_type, other_languages=not scope
            )
        paginator = Paginator(outcome.results, self.results_per_page)
        results_page = paginator.get_page(request.GET.get("page"))
        others = outcome.other_languages
        # One query per page type for both lists.
        by_pk = {
            page.pk: page for page in specific_pages(list(results_page.object_list) + [other.page for other in others])
        }
        results = [by_pk[page.pk] for page in results_page.object_list if page.pk in by_pk]
        other_pages = []
        for other in others:
            if other.page.pk in by_pk:
                other_pages.append(by_pk[other.page.pk])
                other_pages[-1].search_language_codes = other.language_codes
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.decorate_results(results + other_pages, outcome.query, languages)
        context.update(
            {
                "search_query": outcome.query,
                "search_query_was_cut": len(raw_query.strip()) > MAX_QUERY_LENGTH,
                "search_query_error": query_error,
                "search_outcome": outcome,
                "search_all_languages": all_languages,
                "search_my_language_only": scope == "mine",
                "search_results": results,
                "search_other_language_results": other_pages,
                "search_results_page": results_page,
                "search_paginator": paginator,
                "search_facets": outcome.facets,
                "search_type_selected": any(facet.selected for facet in outcome.facets),
                "search_max_query_length": MAX_QUERY_LENGTH,
            }
        )
        return context
