"""sitemap.xml: valid against the sitemap schema, every language version listed with its hreflang alternates,
absolute URLs from the request's host, a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import PageViewRestriction

from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.translations import publish_translation

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls_sitemap")]

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"s": SITEMAP, "xhtml": XHTML}

# A minimal schema of what search engines read: sitemaps.org's urlset/url/loc/lastmod/changefreq/priority and
# Google's <xhtml:link rel="alternate" hreflang href> (written here: the tests download nothing).
XHTML_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{XHTML}" targetNamespace="{XHTML}"
           elementFormDefault="qualified">
  <xs:element name="link">
    <xs:complexType>
      <xs:attribute name="rel" use="required"><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="alternate"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:attribute name="hreflang" use="required"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="x-default|[a-z]{{2,3}}(-[A-Za-z0-9]{{2,8}})*"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="href" use="required" type="httpURL"/>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="httpURL"><xs:restriction base="xs:anyURI">
    <xs:pattern value="https?://.+"/></xs:restriction></xs:simpleType>
</xs:schema>
"""

SITEMAP_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xhtml="{XHTML}" xmlns="{SITEMAP}"
           targetNamespace="{SITEMAP}" elementFormDefault="qualified">
  <xs:import namespace="{XHTML}" schemaLocation="xhtml.xsd"/>
  <xs:element name="urlset">
    <xs:complexType><xs:sequence>
      <xs:element name="url" minOccurs="0" maxOccurs="50000">
        <xs:complexType><xs:sequence>
          <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI">
            <xs:pattern value="https?://.+"/><xs:maxLength value="2048"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element name="lastmod" minOccurs="0"><xs:simpleType>
            <xs:union memberTypes="xs:date xs:dateTime"/></xs:simpleType></xs:element>
          <xs:element name="changefreq" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
            <xs:enumeration value="always"/><xs:enumeration value="hourly"/><xs:enumeration value="daily"/>
            <xs:enumeration value="weekly"/><xs:enumeration value="monthly"/><xs:enumeration value="yearly"/>
            <xs:enumeration value="never"/></xs:restriction></xs:simpleType></xs:element>
          <xs:element name="priority" minOccurs="0"><xs:simpleType><xs:restriction base="xs:decimal">
            <xs:minInclusive value="0.0"/><xs:maxInclusive value="1.0"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element ref="xhtml:link" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture
def schema(tmp_path):
    (tmp_path / "xhtml.xsd").write_text(XHTML_XSD)
    (tmp_path / "sitemap.xsd").write_text(SITEMAP_XSD)
    return etree.XMLSchema(etree.parse(str(tmp_path / "sitemap.xsd")))


def fetch(client, schema, url="/sitemap.xml", host="city.example"):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    entries = {}
    for url_element in document.findall("s:url", NS):
        loc = url_element.findtext("s:loc", namespaces=NS)
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url_element.findall("xhtml:link", NS)}
    return entries


@pytest.fixture
def city_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "city.example"]


@pytest.fixture
def stories(root_page, locales):
    index = StoryIndexPageFactory(parent=root_page, title="Stories", slug="stories")
    translated = StoryPageFactory(parent=index, title="Repair cafés", slug="repair-cafes")
    english_only = StoryPageFactory(parent=index, title="Only in English", slug="only-in-english")
    swedish_index = publish_translation(index, locales["sv"], {"Stories": "Berättelser"})
    german_index = publish_translation(index, locales["de"], {"Stories": "Geschichten"})
    swedish = publish_translation(translated, locales["sv"], {"Repair cafés": "Reparationskaféer"})
    german = publish_translation(translated, locales["de"], {"Repair cafés": "Reparaturcafés"})
    return {
        "index": index,
        "translated": translated,
        "english_only": english_only,
        "swedish_index": swedish_index,
        "german_index": german_index,
        "swedish": swedish,
        "german": german,
    }


def absolute(page):
    return "http://city.example" + page.url


def test_sitemap_is_valid_and_lists_hreflang_alternates_of_a_translated_story(client, schema, city_host, stories):
    entries = fetch(client, schema)
    english, swedish, german = stories["translated"], stories["swedish"], stories["german"]
    alternates = {
        "en": absolute(english),
        "de": absolute(german),
        "sv": absolute(swedish),
        "x-default": absolute(english),
    }
    assert swedish.url.startswith("/sv/") and german.url.startswith("/de/")
    # Every language version has its own <url>, each listing all of them (itself included) and x-default.
    for page in (english, swedish, german):
        assert entries[absolute(page)] == alternates
    assert entries[absolute(stories["index"])]["sv"] == absolute(stories["swedish_index"])
    # A page in one language only has no alternates; URLs come from the request's host, never the Site record.
    assert entries[absolute(stories["english_only"])] == {}
    assert all(loc.startswith("http://city.example/") for loc in entries)
    assert not any("localhost" in loc for loc in entries)


def test_unpublished_and_private_translations_are_left_out(client, schema, city_host, stories):
    stories["german"].unpublish()
    PageViewRestriction.objects.create(page=stories["swedish"], restriction_type="login")
    entries = fetch(client, schema)
    assert absolute(stories["german"]) not in entries
    assert absolute(stories["swedish"]) not in entries
    assert entries[absolute(stories["translated"])] == {}


def test_wagtails_own_sitemap_lists_the_default_language_with_alternates(client, schema, city_host, stories):
    entries = fetch(client, schema, "/wagtail-sitemap.xml")
    assert absolute(stories["swedish"]) not in entries  # the Swedish tree is not below the site's root page
    assert entries[absolute(stories["translated"])]["sv"] == absolute(stories["swedish"])


def test_base_url_setting_wins(client, schema, settings, city_host, stories):
    settings.SEISMIC_WAGTAIL = {"BASE_URL": "https://www.city.example/"}
    entries = fetch(client, schema)
    assert "https://www.city.example" + stories["swedish"].url in entries
    assert all(loc.startswith("https://www.city.example/") for loc in entries)


def test_query_count_is_flat_in_the_number_of_pages(client, schema, city_host, stories, locales):
    def count():
        with CaptureQueriesContext(connection) as queries:
            fetch(client, schema)
        return len(queries)

    fetch(client, schema)  # fills Wagtail's cache of the site root paths
    before = count()
    for number in range(4):
        story = StoryPageFactory(parent=stories["index"], title=f"More {number}", slug=f"more-{number}")
        publish_translation(story, locales["sv"], {f"More {number}": f"Mer {number}"})
    assert count() == before
