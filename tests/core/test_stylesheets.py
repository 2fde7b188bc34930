"""The package's stylesheets keep the rules of docs/how-to/theming.md: read as text, no browser needed.

The public stylesheets (the ones a host site's pages link): every rule is scoped under ``:where(...)`` (a
site's own CSS wins), properties are logical (the content mirrors under ``dir="rtl"``), no colour is
hard-coded except the error red that is mixed with the text colour, and every page type that shows a form
links the stylesheet that holds the form styles.

The admin stylesheets (``*-admin.css``, linked only by the package's own Wagtail admin screens) are not
scoped under ``.seismic`` and take Wagtail's colours, but their properties are logical too (the admin has
right-to-left languages), their colours are Wagtail's ``--w-color-*`` properties, and a literal colour is
only a fallback of one of those or a documented custom property of their own.
"""

import re
from pathlib import Path

import pytest
import wagtail

import seismic_wagtail
from seismic_wagtail.core.templating import CORE_STYLESHEETS

PACKAGE = Path(seismic_wagtail.__file__).resolve().parent
ALL_STYLESHEETS = sorted(PACKAGE.glob("*/static/seismic_wagtail/**/*.css"))
#: Stylesheets of the package's Wagtail admin screens, not of the site's pages.
ADMIN_STYLESHEETS = [path for path in ALL_STYLESHEETS if path.name.endswith("-admin.css")]
#: The stylesheets a host site's pages link (docs/how-to/theming.md, "The stylesheets").
STYLESHEETS = [path for path in ALL_STYLESHEETS if path not in ADMIN_STYLESHEETS]
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
    docs = (PACKAGE.parent / "docs" / "how-to" / "theming.md").read_text()
    for path in STYLESHEETS:
        assert f"| `{path.relative_to(path.parents[2]).as_posix()}` |" in docs


def test_there_are_the_two_admin_stylesheets():
    assert {path.name for path in ADMIN_STYLESHEETS} == {"translation-status-admin.css", "join-request-admin.css"}


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_every_rule_is_scoped_with_zero_specificity_scope(path):
    unscoped = [selector for selector in selectors(css_text(path)) if not selector.startswith(":where(")]
    assert unscoped == []


@pytest.mark.parametrize("path", ALL_STYLESHEETS, ids=lambda path: path.name)
def test_properties_are_logical(path):
    text = css_text(path)
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right|top|bottom)\b[^:;{]*:|(?<![-\w])(?:left|right|top|bottom|width|height)\s*:"
        r"|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)",
        text,
    )
    assert physical == []
    # A four-value shorthand with a different left and right (``padding: 0 1rem 0 0``) does not mirror either.
    for _, value in re.findall(r"(?<![-\w])(margin|padding|inset)\s*:\s*([^;}]+)", text):
        values = value.split()
        assert len(values) < 4 or values[1] == values[3], value


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


@pytest.mark.parametrize("path", ADMIN_STYLESHEETS, ids=lambda path: path.name)
def test_admin_colours_are_wagtails_or_documented(path):
    """Colours come from Wagtail's ``--w-color-*`` properties (its light and dark themes). A literal colour is
    allowed only as the fallback of one of them, or as the value of the stylesheet's own custom properties (the
    translation status report's state colours), whose contrast the stylesheet's comment states."""
    text = css_text(path)
    wagtail_core = (Path(wagtail.__file__).parent / "admin/static/wagtailadmin/css/core.css").read_text()
    for name in set(re.findall(r"var\((--w-[a-z-]+)", text)):
        assert f"{name}:" in wagtail_core, f"{name} is not one of Wagtail's custom properties"
    rest = re.sub(r"var\(--w-[a-z-]+,\s*#[0-9a-fA-F]{3,8}\)", "", text)  # Wagtail's property, with a fallback
    palette = re.findall(r"(--seismic-ts-[a-z_-]+)\s*:\s*#[0-9a-fA-F]{3,8}\s*;", rest)
    rest = re.sub(r"--seismic-ts-[a-z_-]+\s*:\s*#[0-9a-fA-F]{3,8}\s*;", "", rest)
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(", rest) == []
    if palette:
        # The literal colours are justified where they are defined: their contrast, in both admin themes.
        assert "WCAG" in path.read_text() and "dark theme" in path.read_text()
        docs = (PACKAGE.parent / "docs" / "reference" / "translation-status.md").read_text()
        assert "`--seismic-ts-<state>-fg`" in docs and "`--seismic-ts-<state>-bg`" in docs


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
