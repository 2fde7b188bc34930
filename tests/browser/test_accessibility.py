"""axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every public page type, as English, Swedish and Turkish
visitors.

Each visitor's browser asks for their language (``Accept-Language``) and opens the page in that language
where the demo has it; where it does not (the demo's English-only stories and networks), the visitor gets
the English page with the fallback notice in their own language, which is audited as what they really see.

``SEISMIC_SCREENSHOTS=docs/screenshots`` saves a full-page PNG (1280 px wide) of each English page type
there: the screenshots in ``docs/screenshots.md`` are made by this test.
"""

import os

import pytest

from .conftest import ROOT, format_violations

BROWSER_LOCALES = {"en": "en-GB", "sv": "sv-SE", "tr": "tr-TR"}

#: (page type, language) -> URL. The Swedish and Turkish networks, events and stories are the demo's
#: translated ones; "fallback" is an English-only story seen by a visitor who prefers another language.
PAGES = {
    "home": {"en": "/", "sv": "/sv/", "tr": "/tr/"},
    "network-index": {
        "en": "/seismic-demo/networks/",
        "sv": "/sv/seismic-demo/networks/",
        "tr": "/tr/seismic-demo/networks/",
    },
    "network": {
        "en": "/seismic-demo/networks/austria/",
        "sv": "/sv/seismic-demo/networks/sweden/",
        "tr": "/tr/seismic-demo/networks/turkey/",
    },
    "network-join": {
        "en": "/seismic-demo/networks/austria/join/",
        "sv": "/sv/seismic-demo/networks/sweden/join/",
        "tr": "/tr/seismic-demo/networks/turkey/join/",
    },
    "event": {
        "en": "/seismic-demo/networks/austria/kick-off-vienna/",
        "sv": "/sv/seismic-demo/networks/sweden/meeting-stockholm/",
        "tr": "/tr/seismic-demo/networks/turkey/meeting-izmir/",
    },
    "story-index": {
        "en": "/seismic-demo/stories/",
        "sv": "/sv/seismic-demo/berattelser/",
        "tr": "/tr/seismic-demo/hikayeler/",
    },
    "story": {
        "en": "/seismic-demo/stories/austria/solar-cooperative-on-social-housing-roofs/",
        "sv": "/sv/seismic-demo/berattelser/sweden/valkommen-granne-mentorer-for-nyanlanda-flyktingar/",
        "tr": "/tr/seismic-demo/hikayeler/turkey/depreme-hazir-mahalleler/",
    },
    "story-fallback": {
        "sv": "/seismic-demo/stories/austria/participatory-budget-lend/",
        "tr": "/seismic-demo/stories/austria/participatory-budget-lend/",
    },
    # Stories copied from a partner site (the demo syndicates its own): the source note, the image credit,
    # "From <partner>" on the cards.
    "partner-stories": {"en": "/seismic-demo/partner-stories/", "sv": "/sv/seismic-demo/partner-stories/"},
    "syndicated-story": {
        "en": "/seismic-demo/partner-stories/green-roofs-augustenborg/",
        "sv": "/sv/seismic-demo/partner-stories/valkommen-granne-mentorer-for-nyanlanda-flyktingar/",
    },
    "consultation": {
        "en": "/seismic-demo/research-agenda-consultation/",
        "sv": "/sv/seismic-demo/research-agenda-consultation/",
        "tr": "/tr/seismic-demo/research-agenda-consultation/",
    },
    "consultation-error": {
        "en": "/seismic-demo/research-agenda-consultation/",
        "sv": "/sv/seismic-demo/research-agenda-consultation/",
        "tr": "/tr/seismic-demo/research-agenda-consultation/",
    },
    "consultation-thanks": {
        "en": "/seismic-demo/research-agenda-consultation/thanks/",
        "sv": "/sv/seismic-demo/research-agenda-consultation/thanks/",
        "tr": "/tr/seismic-demo/research-agenda-consultation/thanks/",
    },
    "consultation-results": {
        "en": "/seismic-demo/research-agenda-consultation/results/",
        "sv": "/sv/seismic-demo/research-agenda-consultation/results/",
        "tr": "/tr/seismic-demo/research-agenda-consultation/results/",
    },
    # The closed 2015 consultation: its outcome ("you said, we did") above the closed form.
    "consultation-outcome": {
        "en": "/seismic-demo/research-priorities-2015/",
        "sv": "/sv/seismic-demo/research-priorities-2015/",
        "tr": "/tr/seismic-demo/research-priorities-2015/",
    },
    "search": {
        "en": "/seismic-demo/search/?q=energy",
        "sv": "/sv/seismic-demo/sok/?q=energi",
        "tr": "/tr/seismic-demo/arama/?q=enerji",
    },
}

CASES = [(kind, lang, url) for kind, urls in PAGES.items() for lang, url in urls.items()]


def save_screenshot(page, path):
    """A full-page PNG, reduced to a 256-colour palette (Pillow comes with Wagtail) to keep the docs small."""
    from PIL import Image

    page.screenshot(path=str(path), full_page=True)
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def submit_empty_form(page):
    """Submit the consultation with no answers: the form comes back in its error state."""
    page.locator("form.seismic-form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() > 0


@pytest.mark.parametrize("kind, lang, url", CASES, ids=[f"{kind}-{lang}" for kind, lang, _ in CASES])
def test_page_passes_axe(new_page, axe, kind, lang, url):
    page = new_page(locale=BROWSER_LOCALES[lang], viewport={"width": 1280, "height": 900})
    response = page.goto(url)
    assert response.status == 200, url
    expected_lang = "en" if kind == "story-fallback" else lang
    assert page.locator("html").get_attribute("lang") == expected_lang
    if kind == "story-fallback":
        notice = page.locator(".seismic-notice--language")
        assert notice.get_attribute("lang") == lang
    if kind == "consultation-error":
        submit_empty_form(page)
    violations = axe(page)
    folder = os.environ.get("SEISMIC_SCREENSHOTS")
    if folder and lang == "en":
        path = ROOT / folder / f"{kind}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        save_screenshot(page, path)
    assert violations == [], format_violations(violations)
