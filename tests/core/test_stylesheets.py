"""The package's stylesheets keep the rules of docs/how-to/theming.md: read as text, no browser needed.

Every rule is scoped under ``:where(...)`` (a site's own CSS wins), properties are logical (the content
mirrors under ``dir="rtl"``), no colour is hard-coded except the error red that is mixed with the text
colour, and every page type that shows a form links the stylesheet that holds the form styles.
"""

import re
from pathlib import Path

import pytest

import seismic_wagtail
from seismic_wagtail.core.templating import CORE_STYLESHEETS

PACKAGE = Path(seismic_wagtail.__file__).resolve().parent
STYLESHEETS = sorted(PACKAGE.glob("*/static/seismic_wagtail/**/*.css"))
CORE = PACKAGE / "core" / "static" / CORE_STYLESHEETS[0]
#: The custom properties a site may set (documented in docs/how-to/theming.md).
PUBLIC_PROPERTIES = {
    "--seismic-text",
    "--seismic-accent",
    "--seismic-border",
    "--seismic-surface",
    "--seismic-focus",
    "--seismic-error",
    "--seismic-measure",
}


def css_text(path):
    return re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)


def selectors(text):
    """Every selector of every style rule (at-rules such as @media are opened, not listed)."""
    for match in re.finditer(r"([^{};]+)\{", text):
        prelude = match.group(1).strip()
        if prelude.startswith("@"):
            continue
        depth, part = 0, ""
        for char in prelude:
            depth += char == "("
            depth -= char == ")"
            if char == "," and depth == 0:
                yield part.strip()
                part = ""
            else:
                part += char
        yield part.strip()


def test_there_are_the_five_stylesheets():
    names = {path.name for path in STYLESHEETS}
    assert names == {"seismic.css", "networks.css", "consultations.css", "search.css", "stories.css"}


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_every_rule_is_scoped_with_zero_specificity_scope(path):
    unscoped = [selector for selector in selectors(css_text(path)) if not selector.startswith(":where(")]
    assert unscoped == []


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_properties_are_logical(path):
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right|top|bottom)\b[^:;{]*:|(?<![-\w])(?:left|right|top|bottom|width|height)\s*:"
        r"|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)",
        css_text(path),
    )
    assert physical == []


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_no_hard_coded_colours(path):
    text = css_text(path)
    hex_colours = set(re.findall(r"#[0-9a-fA-F]{3,8}\b", text))
    functions = re.findall(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(", text)
    assert functions == []
    if path == CORE:
        # The only real colour: the error red, mixed half-and-half with the text colour (4.5:1 on light
        # and dark sites alike).
        assert hex_colours == {"#d4351c"}
        assert "color-mix(in srgb, #d4351c 50%, currentColor)" in text
    else:
        assert hex_colours == set()


def test_links_keep_the_sites_colour():
    for path in STYLESHEETS:
        for selector in selectors(css_text(path)):
            rule = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", css_text(path))
            if re.search(r"(?:^|\s|\))a(?:$|[\s:\[.)])", selector) and rule:
                assert not re.search(r"(?<![-\w])color\s*:", rule.group(1)), selector


def test_public_custom_properties_are_the_documented_ones():
    used = set()
    for path in STYLESHEETS:
        used |= set(re.findall(r"--seismic-[a-z-]+", css_text(path)))
    assert used == PUBLIC_PROPERTIES
    docs = (PACKAGE.parent / "docs" / "how-to" / "theming.md").read_text()
    for name in PUBLIC_PROPERTIES:
        assert f"`{name}`" in docs


def test_form_styles_are_in_the_core_stylesheet():
    core = css_text(CORE)
    for needle in (
        ".seismic-field--error",
        ".seismic-error-summary",
        "input:is([type=radio], [type=checkbox])",
        "button",
    ):
        assert needle in core
    for path in STYLESHEETS:
        if path != CORE:
            assert ".seismic-field--error" not in css_text(path) and "fieldset {" not in css_text(path)
