"""The story index hides nothing by language and puts the results first on a phone (issue #16), in Chromium.

Turkish, Czech and English visitors, at 390 px (a phone, 390x844) and 1280 px: following the index's pages
reaches every demo story exactly once (in the visitor's language where the demo translates it, else in
English, marked with ``lang``); the first story card is within the first screen on a phone; nothing overflows
sideways; axe-core finds no WCAG 2.x A/AA violation, with the filters closed and open.
"""

import json

import pytest

from seismic_wagtail.stories import demo

from .conftest import format_violations

INDEXES = {"en": "/seismic-demo/stories/", "tr": "/tr/seismic-demo/hikayeler/", "cs": "/cs/seismic-demo/pribehy/"}
BROWSER_LOCALES = {"en": "en-GB", "tr": "tr-TR", "cs": "cs-CZ"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CASES = [(lang, size) for lang in INDEXES for size in VIEWPORTS]


@pytest.fixture(scope="module")
def example_server(demo_database, tmp_path_factory):
    """This module's own copy of the demo site, as ``seismic_demo`` made it: other browser tests change the
    shared one (the review workflow's test renames a story, the editor's test adds one)."""
    site = demo_database.copy(tmp_path_factory.mktemp("story-index-site")).start()
    yield site.base_url
    site.stop()


def demo_titles(lang):
    """The demo's story titles as a visitor in ``lang`` should see them: translated where the demo translates
    the story, else the English title (the story's default-language version)."""
    folder = demo.__path__[0]
    with open(f"{folder}/en.json", encoding="utf-8") as file:
        english = json.load(file)["stories"]
    with open(f"{folder}/{lang}.json", encoding="utf-8") as file:
        local = json.load(file).get("stories", {})
    return sorted(local.get(slug, {}).get("title", text["title"]) for slug, text in english.items())


def cards_on_all_pages(page, url):
    """``[(title, lang of the card or None)]`` of every card, following "next" to the end."""
    cards = []
    page.goto(url)
    while True:
        for card in page.locator("article.seismic-story-card").all():
            cards.append((card.locator("h3 a, h4 a").first.inner_text().strip(), card.get_attribute("lang")))
        following = page.locator(".seismic-pagination a[rel=next]")
        if not following.count():
            return cards
        following.click()
        page.wait_for_load_state()


@pytest.mark.parametrize("lang, size", CASES, ids=[f"{lang}-{size}" for lang, size in CASES])
def test_every_demo_story_is_reached_from_the_index(new_page, lang, size):
    page = new_page(locale=BROWSER_LOCALES[lang], viewport=VIEWPORTS[size])
    cards = cards_on_all_pages(page, INDEXES[lang])
    titles = sorted(title for title, _lang in cards)
    assert titles == demo_titles(lang)  # each story once: 21 in every language
    assert len(cards) == len(demo.load(demo.__name__, "content")["stories"])
    # The stories in another language than the page carry theirs; those in the page's language do not.
    other = [card for card in cards if card[1] is not None]
    assert {card_lang for _title, card_lang in other} <= {"en"}
    translated = len(cards) if lang == "en" else len(demo.load(demo.__name__, lang)["stories"])
    assert len(other) == len(cards) - translated


@pytest.mark.parametrize("lang, size", CASES, ids=[f"{lang}-{size}" for lang, size in CASES])
def test_first_card_on_the_first_screen_no_overflow_and_axe(new_page, axe, lang, size):
    viewport = VIEWPORTS[size]
    page = new_page(locale=BROWSER_LOCALES[lang], viewport=viewport)
    assert page.goto(INDEXES[lang]).status == 200
    first = page.locator("article.seismic-story-card").first.bounding_box()
    if size == "phone":
        assert first["y"] < viewport["height"], first
        # The filters wait behind one closed "Filter" disclosure; the facets are not laid out.
        assert page.locator(".seismic-story-filters__disclosure").get_attribute("open") is None
        assert not page.locator(".seismic-facet").first.is_visible()
    else:
        # Beside the results on a wide screen, open.
        facet = page.locator(".seismic-facet").first.bounding_box()
        assert facet["x"] + facet["width"] <= first["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    violations = axe(page)
    assert violations == [], format_violations(violations)
    if size == "phone":
        # Open the filters (no script needed: <details>): the facets show, the long lists stay short
        # behind "Show all", and the apply button comes before the facets.
        page.locator(".seismic-story-filters__summary").click()
        assert page.locator(".seismic-facet").first.is_visible()
        apply = page.locator(".seismic-story-filters__actions button").first.bounding_box()
        assert apply["y"] < page.locator(".seismic-facet").first.bounding_box()["y"]
        city = page.locator(".seismic-facet--city")
        assert city.locator(".seismic-facet__more summary").is_visible()
        assert city.locator("li").filter(visible=True).count() <= 6
        city.locator(".seismic-facet__more summary").click()
        assert city.locator("li").filter(visible=True).count() > 6
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        violations = axe(page)
        assert violations == [], format_violations(violations)


def test_my_language_only_from_the_form(new_page):
    page = new_page(locale="tr-TR", viewport=VIEWPORTS["phone"])
    page.goto(INDEXES["tr"])
    page.locator(".seismic-story-filters__summary").click()
    page.locator("#seismic-story-only-language").check()
    page.locator(".seismic-story-filters__actions button").first.click()
    page.wait_for_load_state()
    assert "only_language=1" in page.url
    cards = page.locator("article.seismic-story-card")
    assert cards.count() == len(json.load(open(f"{demo.__path__[0]}/tr.json", encoding="utf-8"))["stories"])
    assert page.locator("article.seismic-story-card[lang]").count() == 0
    assert page.locator(".seismic-active-filters a").count() == 1
