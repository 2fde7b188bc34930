"""Fixtures of the search tests: pages in several locales, a search page per locale, test models searched."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from seismic_wagtail.core.translation import translate
from tests.factories.search import SearchPageFactory, SearchTestEventPageFactory
from tests.factories.testapp import SimpleTestPageFactory

SEARCH_TEST_MODELS = ["testapp.SimpleTestPage", "searchapp.SearchTestEventPage", "seismic_networks.NotInstalled"]


@pytest.fixture(autouse=True)
def restore_active_language():
    """Requests to /sv/... leave Swedish active in the thread (LocaleMiddleware); do not leak it."""
    from django.utils import translation

    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture(autouse=True)
def search_test_models():
    """Search the test page types (the package's own page types are built in other apps)."""
    with override_settings(SEISMIC_WAGTAIL={"SEARCH_MODELS": SEARCH_TEST_MODELS}):
        yield


@pytest.fixture
def locale_root(root_page, locales):
    """``locale_root("sv")``: the site root in that locale (a translation of the English root)."""

    def get(code):
        if code == root_page.locale.language_code:
            return root_page
        existing = root_page.get_translation_or_none(locales[code])
        page = existing.specific if existing else translate(root_page, locales[code]).specific
        if not page.live:  # wagtail-localize copies a missing root as a draft
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return get


@pytest.fixture
def make_page(locale_root):
    """``make_page("sv", "Staden", "text", kind="event", translation_of=page)``: a live page in a locale."""

    def make(code, title, body="", *, kind="simple", translation_of=None):
        page = _make(code, title, body, kind=kind, translation_of=translation_of)
        # Wagtail 7.0 indexes on transaction commit, which a test's rolled-back transaction never reaches;
        # Wagtail 8 (django-tasks' immediate backend) has indexed already. Same state on both:
        from wagtail.search.index import insert_or_update_object

        insert_or_update_object(page)
        return page

    def _make(code, title, body="", *, kind="simple", translation_of=None):
        if translation_of is not None:
            strings = {translation_of.title: title}
            source_body = getattr(translation_of.specific, "body", None) or getattr(
                translation_of.specific, "summary", ""
            )
            if source_body and body:
                strings[source_body] = body
            page = translate(translation_of, code, strings).specific
            if not page.live:
                page.save_revision().publish()
                page.refresh_from_db()
            return page
        parent = locale_root(code)
        if kind == "event":
            return SearchTestEventPageFactory(parent=parent, title=title, summary=body)
        return SimpleTestPageFactory(parent=parent, title=title, body=body)

    return make


@pytest.fixture
def search_pages_by_locale(root_page, locales, locale_root):
    """The search page in English (``/search/``) and its Swedish, German, Turkish and Czech translations."""
    english = SearchPageFactory(parent=root_page, title="Search", slug="search")
    pages = {"en": english}
    for code, (title, slug) in {
        "sv": ("Sök", "sok"),
        "de": ("Suche", "suche"),
        "tr": ("Arama", "arama"),
        "cs": ("Hledání", "hledani"),
    }.items():
        locale_root(code)
        translated = translate(english, code, {"Search": title})
        translated.slug = slug
        translated.save_revision().publish()
        pages[code] = Page.objects.get(pk=translated.pk).specific
    return pages
