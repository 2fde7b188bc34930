"""The consultation results page in Chromium: legible on phones, accessible, sortable, and strict-CSP clean.

At 320 and 390 pixels wide, with every disclosure opened, no visible text is smaller than 12px and nothing
scrolls sideways; axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation; the headline ranking sorts by a
column; "Show in my language" shows machine translations (the example's test settings use wagtail-localize's
DummyTranslator, which reverses the words: nothing leaves the machine).

``SEISMIC_SCREENSHOTS=docs/screenshots`` saves ``consultation-results-phone.png`` (390 pixels wide) there; the
desktop screenshot comes from ``test_accessibility.py``.
"""

import os

import pytest

from .conftest import ROOT, format_violations
from .test_accessibility import save_screenshot
from .test_csp import csp_page, violations  # noqa: F401 (the fixture, used by name)

RESULTS = "/seismic-demo/research-agenda-consultation/results/"

#: Text nodes rendered smaller than 12px: "<tag.class> <size>px <text>" for each visible one.
SMALL_TEXT = """
(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!text || !element || element.closest("script, style, noscript, template")) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility !== "visible" || box.width <= 1 || box.height <= 1) continue;  // hidden or visually hidden
    const size = parseFloat(style.fontSize);
    if (size < minimum) small.push(`${element.tagName.toLowerCase()}.${element.className} ${size}px ${text.slice(0, 40)}`);
  }
  return small;
}
"""

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

#: The elements that reach past the right edge of the viewport (for the failure message).
WIDE = """
() => Array.from(document.querySelectorAll("body *"))
  .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .slice(0, 8)
  .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}px`)
"""


def open_all_details(page):
    page.evaluate("() => document.querySelectorAll('details').forEach((details) => { details.open = true; })")


@pytest.mark.parametrize("width", [320, 390])
def test_results_are_legible_on_a_phone(new_page, axe, width):
    page = new_page(locale="en-GB", viewport={"width": width, "height": 800})
    assert page.goto(RESULTS).status == 200
    assert page.locator(".seismic-bars").count() > 5 and page.locator("svg.seismic-chart").count() == 0
    violations_found = axe(page)
    assert violations_found == [], format_violations(violations_found)
    folder = os.environ.get("SEISMIC_SCREENSHOTS")
    if folder and width == 390:
        save_screenshot(page, ROOT / folder / "consultation-results-phone.png")
    open_all_details(page)
    assert page.evaluate(SMALL_TEXT, 12) == []
    assert page.evaluate(OVERFLOW) <= 0, page.evaluate(WIDE)
    violations_found = axe(page)
    assert violations_found == [], format_violations(violations_found)


def ranking_rows(page):
    return (
        page.locator(".seismic-ranking-table")
        .first.locator("tbody tr")
        .evaluate_all("rows => rows.map((row) => Array.from(row.cells, (cell) => cell.textContent.trim()))")
    )


def test_the_ranking_table_sorts_by_a_column(page):
    page.goto(RESULTS)
    table = page.get_by_role("table", name="Agenda items ranked by mean rating")
    rows = ranking_rows(page)
    assert len(rows) >= 5
    means = [float(row[1]) for row in rows]
    assert means == sorted(means, reverse=True)  # the server's order, without any click
    mean_heading = table.get_by_role("columnheader", name="Mean rating")
    assert mean_heading.get_attribute("aria-sort") == "descending"

    answers_heading = table.get_by_role("columnheader", name="Answers")
    answers_heading.get_by_role("button").click()
    assert answers_heading.get_attribute("aria-sort") == "descending"
    assert mean_heading.get_attribute("aria-sort") is None
    answers = [int(row[2]) for row in ranking_rows(page)]
    assert answers == sorted(answers, reverse=True)
    answers_heading.get_by_role("button").click()
    assert answers_heading.get_attribute("aria-sort") == "ascending"
    assert [int(row[2]) for row in ranking_rows(page)] == sorted(answers)

    table.get_by_role("columnheader", name="Agenda item").get_by_role("button").click()
    items = table.locator("tbody th a").all_inner_texts()
    assert items == sorted(items, key=str.casefold)
    assert sorted(rows) == sorted(ranking_rows(page))  # the same rows, only reordered
    page.keyboard.press("Tab")  # the sort buttons are reachable and nothing broke focus
    assert page.locator(".seismic-sort-hint").is_visible()


def test_show_in_my_language_without_javascript_errors(page):
    page.goto(RESULTS)
    assert page.locator(".seismic-text-answer__translation").count() == 0
    page.get_by_role("button", name="Show in my language (English)").first.click()
    page.wait_for_url("**/results/?translate=1")
    translations = page.locator(".seismic-text-answer__translation")
    assert translations.count() > 0
    assert translations.first.get_attribute("lang") == "en"
    assert translations.first.inner_text().startswith("Machine translation from ")
    page.get_by_role("link", name="Show the answers as written").first.click()
    assert page.locator(".seismic-text-answer__translation").count() == 0


def test_answers_are_paged_and_filtered(page):
    page.goto(RESULTS)
    page.get_by_role("link", name="published answers, with filters").first.click()
    assert page.locator("h1").inner_text().startswith("Published answers:")
    everything = page.locator("[role=status]").first.inner_text()
    filters = page.get_by_role("form", name="Filter the answers")
    filters.get_by_label("Language").select_option("sv")
    filters.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**language=sv**")
    assert page.locator("[role=status]").first.inner_text() != everything
    languages = page.locator(".seismic-text-answers blockquote").evaluate_all("els => els.map((e) => e.lang)")
    assert languages and set(languages) == {"sv"}


@pytest.mark.parametrize(
    "path",
    [RESULTS, RESULTS + "?translate=1", RESULTS + "answers/{question}/?language=sv&translate=1&page=2"],
)
def test_no_csp_violation_on_the_results_pages(csp_page, path):  # noqa: F811 (the fixture)
    if "{question}" in path:
        csp_page.goto(RESULTS)
        href = csp_page.get_by_role("link", name="published answers, with filters").first.get_attribute("href")
        path = href + "?language=sv&translate=1&page=2"
    response = csp_page.goto(path)
    assert response.status == 200
    found, console_errors = violations(csp_page)
    assert found == [] and console_errors == []
