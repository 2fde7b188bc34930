"""A partly translated demo story in Chromium: the English text a Turkish page still shows is marked
``lang="en"``, the notice names the parts, and axe-core finds no WCAG 2.x A/AA violation, on a phone and a
desktop.

The demo translates a Turkish story's title, summary, city and image text but not its body
(``stories/demo/tr.json``). The Turkish URL is taken from the English story's ``hreflang`` link, so the
test does not depend on how the Turkish slug is transliterated.
"""

import pytest

from .conftest import format_violations

ENGLISH_STORY = "/seismic-demo/stories/turkey/earthquake-ready-neighbourhoods/"


@pytest.mark.parametrize("width", [390, 1280])
def test_turkish_story_marks_its_english_fallback(new_page, axe, width):
    page = new_page(locale="tr-TR", viewport={"width": width, "height": 900})
    assert page.goto(ENGLISH_STORY).status == 200
    turkish_url = page.locator('link[rel="alternate"][hreflang="tr"]').get_attribute("href")
    assert page.goto(turkish_url).status == 200
    assert page.locator("html").get_attribute("lang") == "tr"

    # The untranslated section texts, key figures and contact carry English; the translated title and
    # summary, and the package's own Turkish headings, do not.
    texts = page.locator(".seismic-story-section__text")
    assert texts.count() == 4
    for index in range(texts.count()):
        assert texts.nth(index).get_attribute("lang") == "en"
        assert texts.nth(index).evaluate("element => element.closest('[lang]').lang") == "en"
    assert page.locator(".seismic-key-figure dt[lang=en]").count() == page.locator(".seismic-key-figure dt").count()
    for selector in ("h1", ".seismic-story__summary", ".seismic-story-section h2", ".seismic-contact h2"):
        element = page.locator(selector).first
        assert element.get_attribute("lang") is None, selector
        assert element.evaluate("element => element.closest('[lang]').lang") == "tr", selector

    notice = page.locator(".seismic-notice--partial-translation")
    assert notice.get_attribute("lang") == "tr"
    assert notice.locator("li").count() >= 5  # the four sections, key figures, contact (and rows)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    violations = axe(page)
    assert violations == [], format_violations(violations)
