"""Every package page type under the strict Content-Security-Policy of the example's production settings.

The example's test settings send that policy (example/settings/csp.py) as ``Content-Security-Policy-Report-Only``:
the browser reports each violation as a ``securitypolicyviolation`` event and a console message, exactly as it
would block it under the enforcing header, while the other browser tests can still inject axe-core. A listener
installed before any page script runs collects the events; the test fails on any violation or console error.
The Wagtail admin is outside the policy (EXCLUDE_URL_PREFIXES) and not visited here.
"""

import pytest

from .test_accessibility import PAGES

LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push({directive: event.violatedDirective, blocked: event.blockedURI,
                               sample: event.sample, source: event.sourceFile, line: event.lineNumber});
});
"""

EXTRA_PAGES = {
    "join-thanks": "/seismic-demo/networks/austria/join/thanks/",
    "consultation-confirm": "/seismic-demo/research-agenda-consultation/confirm/not-a-token/",
    "story-index-filtered": "/seismic-demo/stories/?theme=environment&year=2015&q=energy",
    "search-error": "/seismic-demo/search/?q=energy%1B",
    "not-found": "/seismic-demo/no-such-page/",
}
CASES = {kind: urls["en"] for kind, urls in PAGES.items() if "en" in urls and kind != "consultation-error"}
CASES.update(EXTRA_PAGES)


@pytest.fixture
def csp_page(browser, example_server):
    """A context that obeys CSP (no bypass), collecting violations and console errors."""
    context = browser.new_context(base_url=example_server, locale="en-GB")
    context.add_init_script(LISTENER)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


def violations(page):
    page.wait_for_timeout(100)  # violation events are dispatched asynchronously
    return page.evaluate("window.__cspViolations"), page.console_errors


@pytest.mark.parametrize("kind", list(CASES))
def test_no_csp_violation(csp_page, kind):
    response = csp_page.goto(CASES[kind])
    assert response.status < 500
    policy = response.headers.get("content-security-policy-report-only", "")
    # The nonce is in the header only on pages that use it (stories and events, for their JSON-LD).
    assert "script-src 'self'" in policy and "style-src 'self';" in policy + ";", policy
    assert "unsafe-inline" not in policy
    found, console_errors = violations(csp_page)
    assert found == [], found
    assert [error for error in console_errors if "Content Security Policy" in error or "Refused" in error] == []


def test_json_ld_carries_the_nonce_of_the_header(csp_page):
    response = csp_page.goto(PAGES["story"]["en"])
    policy = response.headers["content-security-policy-report-only"]
    nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
    # From the HTML as served: browsers hide a nonce attribute from the DOM once the page has a policy.
    assert response.text().count(f'<script nonce="{nonce}" type="application/ld+json">') == 1


def test_consultation_form_error_page_has_no_violation(csp_page):
    csp_page.goto(PAGES["consultation"]["en"])
    csp_page.locator("form.seismic-consultation-form button[type=submit], form button[type=submit]").last.click()
    csp_page.wait_for_load_state()
    found, console_errors = violations(csp_page)
    assert found == [] and not [error for error in console_errors if "Refused" in error]


def test_a_violation_would_be_seen(csp_page):
    """The listener works: an inline style injected into a package page is reported."""
    csp_page.goto(PAGES["story-index"]["en"])
    csp_page.evaluate("document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">x</div>')")
    found, _errors = violations(csp_page)
    assert any(item["directive"].startswith("style-src") for item in found), found
