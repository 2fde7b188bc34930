"""Visitor journeys through the demo site in a real browser."""

import re

from .conftest import format_violations

CONSULTATION_TR = "/tr/seismic-demo/research-agenda-consultation/"


def test_switch_a_story_to_swedish(page):
    page.goto("/seismic-demo/stories/sweden/welcome-neighbour-mentoring/")
    english_title = page.locator("h1").inner_text()
    switcher = page.get_by_role("navigation", name="Choose a language")
    switcher.locator("summary").click()  # the switcher is a disclosure: open it
    switcher.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**/sv/seismic-demo/berattelser/sweden/valkommen-granne-mentorer-for-nyanlanda-flyktingar/")
    assert page.locator("html").get_attribute("lang") == "sv"
    title = page.locator("h1").inner_text()
    assert title.startswith("Välkommen granne") and title != english_title
    current = page.locator(".seismic-language-switcher a[aria-current=page]")
    assert current.get_attribute("hreflang") == "sv"


def test_filter_stories_by_theme_and_country_and_follow_the_rss_link(page):
    page.goto("/seismic-demo/stories/")
    all_stories = page.locator(".seismic-story-index__results h3").count()
    filters = page.get_by_role("search", name="Filter stories")
    filters.locator("input[name=theme][value=environment]").check()
    filters.locator("input[name=country][value=AT]").check()
    filters.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url(re.compile(r"/seismic-demo/stories/\?.*theme=environment"))
    assert "country=AT" in page.url
    titles = page.locator(".seismic-story-index__results h3").all_inner_texts()
    assert titles and len(titles) < all_stories
    assert "A solar cooperative on social housing roofs" in titles
    # The filters are kept checked after the reload.
    assert filters.locator("input[name=theme][value=environment]").is_checked()
    assert filters.locator("input[name=country][value=AT]").is_checked()

    rss = page.get_by_role("link", name="RSS feed of this list")
    href = rss.get_attribute("href")
    assert "theme=environment" in href and "country=AT" in href
    response = page.request.get(href)
    assert response.status == 200
    assert "xml" in response.headers["content-type"]
    feed = response.text()
    assert feed.count("<item>") == len(titles)
    assert "A solar cooperative on social housing roofs" in feed


def _answer_required_questions(page):
    """Answer the Turkish consultation with the mouse, except the privacy box; returns what was given."""
    form = page.locator("form.seismic-form")
    radios = form.locator(".seismic-questions .seismic-field--required fieldset")
    for index in range(radios.count()):
        radios.nth(index).locator("input[type=radio]").nth(index % 3).check()
    form.locator(".seismic-questions input[type=checkbox]").first.check()
    form.locator(".seismic-questions textarea").fill("Konut ve iklim birlikte ele alınmalı.")
    form.locator("#id_respondent_type_0").check()
    form.locator("#id_country").select_option("TR")
    form.locator("#id_city").fill("İzmir")
    form.locator("#id_consent_1").check()
    return {
        "checked": [
            radios.nth(index).locator("input[type=radio]").nth(index % 3).get_attribute("id")
            for index in range(radios.count())
        ],
    }


def test_answer_a_consultation_in_turkish_with_an_error_then_successfully(page, axe):
    page.goto(CONSULTATION_TR)
    assert page.locator("html").get_attribute("lang") == "tr"
    given = _answer_required_questions(page)
    page.locator("form.seismic-form button[type=submit]").click()
    page.wait_for_load_state()

    # The error is announced: an error summary with role="alert", focusable, linking to the field.
    summary = page.locator(".seismic-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("a[href='#id_privacy']").count() == 1
    privacy = page.locator("#id_privacy")
    assert privacy.get_attribute("aria-invalid") == "true"
    described_by = privacy.get_attribute("aria-describedby").split()
    error_texts = [page.locator(f"[id='{ident}']").inner_text().strip() for ident in described_by]
    assert any(error_texts), described_by
    # Every answer is kept.
    for ident in given["checked"]:
        assert page.locator(f"[id='{ident}']").is_checked(), ident
    assert page.locator(".seismic-questions input[type=checkbox]").first.is_checked()
    assert page.locator(".seismic-questions textarea").input_value() == "Konut ve iklim birlikte ele alınmalı."
    assert page.locator("#id_respondent_type_0").is_checked()
    assert page.locator("#id_country").input_value() == "TR"
    assert page.locator("#id_city").input_value() == "İzmir"
    assert page.locator("#id_consent_1").is_checked()
    violations = axe(page)
    assert violations == [], format_violations(violations)

    privacy.check()
    page.locator("form.seismic-form button[type=submit]").click()
    page.wait_for_url("**" + CONSULTATION_TR + "thanks/")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator(".seismic-error-summary").count() == 0


def test_open_the_results_page(page):
    page.goto(CONSULTATION_TR)
    page.locator("a[href$='/results/']").first.click()
    page.wait_for_url("**" + CONSULTATION_TR + "results/")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator("h1").inner_text().strip()
    assert page.locator("main table, main .seismic-results, main [class*=result]").count() > 0


def test_add_a_network_event_to_a_calendar(page):
    page.goto("/seismic-demo/networks/sweden/meeting-stockholm/")
    link = page.locator("main a[href$='event.ics']").first
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    content = open(download.path(), encoding="utf-8").read()
    assert content.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in content
    assert "SUMMARY:" in content and "Stockholm" in content
