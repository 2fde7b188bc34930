"""Every public page type of the package on a phone (390x844) and a desktop (1280x800), as Turkish, Czech and
English visitors see it in Chromium:

- the page never scrolls sideways (``document.documentElement.scrollWidth <= innerWidth``);
- the language switcher is one control on one row, its button and its links at least 44x44 CSS pixels, and it
  opens from the keyboard without JavaScript (a ``<details>``);
- the breadcrumbs are there, an ordered list in a labelled navigation landmark, the last item
  ``aria-current="page"``;
- on the desktop no line of running text is longer than about 75 characters (``ch``);
- axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation.

The demo's URLs are found as a visitor finds them, by following links from the index pages (a story from the
story index, a network from the network index, an event from the network), so renamed demo content does not
break the test. A language without its own consultation (Czech) gets the English one, with the notice in Czech.

``SEISMIC_SCREENSHOTS=docs/screenshots`` saves a full-page PNG of each case, named
``<page>-<lang>-<phone|desktop>.png`` (``story-index-tr-phone.png``), for ``docs/screenshots.md``.
"""

import os
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, format_violations
from .test_accessibility import save_screenshot

LANGUAGES = ("tr", "cs", "en")
BROWSER_LOCALES = {"en": "en-GB", "tr": "tr-TR", "cs": "cs-CZ"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
KINDS = (
    "section",
    "story-index",
    "story",
    "network-index",
    "network",
    "event",
    "consultation",
    "consultation-results",
    "search",
)

#: The demo's pages a visitor starts from: the URL path prefix of each language, the story index's and the
#: search page's slugs, a search query in the language.
START = {
    "en": {"prefix": "/", "stories": "stories", "search": "search", "query": "energy"},
    "tr": {"prefix": "/tr/", "stories": "hikayeler", "search": "arama", "query": "enerji"},
    "cs": {"prefix": "/cs/", "stories": "pribehy", "search": "hledat", "query": "energie"},
}
CONSULTATION = "seismic-demo/research-agenda-consultation/"

#: The paths of the links in the package's content that lie ``depth`` levels below ``base`` (no query, no file).
LINKS_BELOW = """([base, depth]) => [...document.querySelectorAll('.seismic a[href]')]
    .map(link => new URL(link.href, location.href))
    .filter(url => url.origin === location.origin && !url.search && url.pathname.startsWith(base)
                   && url.pathname.endsWith('/')
                   && url.pathname.slice(base.length).split('/').filter(Boolean).length === depth)
    .map(url => url.pathname)"""

OVERFLOW = """() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    widest: [...document.querySelectorAll('body *')]
        .filter(element => element.getBoundingClientRect().right > window.innerWidth + 0.5
                        && !element.closest('[style*="overflow"], .seismic-table-scroll, details:not([open])')
                        && getComputedStyle(element).position !== 'absolute')
        .slice(0, 5)
        .map(element => `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(element.getBoundingClientRect().right)}px`),
})"""

#: The longest line of running text, in ``ch`` of its element's font: each line's width, from the text's
#: client rectangles grouped by line, over the width of ten "0" in that font.
LONGEST_LINE = """() => {
    let longest = {ch: 0, text: ''};
    for (const element of document.querySelectorAll('.seismic :is(p, li, dd, blockquote, figcaption)')) {
        if (!element.offsetParent || element.closest('table, .seismic-language-switcher, .seismic-breadcrumbs')) continue;
        if (element.textContent.trim().length < 60) continue;
        const probe = document.createElement('span');
        probe.textContent = '0000000000';
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        element.append(probe);
        const ch = probe.getBoundingClientRect().width / 10;
        probe.remove();
        for (const node of element.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const lines = new Map();
            for (const rect of range.getClientRects()) {
                const top = Math.round(rect.top);
                const line = lines.get(top) || {left: rect.left, right: rect.right};
                lines.set(top, {left: Math.min(line.left, rect.left), right: Math.max(line.right, rect.right)});
            }
            for (const line of lines.values()) {
                const width = (line.right - line.left) / ch;
                if (width > longest.ch) longest = {ch: width, text: node.textContent.trim().slice(0, 60)};
            }
        }
    }
    return longest;
}"""


def _links_below(page, base, depth):
    return page.evaluate(LINKS_BELOW, [base, depth])


def _first(paths, description, exclude=()):
    paths = [path for path in paths if not path.rstrip("/").endswith(exclude)]
    assert paths, f"No link to {description} on the page"
    return paths[0]


@pytest.fixture(scope="module")
def demo_urls(browser, example_server):
    """``{lang: {kind: url}}``, found by following the demo's links as a visitor of each language would."""
    urls = {}
    for lang in LANGUAGES:
        start = START[lang]
        context = browser.new_context(base_url=example_server, locale=BROWSER_LOCALES[lang])
        page = context.new_page()
        page.set_default_timeout(15_000)
        section = f"{start['prefix']}seismic-demo/"
        story_index = f"{section}{start['stories']}/"
        network_index = f"{section}networks/"
        found = {
            "section": section,
            "story-index": story_index,
            "network-index": network_index,
            "search": f"{section}{start['search']}/?q={start['query']}",
        }
        page.goto(story_index)
        found["story"] = _first(_links_below(page, story_index, 2), "a story")
        page.goto(network_index)
        found["network"] = _first(_links_below(page, network_index, 1), "a network")
        page.goto(found["network"])
        found["event"] = _first(_links_below(page, found["network"], 1), "an event", exclude=("/join",))
        consultation = f"{start['prefix']}{CONSULTATION}"
        if page.goto(consultation).status == 404:  # no consultation in this language: the English one
            consultation = f"/{CONSULTATION}"
        found["consultation"] = consultation
        found["consultation-results"] = f"{consultation}results/"
        urls[lang] = found
        context.close()
    return urls


CASES = [(kind, lang, viewport) for lang in LANGUAGES for viewport in VIEWPORTS for kind in KINDS]


def open_page(new_page, demo_urls, kind, lang, viewport):
    page = new_page(locale=BROWSER_LOCALES[lang], viewport=VIEWPORTS[viewport])
    url = demo_urls[lang][kind]
    response = page.goto(url)
    assert response.status == 200, url
    return page


def check_switcher(page, viewport):
    """One control: a closed disclosure on one row, 44x44 targets; open, 44x44 links with lang and hreflang."""
    switcher = page.locator(".seismic-language-switcher")
    assert switcher.count() == 1
    toggle = switcher.locator("summary")
    box = toggle.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, box
    assert box["height"] < 2 * 44, f"the closed switcher takes more than one row: {box}"
    assert switcher.locator("details").get_attribute("open") is None
    links = switcher.locator("a[hreflang]")
    assert links.count() > 1 and not links.first.is_visible()
    if viewport == "phone":
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"], box
    toggle.click()
    assert links.first.is_visible()
    for index in range(links.count()):
        link = links.nth(index)
        assert link.get_attribute("lang") == link.get_attribute("hreflang")
        link_box = link.bounding_box()
        assert link_box["height"] >= 44 and link_box["width"] >= 44, (link.inner_text(), link_box)
    toggle.click()
    assert not links.first.is_visible()


def check_breadcrumbs(page):
    nav = page.locator("nav.seismic-breadcrumbs")
    assert nav.count() == 1
    assert nav.get_attribute("aria-label")
    items = nav.locator("ol > li")
    assert items.count() >= 2
    assert items.last.locator("[aria-current=page]").count() == 1
    assert nav.locator("[aria-current]").count() == 1
    # The current item is this page (a route of a page, such as the results, after its page).
    current = nav.locator("a[aria-current=page]")
    assert urlsplit(current.get_attribute("href")).path == urlsplit(page.url).path
    # From the site's root down: the first item links to the home page of a language.
    first = urlsplit(items.first.locator("a").get_attribute("href")).path
    assert first.count("/") <= 2, first


@pytest.mark.parametrize(
    "kind, lang, viewport", CASES, ids=[f"{kind}-{lang}-{viewport}" for kind, lang, viewport in CASES]
)
def test_page_fits_the_screen_and_passes_axe(new_page, demo_urls, axe, kind, lang, viewport):
    page = open_page(new_page, demo_urls, kind, lang, viewport)
    widths = page.evaluate(OVERFLOW)
    assert widths["scroll"] <= widths["viewport"], widths
    check_breadcrumbs(page)
    if viewport == "desktop":
        longest = page.evaluate(LONGEST_LINE)
        assert longest["ch"] <= 75, longest
    violations = axe(page)
    folder = os.environ.get("SEISMIC_SCREENSHOTS")
    if folder:
        path = ROOT / folder / f"{kind}-{lang}-{viewport}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        save_screenshot(page, path)
    assert violations == [], format_violations(violations)
    check_switcher(page, viewport)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_opens_from_the_keyboard(new_page, demo_urls, lang):
    """Tab to the switcher's button, Enter opens it, Tab reaches the first language, Enter follows it."""
    page = open_page(new_page, demo_urls, "story", lang, "phone")
    toggle = page.locator(".seismic-language-switcher summary")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.seismic-language-switcher summary')"):
            break
    else:
        pytest.fail("The switcher's button is not reachable with Tab")
    assert toggle.evaluate("element => element.parentElement.open") is False
    page.keyboard.press("Enter")
    assert toggle.evaluate("element => element.parentElement.open") is True
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.hreflang, document.activeElement.getAttribute('href')]")
    assert focused[0] and focused[1], focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == focused[1]
