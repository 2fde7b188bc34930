"""What visitors see of a story copied from a partner site: the attribution note in the page's language, the
image credit, the canonical link and og:url pointing at the original, JSON-LD ``isBasedOn``, "From <partner>"
on the index's cards without a query per card. A local story shows none of it."""

import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from seismic_wagtail.stories.models import SyndicatedStory, SyndicationPartner
from tests.factories.core import ImageFactory
from tests.factories.stories import StoryPageFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

SOURCE_URL = "https://ghent.example/stories/repair-cafes/"


@pytest.fixture
def partner(index_page):
    return SyndicationPartner.objects.create(
        name="SEiSMiC Belgium", api_url="https://ghent.example/api/seismic/v2/", story_index=index_page
    )


def copy_of(page, partner, language="nl", source_url=SOURCE_URL, **fields):
    """Mark ``page`` as a copy of a partner's story (what the syndication engine records)."""
    return SyndicatedStory.objects.create(
        partner=partner,
        source_key=uuid.uuid4(),
        language=language,
        source_id=7,
        source_url=source_url,
        source_data={"title": page.title},
        page=page,
        imported_revision_id=page.latest_revision_id,
        **fields,
    )


def json_ld(html):
    [script] = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(script)


def test_a_copy_names_its_source_and_links_the_original(client, index_page, partner):
    story = StoryPageFactory(parent=index_page, title="Repair cafés", slug="repair-cafes", hero_image=ImageFactory())
    copy_of(story, partner, hero_image_credit="Photo: Stad Gent")
    html = client.get(story.url).content.decode()

    assert "First published by SEiSMiC Belgium in Dutch" in html
    assert f'<a href="{SOURCE_URL}" hreflang="nl">read the original</a>' in html
    assert '<figcaption class="seismic-story__credit">Image: Photo: Stad Gent</figcaption>' in html
    assert f'<link rel="canonical" href="{SOURCE_URL}">' in html
    assert f'<meta property="og:url" content="{SOURCE_URL}">' in html
    data = json_ld(html)
    assert data["isBasedOn"] == SOURCE_URL
    assert data["url"] == "http://testserver/stories/repair-cafes/"  # the copy's own address stays its url


def test_the_note_names_the_language_in_the_pages_language(client, locales, index_page, partner):
    story = StoryPageFactory(parent=index_page, title="Repair cafés")
    publish_translation(index_page, locales["de"], {"Stories": "Geschichten", "stories": "geschichten"})
    german = publish_translation(story, locales["de"], {"Repair cafés": "Reparaturcafés"})
    copy_of(german, partner, language="nl")
    html = client.get(german.url).content.decode()
    [note] = re.findall(r'<p class="seismic-syndication-note">(.*?)</p>', html, re.S)
    assert "SEiSMiC Belgium" in note
    assert "Niederländisch" in note  # the language's name in German (the sentence too, once translated)


def test_a_local_story_has_no_attribution(client, index_page, partner):
    story = StoryPageFactory(parent=index_page, slug="local", hero_image=ImageFactory())
    html = client.get(story.url).content.decode()
    assert "seismic-syndication-note" not in html
    assert "seismic-story__credit" not in html
    assert '<link rel="canonical" href="http://testserver/stories/local/">' in html
    assert '<meta property="og:url" content="http://testserver/stories/local/">' in html
    assert "isBasedOn" not in json_ld(html)


def test_no_credit_caption_without_a_credit(client, index_page, partner):
    story = StoryPageFactory(parent=index_page, hero_image=ImageFactory())
    copy_of(story, partner)
    html = client.get(story.url).content.decode()
    assert "seismic-syndication-note" in html
    assert "seismic-story__credit" not in html


def test_the_partners_name_and_the_source_address_are_escaped(client, index_page):
    partner = SyndicationPartner.objects.create(name="<b>Bold</b> & co", api_url="https://x.example/api/")
    story = StoryPageFactory(parent=index_page)
    copy_of(story, partner, source_url='https://x.example/a?b=1&c="2"')
    html = client.get(story.url).content.decode()
    assert "<b>Bold</b>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html
    assert 'href="https://x.example/a?b=1&amp;c=&quot;2&quot;"' in html


def render_index(client, index_page):
    client.get(index_page.url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(index_page.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_cards_show_the_partner_without_a_query_per_card(client, index_page, partner):
    StoryPageFactory(parent=index_page, title="Local one")
    first = StoryPageFactory(parent=index_page, title="Copied one")
    copy_of(first, partner)
    html, few = render_index(client, index_page)
    assert html.count("From SEiSMiC Belgium") == 1

    other = SyndicationPartner.objects.create(name="SEiSMiC Italy", api_url="https://roma.example/api/")
    for number in range(6):
        copy_of(StoryPageFactory(parent=index_page, title=f"Copied {number}"), other if number % 2 else partner)
    StoryPageFactory(parent=index_page, title="Local two")
    html, many = render_index(client, index_page)
    assert html.count("From SEiSMiC Belgium") == 4
    assert html.count("From SEiSMiC Italy") == 3
    assert many == few


def render_story(client, story):
    client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_related_copies_cost_no_query_per_card(client, index_page, partner, themes):
    story = StoryPageFactory(parent=index_page, title="Main", themes=[themes["welfare"]])
    related = [StoryPageFactory(parent=index_page, title=f"Related {n}", themes=[themes["welfare"]]) for n in range(3)]
    html, local = render_story(client, story)
    assert "Related 2" in html
    for page in related:
        copy_of(page, partner)
    html, copied = render_story(client, story)
    assert copied == local
    assert "From SEiSMiC Belgium" not in html  # the partner is named on the index's cards only
