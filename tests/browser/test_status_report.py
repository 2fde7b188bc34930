"""The translation status report in Chromium at 1280px: the ten language columns fit without scrolling the page
sideways, every state shows text (and an icon) besides its colour, the per-language summary has a row per language
with its figure, and axe-core finds no WCAG 2.2 A/AA violation, in Wagtail's light and dark themes.

The report runs on its own copy of the demo site, where a few pages get the states the demo does not make
(``STATES_SCRIPT``: a machine translation nobody reviewed, a draft translation), so every state is on screen.
"""

import pytest

from .conftest import ADMIN, format_violations

REPORT = "/admin/seismic/translation-status/"
LANGUAGES = ["en", "de", "fr", "nl", "cs", "hu", "it", "nb", "sv", "tr"]
#: The short label each state shows in its cells (``translation_status.STATUS_DISPLAY``).
SHORT_LABELS = {
    "source": "Source",
    "up_to_date": "Up to date",
    "machine": "Machine",
    "partial": "Partial",
    "in_progress": "Draft",
    "out_of_date": "Outdated",
    "missing": "Missing",
}

#: Run with ``manage.py shell -c`` on the report's site: machine-translate a partly translated English page into
#: Italian (every string, "machine") and start a draft Czech translation (untranslated) of a page missing in Czech.
STATES_SCRIPT = """
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from seismic_wagtail.core.i18n import content_locales
from seismic_wagtail.core.translation import translate
from seismic_wagtail.core.translation_status import Status, get_status_rows, source_pages

def strings(page):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return {s.string.data: " ".join(reversed(s.string.data.split(" "))) for s in segments}

rows = get_status_rows(source_pages().filter(locale__language_code="en").order_by("title"), content_locales())
machine = next(row for row in rows if row.cell("it").status == Status.PARTIAL)
translate(machine.page, "it", strings(machine.page), translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
draft = next(row for row in rows if row.cell("cs").status == Status.MISSING)
translate(draft.page, "cs", publish=False)
"""


@pytest.fixture(scope="module")
def report_site(demo_database, tmp_path_factory):
    site = demo_database.copy(tmp_path_factory.mktemp("status-report-site"))
    site.manage("shell", "-c", STATES_SCRIPT)
    site.start()
    yield site.base_url
    site.stop()


@pytest.fixture
def admin_page(browser, report_site):
    """``admin_page(color_scheme="dark")``: a 1280px wide page logged in to the report site's admin."""
    contexts = []

    def make(width=1280, color_scheme="light"):
        context = browser.new_context(
            base_url=report_site,
            locale="en-GB",
            viewport={"width": width, "height": 900},
            color_scheme=color_scheme,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/admin/login/")
        page.fill("#id_username", ADMIN["username"])
        page.fill("#id_password", ADMIN["password"])
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        page.goto(REPORT)
        return page

    yield make
    for context in contexts:
        context.close()


def test_ten_languages_fit_at_1280px_and_every_state_shows_text(admin_page):
    page = admin_page()
    layout = page.evaluate(
        """() => {
            const region = document.querySelector('.seismic-ts-table table.listing').closest('.seismic-ts-table');
            return {
                pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
                tableOverflow: region.scrollWidth - region.clientWidth,
                columns: [...document.querySelectorAll('th.seismic-translation-status-column')].map(th => {
                    const box = th.getBoundingClientRect();
                    return {code: th.querySelector('abbr').textContent.trim(), left: box.left, right: box.right};
                }),
            };
        }"""
    )
    assert layout["pageOverflow"] <= 0 and layout["tableOverflow"] <= 0, layout
    assert [column["code"] for column in layout["columns"]] == LANGUAGES
    assert all(0 <= column["left"] and column["right"] <= 1280 for column in layout["columns"]), layout["columns"]

    for status, label in SHORT_LABELS.items():
        cell = page.locator(f'td.seismic-translation-status[data-status="{status}"]').first
        cell.scroll_into_view_if_needed()
        assert cell.is_visible(), status
        state = cell.locator(".seismic-ts-state")
        assert state.locator(".seismic-ts-short").inner_text().strip() == label
        assert state.locator("svg.seismic-ts-icon").count() == 1  # an icon as well as a colour
        box = state.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, (status, box)

    # The state's colour differs from its neighbours' (not one grey for missing, in progress and out of date).
    colours = page.evaluate(
        """(statuses) => statuses.map(status => {
            const state = document.querySelector(`td[data-status="${status}"] .seismic-ts-state`);
            const style = getComputedStyle(state);
            return style.color + '|' + style.backgroundColor;
        })""",
        list(SHORT_LABELS),
    )
    assert len(set(colours)) == len(SHORT_LABELS), colours

    # The summary: a row per language, with its figure as text next to the bar.
    rows = page.locator(".seismic-ts-summary-table tbody tr")
    assert [rows.nth(i).get_attribute("data-language") for i in range(rows.count())] == LANGUAGES
    assert "%" in rows.nth(1).locator(".seismic-ts-percent").inner_text()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_report_has_no_axe_violations(admin_page, axe, color_scheme):
    page = admin_page(color_scheme=color_scheme)
    # The theme's own palette is in use (the admin follows the system's scheme by default).
    up_to_date = page.locator('td[data-status="up_to_date"] .seismic-ts-state').first
    expected = {"light": "rgb(11, 107, 44)", "dark": "rgb(142, 224, 168)"}[color_scheme]
    assert up_to_date.evaluate("element => getComputedStyle(element).color") == expected
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_narrow_windows_scroll_the_table_not_the_page(admin_page):
    page = admin_page(width=800)
    layout = page.evaluate(
        """() => {
            const region = document.querySelector('.seismic-ts-table table.listing').closest('.seismic-ts-table');
            return {pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
                    tableOverflow: region.scrollWidth - region.clientWidth};
        }"""
    )
    assert layout["pageOverflow"] <= 0 and layout["tableOverflow"] > 0, layout
