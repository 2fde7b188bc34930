"""The language switcher, hreflang alternates and lang attributes (seismic_i18n template tags)."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from seismic_wagtail.core.i18n import get_language_versions
from tests.i18napp.models import TestStoryPage
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


def links(html, css_class="seismic-language-switcher"):
    nav = re.search(rf'<nav class="{css_class}".*?</nav>', html, re.S).group(0)
    return re.findall(
        r'<li( class="[^"]*")?>\s*<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)"( aria-current="page")?(?: title="[^"]+")?>([^<]+?)\s*(?:<span|</a>)',
        nav,
    )


def test_switcher_links_translations_and_nearest_translated_ancestor(client, translated_home, story):
    publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    html = client.get(story.url).content.decode()
    entries = {hreflang: (cls, href, lang, current, name) for cls, href, hreflang, lang, current, name in links(html)}
    assert set(entries) == {"en", "de", "fr", "nl", "cs", "hu", "it", "nb", "sv", "tr"}
    assert entries["en"] == ("", "/sweden/car-free-sundays/", "en", ' aria-current="page"', "English")
    assert entries["sv"] == ("", "/sv/sweden/car-free-sundays/", "sv", "", "Svenska")
    # German has no translation of the story: the switcher goes to the German home page, marked as such.
    assert entries["de"] == (' class="seismic-language-switcher__fallback"', "/de/", "de", "", "Deutsch")
    assert "(not translated: nearest translated page)" in html


def test_switcher_prefers_the_deepest_translated_ancestor(client, translated_home, network, story):
    publish_translation(network, "de", {"Swedish network": "Schwedisches Netzwerk"})
    html = client.get(story.url).content.decode()
    entries = {hreflang: href for _cls, href, hreflang, *_rest in links(html)}
    assert entries["de"] == "/de/sweden/"
    assert entries["fr"] == "/fr/"


def test_unpublished_translations_are_not_offered(client, translated_home, story):
    publish_translation(story, "sv", publish=False)
    html = client.get(story.url).content.decode()
    entries = {hreflang: href for _cls, href, hreflang, *_rest in links(html)}
    assert entries["sv"] == "/sv/"
    assert 'hreflang="sv" href' not in html


def test_hreflang_alternates_for_every_live_translation_plus_x_default(client, translated_home, story):
    sv = publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    publish_translation(story, "de")
    for url in (story.url, sv.url):
        html = client.get(url).content.decode()
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
        assert alternates == {
            "en": "http://testserver/sweden/car-free-sundays/",
            "de": "http://testserver/de/sweden/car-free-sundays/",
            "sv": "http://testserver/sv/sweden/car-free-sundays/",
            "x-default": "http://testserver/sweden/car-free-sundays/",
        }


def test_no_x_default_without_a_live_default_language_page(client, translated_home, root_page, locales):
    sv_home = root_page.get_translation(locales["sv"])
    page = TestStoryPage(title="Bara på svenska", slug="bara-pa-svenska", locale=locales["sv"])
    sv_home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<link rel="alternate" hreflang="sv" href="http://testserver/sv/bara-pa-svenska/">' in html
    assert "x-default" not in html


def test_lang_attributes_follow_the_page_and_the_url(client, translated_home, story):
    sv = publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    html = client.get(sv.url).content.decode()
    assert '<html lang="sv">' in html
    assert '<div class="seismic " lang="sv" dir="ltr">' in html
    # The switcher speaks the interface language; each entry is labelled in its own language.
    assert '<a href="/sweden/car-free-sundays/" hreflang="en" lang="en">English</a>' in html
    assert '<a href="/sv/sweden/car-free-sundays/" hreflang="sv" lang="sv" aria-current="page">Svenska</a>' in html


def test_tags_render_nothing_without_a_page():
    template = Template(
        "{% load seismic_i18n %}[{% seismic_language_switcher page %}{% seismic_hreflang_links page %}{% seismic_translation_notices page %}]"
    )
    html = template.render(Context({"page": None, "request": RequestFactory().get("/")}))
    assert re.sub(r"\s", "", html) == "[]"


def test_switcher_query_count_does_not_grow_with_locales(root_page, locales, story):
    """Three queries (locales, pages, the request's site) whatever the number of locales and translations."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(page):
        Site.get_site_root_paths()  # warm Wagtail's cache of site root paths, as any earlier request does
        page = TestStoryPage.objects.get(pk=page.pk)
        request = RequestFactory().get(story.url)  # Wagtail caches the site root paths on the request
        with CaptureQueriesContext(connection) as queries:
            versions = get_language_versions(page, request)
            get_language_versions(page, request)  # cached on the page
        return len(queries), versions

    publish_translation(root_page, "de")
    few, versions = count(story)
    assert sum(v.page is not None for v in versions) == 2
    for code in ("fr", "nl", "cs", "hu", "it", "nb", "sv", "tr"):
        publish_translation(root_page, code)
        publish_translation(story, code)
    many, versions = count(story)
    assert sum(v.is_translation for v in versions) == 9
    assert few == many <= 3


def switcher(html):
    return re.search(r'<nav class="seismic-language-switcher".*?</nav>', html, re.S).group(0)


def test_switcher_is_one_disclosure_naming_the_pages_language(client, translated_home, story):
    """One control that works without JavaScript: a <details> whose <summary> (a button to screen readers, opened
    with Enter or Space) says "Language" in the interface language and the page's language in its own, with the
    links inside it."""
    sv = publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    html = client.get(sv.url, headers={"accept-language": "sv"}).content.decode()
    nav = switcher(html)
    assert nav.count("<details") == 1 and nav.count("<summary") == 1
    assert "<script" not in nav and " open" not in nav.split("<summary")[0]
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", nav, re.S).group(1)
    with translation.override("sv"):
        label = gettext("Language")
    assert re.sub(r"<svg.*?</svg>", "", summary, flags=re.S).split() == [
        "<span",
        'class="seismic-language-switcher__label">' + label + "</span>",
        "<span",
        'class="seismic-language-switcher__current"',
        'lang="sv">Svenska</span>',
    ]
    assert '<svg class="seismic-language-switcher__icon" aria-hidden="true" focusable="false"' in summary
    # Every language is a link inside the disclosure, after the summary.
    details = re.search(r"<details[^>]*>.*</details>", nav, re.S).group(0)
    assert len(links(details.join(['<nav class="seismic-language-switcher">', "</nav>"]))) == 10


def test_switcher_summary_without_a_live_page_in_its_language(rf, translated_home, story, locales):
    """A draft (seen in preview) has no live version of its own: the summary says only "Language"."""
    draft = TestStoryPage(title="Draft", slug="draft", locale=locales["en"], live=False)
    story.add_child(instance=draft)
    html = Template("{% load seismic_i18n %}{% seismic_language_switcher page %}").render(
        Context({"page": draft, "request": rf.get("/")})
    )
    assert "seismic-language-switcher__label" in html
    assert "seismic-language-switcher__current" not in html
    assert 'aria-current="page"' not in html


def test_switcher_stylesheet_gives_44px_targets():
    """The button and the links are at least 44 by 44 CSS pixels (WCAG 2.5.5), in the package's stylesheet."""
    css = (
        Path(__file__).resolve().parents[2] / "seismic_wagtail/core/static/seismic_wagtail/css/seismic.css"
    ).read_text()
    for selector in (":where(.seismic-language-switcher__toggle) {", ":where(.seismic-language-switcher) a {"):
        rule = css[css.index(selector) : css.index("}", css.index(selector))]
        assert "min-block-size: 44px" in rule and "min-inline-size: 44px" in rule, selector
