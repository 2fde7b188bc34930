"""The consultation form in Chromium, as English, Swedish and Turkish visitors see it: on a small phone
(320 px), a phone (390 px) and a desktop (1280 px), empty and after an empty submit (the error state).

- the page never scrolls sideways (``scrollWidth <= innerWidth``);
- axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation;
- the error summary takes the focus, and each of its links moves the focus to its field.

``SEISMIC_SCREENSHOTS=docs/screenshots`` also saves the English form at 390 px, empty and in its error state
(``consultation-phone.png``, ``consultation-error-phone.png``); the 1280 px ones come from
``test_accessibility.py``.
"""

import os

import pytest

from .conftest import ROOT, format_violations
from .test_accessibility import BROWSER_LOCALES, PAGES, save_screenshot, submit_empty_form

WIDTHS = (320, 390, 1280)
CASES = [(lang, width, error) for lang in ("en", "sv", "tr") for width in WIDTHS for error in (False, True)]

OVERFLOW = """() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    widest: [...document.querySelectorAll('.seismic *')]
        .filter(element => element.getBoundingClientRect().right > window.innerWidth + 0.5
                        || element.getBoundingClientRect().left < -0.5)
        .slice(0, 5)
        .map(element => `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(element.getBoundingClientRect().right)}px`),
})"""


def open_form(new_page, lang, width, error):
    page = new_page(locale=BROWSER_LOCALES[lang], viewport={"width": width, "height": 900})
    response = page.goto(PAGES["consultation"][lang])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    if error:
        submit_empty_form(page)
    return page


@pytest.mark.parametrize(
    "lang, width, error",
    CASES,
    ids=[f"{lang}-{width}-{'error' if error else 'form'}" for lang, width, error in CASES],
)
def test_form_fits_the_screen_and_passes_axe(new_page, axe, lang, width, error):
    page = open_form(new_page, lang, width, error)
    widths = page.evaluate(OVERFLOW)
    assert widths["scroll"] <= widths["viewport"], widths
    assert widths["widest"] == [], widths
    violations = axe(page)
    folder = os.environ.get("SEISMIC_SCREENSHOTS")
    if folder and lang == "en" and width == 390:
        path = ROOT / folder / ("consultation-error-phone.png" if error else "consultation-phone.png")
        path.parent.mkdir(parents=True, exist_ok=True)
        save_screenshot(page, path)
    assert violations == [], format_violations(violations)


def test_error_state_follows_the_pattern(new_page):
    page = open_form(new_page, "en", 1280, True)
    assert page.title().startswith("Error: ")
    summary = page.locator(".seismic-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("h2").inner_text().strip() == "There is a problem"
    # The summary has the focus when the page loads.
    assert page.evaluate("() => document.activeElement.classList.contains('seismic-error-summary')")
    texts = summary.locator("a").all_inner_texts()
    assert texts and not any("This field is required" in text for text in texts), texts
    # Every field in error carries its message before its input, with a visually hidden "Error:".
    marked = page.locator(".seismic-field--error")
    assert marked.count() == len(texts)
    hidden = page.locator(".seismic-field--error .seismic-errorlist .seismic-visually-hidden").first
    assert hidden.inner_text().strip() == "Error:" and hidden.bounding_box()["width"] <= 1


@pytest.mark.parametrize("width", (390, 1280))
def test_every_summary_link_moves_the_focus_to_its_field(new_page, width):
    page = open_form(new_page, "en", width, True)
    links = page.locator(".seismic-error-summary a")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    assert len(hrefs) >= 5, hrefs
    for index, href in enumerate(hrefs):
        page.locator(".seismic-error-summary a").nth(index).click()
        page.wait_for_function("(id) => document.activeElement && document.activeElement.id === id", arg=href[1:])
        field = page.evaluate("""() => {
            const element = document.activeElement, box = element.getBoundingClientRect();
            return {tag: element.tagName.toLowerCase(), inView: box.bottom > 0 && box.top < window.innerHeight,
                    marked: !!element.closest('.seismic-field--error')};
        }""")
        assert field["tag"] in ("input", "select", "textarea") and field["inView"] and field["marked"], (href, field)
        page.evaluate("window.scrollTo(0, 0)")


def test_radios_and_checkboxes_are_40px_targets_beside_their_labels(new_page):
    page = open_form(new_page, "en", 390, False)
    boxes = page.evaluate("""() => [...document.querySelectorAll('.seismic-form input[type=radio], .seismic-form input[type=checkbox]')]
        .filter(element => !element.closest('.seismic-honeypot'))
        .map(element => {
            const box = element.getBoundingClientRect();
            const label = element.labels[0].getBoundingClientRect();
            const contains = label.left <= box.left && label.right >= box.right;
            const after = label.left >= box.right - 1;
            const overlap = Math.min(box.bottom, label.bottom) - Math.max(box.top, label.top);
            return {id: element.id, width: Math.round(box.width), height: Math.round(box.height),
                    beside: (contains || after) && overlap >= box.height / 2};
        })""")
    assert boxes
    for box in boxes:
        assert box["width"] >= 40 and box["height"] >= 40, box
        assert box["beside"], box
    # Text fields take the column's width (up to a readable measure), and the button is the form's own.
    text = page.locator("#id_city").bounding_box()
    column = page.locator("form.seismic-form").bounding_box()
    assert text["width"] >= column["width"] - 30
    button = page.locator("form.seismic-form button[type=submit]")
    styles = button.evaluate(
        "element => [getComputedStyle(element).borderTopWidth, getComputedStyle(element).fontWeight]"
    )
    assert styles == ["3px", "700"]
