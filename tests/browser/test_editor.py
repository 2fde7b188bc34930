"""The editor's journey: write a story in the Wagtail admin, translate it into German with wagtail-localize's
editor (the example test settings use wagtail-localize's ``DummyTranslator``, which reverses the words),
publish it, and see the German page served to visitors."""

import re

from .conftest import ADMIN

TITLE = "Greening school yards with the neighbourhood"
GERMAN_TITLE = " ".join(reversed(TITLE.split(" ")))  # what the DummyTranslator makes of it


def log_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN["username"])
    page.fill("#id_password", ADMIN["password"])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_create_a_story_translate_it_into_german_and_publish(page, browser, example_server):
    log_in(page)
    # The story index, found as an editor does: the explorer's search.
    page.goto("/admin/pages/search/?q=Stories")
    page.get_by_role("link", name=re.compile(r"^Stories")).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    index_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/seismic_stories/storypage/{index_id}/")

    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Parents, pupils and neighbours turn an asphalt yard into a green, shaded garden.")
    page.fill("#id_city", "Graz")
    page.select_option("#id_country", "AT")
    page.fill("#id_start_year", "2015")
    page.get_by_role("button", name="Choose theme").click()
    modal = page.locator(".modal-dialog, [role=dialog]").filter(has_text="Environmental")
    modal.get_by_role("link", name=re.compile("Environmental")).first.click()
    page.wait_for_function("() => document.querySelector('#id_story_themes-0-theme').value !== ''")

    # Save a draft (the URL then gives the page id), then publish from the action menu.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/$", page.url).group(1)
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{index_id}/$"))
    assert page.request.get("/seismic-demo/stories/").text().count(TITLE) >= 1

    # Translate: wagtail-localize's submit form, German ticked.
    page.goto(f"/admin/localize/submit/page/{page_id}/")
    page.get_by_label("Deutsch", exact=True).check()
    page.locator("form [type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # The React translation editor: machine-translate every segment, then publish.
    page.get_by_role("button", name=re.compile("Translate with")).click()
    page.get_by_text(GERMAN_TITLE).first.wait_for()
    page.get_by_role("button", name=re.compile("Publish in")).click()
    page.wait_for_load_state()

    visitor = browser.new_context(base_url=example_server, locale="de-DE")
    try:
        german = visitor.new_page()
        german.goto("/de/seismic-demo/geschichten/")
        link = german.get_by_role("link", name=GERMAN_TITLE)
        link.click()
        german.wait_for_url(re.compile(r"/de/seismic-demo/geschichten/[\w-]+/$"))
        assert german.locator("html").get_attribute("lang") == "de"
        assert german.locator("h1").inner_text().strip() == GERMAN_TITLE
    finally:
        visitor.close()
