"""The example site's home page in a real browser: it renders in each language and passes axe-core."""

import pytest

from .conftest import format_violations


@pytest.mark.parametrize("prefix, lang", [("", "en"), ("/sv", "sv"), ("/tr", "tr")])
def test_home_page_renders_in_language_and_passes_axe(page, axe, prefix, lang):
    response = page.goto(prefix + "/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text().strip()
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_admin_login(page):
    from .conftest import ADMIN

    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN["username"])
    page.fill("#id_password", ADMIN["password"])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    assert page.locator("text=SEiSMiC").first.is_visible()
