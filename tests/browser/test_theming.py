"""The package's CSS in a host's clothes: narrow screens, a dark host theme, the form styles, right to left.

Every public page type of the package on the example site (the consultation and join forms also in their
error state):

- at 390 px wide (a phone) the page never scrolls sideways;
- in a dark host theme (the browser asks for ``prefers-color-scheme: dark`` and a stylesheet stands in for
  the host's dark theme) axe-core finds no WCAG 2.2 A/AA violation, and the package's links keep the host's
  link colour;
- the form styles load where the forms are (text fields at least 300 px wide, radios and checkboxes at least
  20 px at desktop width);
- with ``dir="rtl"`` on the package's wrapper, the error marks and the radios move to the right.
"""

import pytest

from .conftest import format_violations
from .test_accessibility import PAGES, submit_empty_form

#: A host's dark theme, injected after the page loads (it stands for a site that goes dark with a media
#: query or with a class on <html>/<body>: the package's CSS must not care which).
DARK_HOST_CSS = """
html, body { background: #121212; color: #e8e8e8; }
a { color: #8ab4f8; }
.site-footer { color: inherit; }
"""
HOST_LINK_COLOUR = "rgb(138, 180, 248)"

#: page type -> (English URL, whether to submit its form empty first to see the error state)
PAGE_TYPES = {kind: (urls["en"], kind == "consultation-error") for kind, urls in PAGES.items() if "en" in urls}
PAGE_TYPES.pop("home")  # the example site's own home page, not a page of the package
PAGE_TYPES["network-join-error"] = (PAGES["network-join"]["en"], True)


def open_page(new_page, url, submit, **options):
    page = new_page(locale="en-GB", **options)
    response = page.goto(url)
    assert response.status == 200, url
    if submit:
        submit_empty_form(page)
    return page


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_sideways_scroll_on_a_phone(new_page, kind):
    url, submit = PAGE_TYPES[kind]
    page = open_page(new_page, url, submit, viewport={"width": 390, "height": 844})
    page.evaluate("document.querySelectorAll('.seismic details').forEach(details => { details.open = true; })")
    widths = page.evaluate("""() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        widest: [...document.querySelectorAll('.seismic *')]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 5)
            .map(element => `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(element.getBoundingClientRect().right)}px`),
    })""")
    assert widths["scroll"] <= widths["viewport"], widths


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_dark_host_theme_passes_axe(new_page, axe, kind):
    url, submit = PAGE_TYPES[kind]
    page = open_page(new_page, url, submit, viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.add_style_tag(content=DARK_HOST_CSS)
    link_colours = set(
        page.eval_on_selector_all(".seismic a[href]", "links => links.map(a => getComputedStyle(a).color)")
    )
    assert link_colours <= {HOST_LINK_COLOUR}, link_colours
    violations = axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("kind", ["consultation", "network-join"])
def test_form_styles_load_on_every_form(new_page, kind):
    url, submit = PAGE_TYPES[kind]
    page = open_page(new_page, url, submit, viewport={"width": 1280, "height": 900})
    sizes = page.evaluate("""() => {
        const size = selector => [...document.querySelectorAll(`.seismic-form ${selector}`)]
            .filter(element => element.offsetParent !== null && !element.closest('.seismic-honeypot'))
            .map(element => { const box = element.getBoundingClientRect(); return [Math.round(box.width), Math.round(box.height)]; });
        return {text: size('input[type=text], input[type=email], textarea'), choices: size('input[type=radio], input[type=checkbox]'),
                buttons: size('button')};
    }""")
    assert sizes["text"] and all(width >= 300 and height >= 44 for width, height in sizes["text"]), sizes["text"]
    assert sizes["choices"] and all(width >= 20 and height >= 20 for width, height in sizes["choices"]), sizes[
        "choices"
    ]
    assert sizes["buttons"] and all(height >= 44 for _width, height in sizes["buttons"]), sizes["buttons"]


def test_right_to_left_mirrors_the_form(new_page):
    url, submit = PAGE_TYPES["consultation-error"]
    page = open_page(new_page, url, submit, viewport={"width": 1280, "height": 900})
    page.evaluate("document.querySelector('.seismic').setAttribute('dir', 'rtl')")
    field = page.locator(".seismic-field--error").first
    borders = field.evaluate(
        "element => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth]"
    )
    assert borders == ["5px", "0px"]
    radio = page.locator(".seismic-form label:has(> input[type=radio])").first
    radio_box, label_box = radio.locator("input").bounding_box(), radio.bounding_box()
    assert (
        radio_box["x"] + radio_box["width"] >= label_box["x"] + label_box["width"] - 1
    )  # the radio sits at the label's right


def test_right_to_left_mirrors_the_result_bars_and_keeps_their_labels_in_view(new_page):
    page = open_page(new_page, PAGE_TYPES["consultation-results"][0], False, viewport={"width": 1280, "height": 900})
    page.evaluate("document.querySelector('.seismic').setAttribute('dir', 'rtl')")
    item = page.locator(".seismic-bars__item").first
    item_box = item.bounding_box()
    label_box = item.locator(".seismic-bars__label").bounding_box()
    track_box = item.locator(".seismic-bars__track").bounding_box()
    bar_box = item.locator(".seismic-bars__bar").bounding_box()
    assert (
        item_box["x"] - 1 <= label_box["x"]
        and label_box["x"] + label_box["width"] <= item_box["x"] + item_box["width"] + 1
    )
    assert bar_box["width"] > 0
    # Right to left, a bar grows from the track's right edge (its inline start).
    assert abs((bar_box["x"] + bar_box["width"]) - (track_box["x"] + track_box["width"])) <= 2
    assert bar_box["width"] < track_box["width"] or bar_box["x"] <= track_box["x"] + 1
