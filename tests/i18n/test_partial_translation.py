"""Honest partial translations: the parts a wagtail-localize translation still shows in the source language
carry ``lang`` (and ``dir``), and the page names them in a notice."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from seismic_wagtail.core.partial_translation import (
    get_partial_translation,
    has_untranslated_segments,
    untranslated_segments,
)
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "challenge", "value": {"heading": "", "text": "<p>Empty shops on the main street.</p>"}},
    {"type": "approach", "value": {"heading": "What we did", "text": "<p>Residents ran pop-up shops.</p>"}},
    {"type": "paragraph", "value": "<p>Twelve shops reopened.</p><p>Start small and share the keys.</p>"},
    {
        "type": "key_figures",
        "value": {
            "heading": "",
            # Wagtail's block format (an id per item), as the editor saves it: wagtail-localize extracts no
            # strings from a ListBlock still in the old plain-list format.
            "figures": [
                {
                    "type": "item",
                    "id": "a0d5b7a6-1b43-4c51-9c55-1f0ad0e0c001",
                    "value": {"value": "12", "label": "shops reopened"},
                },
                {
                    "type": "item",
                    "id": "a0d5b7a6-1b43-4c51-9c55-1f0ad0e0c002",
                    "value": {"value": "40", "label": "volunteers"},
                },
            ],
        },
    },
    {
        "type": "contact",
        "value": {"name": "Jana Nováková", "role": "Project lead", "organisation": "", "email": "", "phone": ""},
    },
]

#: The strings a Turkish translator has done so far: the title, the summary, the approach's heading,
#: one paragraph of the rich text and the first figure's label; the slug and the rest fall back to English.
TURKISH = {
    "Empty shops": "Boş dükkânlar",
    "Residents turned empty shops into a neighbourhood hub.": "Sakinler boş dükkânları mahalle merkezine çevirdi.",
    "What we did": "Ne yaptık",
    "Twelve shops reopened.": "On iki dükkân yeniden açıldı.",
    "shops reopened": "yeniden açılan dükkân",
    "Vienna": "Viyana",
}


@pytest.fixture
def story(translated_home):
    index = StoryIndexPageFactory(parent=translated_home, slug="stories")
    return StoryPageFactory(parent=index, title="Empty shops", slug="empty-shops", body=json.dumps(BODY))


def element(html, text):
    """The opening tag of the innermost element whose text starts with ``text``."""
    match = re.search(r"<(\w+)([^<>]*)>\s*" + re.escape(text), html)
    assert match, text
    return match.group(0)


def lang_of(html, text):
    match = re.search(r'\slang="([\w-]+)"', element(html, text))
    return match.group(1) if match else None


def notice_parts(html):
    match = re.search(r'seismic-notice--partial-translation" role="note" lang="(\w+)">(.*?)</div>', html, re.S)
    if match is None:
        return None
    return match.group(1), [" ".join(item.split()) for item in re.findall(r"<li>(.*?)</li>", match.group(2), re.S)]


def test_untranslated_parts_carry_the_source_language(client, story):
    turkish = publish_translation(story, "tr", TURKISH)
    html = client.get(turkish.url).content.decode()
    assert '<div class="seismic seismic-story" lang="tr" dir="ltr">' in html

    # Translated: no lang of their own (they are in the page's Turkish).
    for text in ("Boş dükkânlar", "Sakinler boş", "Ne yaptık", "yeniden açılan dükkân"):
        assert lang_of(html, text) is None, text
    # Not translated: English, said so on the element that holds only that text.
    assert lang_of(html, "<p>Empty shops on the main street.") == "en"  # the challenge's text
    assert lang_of(html, "<p>Residents ran pop-up shops.") == "en"  # the approach's text, heading translated
    assert lang_of(html, "volunteers") == "en"  # the second figure's label
    assert lang_of(html, "Jana Nováková") == "en"
    assert lang_of(html, "Project lead") == "en"
    # The default heading of a section is the package's own (Turkish) string: not marked.
    assert re.search(r"<h2>[^<]+</h2>\s*<div class=\"seismic-story-section__text\" lang=\"en\">", html)
    # A rich text with one paragraph translated and one not is mixed: no lang that would be wrong for half.
    assert '<div class="seismic-story-text">' in html
    # Figures ("12", "40") were never extracted as strings by wagtail-localize when they have no letters...
    # or they were, and are not translated: either way nothing claims they are Turkish.
    assert lang_of(html, "40") in (None, "en")


def test_notice_names_the_untranslated_parts(client, story):
    turkish = publish_translation(story, "tr", TURKISH)
    html = client.get(turkish.url).content.decode()
    lang, parts = notice_parts(html)
    assert lang == "tr"
    # Named by the blocks' labels (the English catalogue here: the lead applies the Turkish one), in the
    # page's order; the slug is metadata and not named; a mixed part says "in part".
    partial = get_partial_translation(Page.objects.get(pk=turkish.pk).specific)
    with translation.override("en"):
        assert [str(part.name) for part in partial.parts()] == [
            "Challenge",
            "Approach",
            "Paragraph",
            "Key figures",
            "Contact",
        ]
    assert [part.mixed for part in partial.parts()] == [False, True, True, True, False]
    # The notice is in the page's language: the labels in Turkish ("Sorun", "İletişim", ...).
    with translation.override("tr"):
        turkish_names = [str(part.name) for part in partial.parts()]
    assert turkish_names[0] == "Sorun" and turkish_names[-1] == "İletişim"
    assert [part.split(" (")[0] for part in parts] == turkish_names
    assert "(" not in parts[0] and "(" in parts[1]  # the approach's heading is translated, its text not


def test_fully_translated_page_has_no_notice_and_no_marks(client, story):
    everything = {
        **TURKISH,
        "empty-shops": "bos-dukkanlar",
        "Empty shops on the main street.": "Ana caddede boş dükkânlar.",
        "Residents ran pop-up shops.": "Sakinler geçici dükkânlar açtı.",
        "Start small and share the keys.": "Küçük başlayın ve anahtarları paylaşın.",
        "volunteers": "gönüllü",
        "12": "12",
        "40": "40",
        "Jana Nováková": "Jana Nováková",
        "Project lead": "Proje yöneticisi",
    }
    turkish = publish_translation(story, "tr", everything)
    html = client.get(turkish.url).content.decode()
    assert notice_parts(html) is None
    body = html.split('class="seismic-story__body"')[1].split("</article>")[0]
    assert 'lang="' not in body
    assert not untranslated_segments(turkish).exists()


def test_source_page_and_plain_pages_are_untouched(client, story):
    publish_translation(story, "tr", TURKISH)
    html = client.get(story.url).content.decode()
    assert notice_parts(html) is None
    assert get_partial_translation(story) is None
    assert 'lang="en"' not in html.split('class="seismic-story__body"')[1].split("</article>")[0]


def test_a_translation_saved_after_publishing_is_not_on_the_page_yet(client, story):
    turkish = publish_translation(story, "tr", TURKISH)
    segment = untranslated_segments(turkish).get(string__data="volunteers")
    StringTranslation.objects.create(
        translation_of=segment.string, context=segment.context, locale=turkish.locale, data="gönüllü"
    )
    html = client.get(turkish.url).content.decode()
    assert lang_of(html, "volunteers") == "en"  # still the English the live page shows


def test_status_report_expression(story, locales):
    publish_translation(story, "tr", TURKISH)
    publish_translation(story, "sv", {"Empty shops": "Tomma butiker"})
    annotated = dict(
        Page.objects.filter(translation_key=story.translation_key)
        .annotate(partly=has_untranslated_segments())
        .values_list("locale__language_code", "partly")
    )
    assert annotated == {"en": False, "tr": True, "sv": True}


def test_rtl_source_language_sets_dir(client, story, settings):
    # Arabic source pages are not in the test settings' languages; the direction rule is checked directly.
    turkish = publish_translation(story, "tr", TURKISH)
    partial = get_partial_translation(Page.objects.get(pk=turkish.pk).specific)
    assert partial.lang_attributes(partial.page, "summary") == {}
    partial.source_language = "ar"
    body = partial.page.body
    contact = body[4]
    assert partial.lang_attributes(contact, "role") == {"lang": "ar", "dir": "rtl"}


def test_query_count_does_not_grow_with_the_blocks(client, translated_home):
    index = StoryIndexPageFactory(parent=translated_home, slug="stories")

    def count(blocks):
        body = [{"type": "paragraph", "value": f"<p>Paragraph number {n}.</p>"} for n in range(blocks)] + BODY
        story = StoryPageFactory(
            parent=index, title=f"Story with {blocks}", slug=f"story-{blocks}", body=json.dumps(body)
        )
        turkish = publish_translation(story, "tr", {f"Story with {blocks}": f"{blocks} bloklu hikâye"})
        client.get(turkish.url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            html = client.get(turkish.url).content.decode()
        assert html.count('<div class="seismic-story-text" lang="en">') == blocks + 1
        return len(queries)

    few, many = count(1), count(12)
    print(f"partly translated story: {few} queries with 6 blocks, {many} with 17")
    assert many == few


def test_inline_rows_are_found_by_their_translation_key(translated_home):
    from tests.factories.core import OrganisationFactory

    index = StoryIndexPageFactory(parent=translated_home, slug="stories")
    organisation = OrganisationFactory(name="City of Ghent", organisation_type="city", country="BE")
    story = StoryPageFactory(parent=index, title="Repair cafés", slug="repair-cafes", organisations=[organisation])
    story.story_organisations.update(role="Host of the cafés")
    turkish = publish_translation(story, "tr", {"Repair cafés": "Tamir kafeleri"})
    partial = get_partial_translation(Page.objects.get(pk=turkish.pk).specific)
    row = partial.page.story_organisations.get()
    assert row.role == "Host of the cafés"
    assert partial.source_language_of(row, "role") == "en"
    assert partial.source_language_of(partial.page, "title") is None
    with translation.override("en"):
        assert "organisations involved" in [str(part.name) for part in partial.parts()]


def test_network_and_consultation_pages_use_the_same_marks(client, translated_home):
    from tests.factories.consultations import ConsultationPageFactory
    from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory

    networks = NetworkIndexPageFactory(parent=translated_home, slug="networks")
    network = NetworkPageFactory(
        parent=networks,
        title="Austrian network",
        slug="austria",
        body=json.dumps(
            [
                {"type": "heading", "value": "Who we are"},
                {"type": "paragraph", "value": "<p>Cities and researchers.</p>"},
                {"type": "quote", "value": {"quote": "Cities learn from cities.", "attribution": "A member"}},
            ]
        ),
    )
    turkish = publish_translation(
        network, "tr", {"Austrian network": "Avusturya ağı", "Who we are": "Biz kimiz", "A member": "Bir üye"}
    )
    html = client.get(turkish.url).content.decode()
    assert lang_of(html, "Avusturya ağı") is None
    assert lang_of(html, "Urban actors who run") == "en"  # the intro
    assert '<div class="block-heading"><h2>Biz kimiz</h2>' in html
    assert '<div class="block-paragraph" lang="en"><p>Cities and researchers.</p>' in html
    # The quote block is mixed: its wrapper has no lang, the quote itself has.
    assert '<div class="block-quote"><figure class="seismic-quote">' in html
    assert lang_of(html, "<p>Cities learn from cities.") == "en"
    assert lang_of(html, "Bir üye") is None

    consultation = ConsultationPageFactory(parent=translated_home, title="Research agenda", slug="agenda")
    turkish = publish_translation(
        consultation, "tr", {"Research agenda": "Araştırma gündemi", "Urban governance": "Kentsel yönetişim"}
    )
    html = client.get(turkish.url).content.decode()
    assert lang_of(html, "Kentsel yönetişim") is None
    assert lang_of(html, "<p>Cities and citizens together.") == "en"
    assert lang_of(html, "Green infrastructure") == "en"
    assert lang_of(html, "<p>Tell us what the research agenda") == "en"


def test_story_meta_marks_the_city_and_an_organisations_role(client, translated_home):
    """The story's "Where" line and an organisation's role carry their own language, like the body."""
    from tests.factories.core import OrganisationFactory

    index = StoryIndexPageFactory(parent=translated_home, slug="stories")
    organisation = OrganisationFactory(name="City of Ghent", organisation_type="city", country="BE")
    story = StoryPageFactory(
        parent=index, title="Repair cafés", slug="repair-cafes", city="Ghent", organisations=[organisation]
    )
    story.story_organisations.update(role="Host of the cafés")
    turkish = publish_translation(story, "tr", {"Repair cafés": "Tamir kafeleri"})
    html = client.get(turkish.url).content.decode()
    assert re.search(r'<span lang="en">Ghent</span>', html)
    assert re.search(r'\(<span lang="en">Host of the cafés</span>\)', html)

    translated = publish_translation(story, "tr", {"Repair cafés": "Tamir kafeleri", "Ghent": "Gent"})
    html = client.get(translated.url).content.decode()
    assert "<span>Gent</span>" in html
