"""Breadcrumbs on every page of the package (core/breadcrumbs.py, {% seismic_breadcrumbs %} in core/page.html)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from seismic_wagtail.core.breadcrumbs import get_breadcrumbs
from tests.i18napp.models import TestNetworkPage, TestStoryPage
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2] / "seismic_wagtail"


def add(parent, cls=TestStoryPage, **fields):
    page = cls(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def network(root_page):
    return add(root_page, TestNetworkPage, title="Swedish network", slug="sweden", intro="Cities.", country="SE")


@pytest.fixture
def story(network):
    return add(network, title="Car-free Sundays", slug="car-free-sundays", body="<p>Streets.</p>", country="SE")


@pytest.fixture
def translated_home(root_page, locales):
    """The home page with a live copy in every other locale (as in tests/i18n/conftest.py)."""
    for code, locale in locales.items():
        if code != "en":
            root_page.copy_for_translation(locale).save_revision().publish()
    return root_page


def trail(html, label="Breadcrumb"):
    """(href or None, title, current) of each item of the page's breadcrumbs (a nav labelled ``label``)."""
    nav = re.search(r'<nav class="seismic-breadcrumbs" aria-label="([^"]+)">\s*<ol>(.*?)</ol>\s*</nav>', html, re.S)
    assert nav is not None, "no breadcrumbs"
    assert nav.group(1) == label
    return [
        (href or None, title, bool(current))
        for href, current, title in re.findall(
            r'<li>(?:<a href="([^"]+)"|<span)( aria-current="page")?>([^<]+)</(?:a|span)></li>', nav.group(2)
        )
    ]


def test_a_page_shows_the_trail_from_the_site_root(client, root_page, network, story):
    html = client.get(story.url).content.decode()
    assert trail(html) == [
        ("/", root_page.title, False),
        ("/sweden/", "Swedish network", False),
        ("/sweden/car-free-sundays/", "Car-free Sundays", True),
    ]
    # Inside the package's content, which carries the page's language.
    assert html.index('<div class="seismic ') < html.index('class="seismic-breadcrumbs"')


def test_titles_are_in_the_pages_language(client, translated_home, locales, network, story):
    publish_translation(network, "sv", {"Swedish network": "Svenskt nätverk"})
    sv_story = publish_translation(story, "sv", {"Car-free Sundays": "Bilfria söndagar"})
    sv_home = translated_home.get_translation(locales["sv"])
    html = client.get(sv_story.url).content.decode()
    with translation.override("sv"):
        label = gettext("Breadcrumb")
    assert trail(html, label=label) == [
        ("/sv/", sv_home.title, False),
        ("/sv/sweden/", "Svenskt nätverk", False),
        ("/sv/sweden/car-free-sundays/", "Bilfria söndagar", True),
    ]
    assert '<div class="seismic " lang="sv" dir="ltr">' in html


@pytest.fixture
def forget_site_root_paths():
    """Wagtail caches the sites' root paths in Django's cache, which outlives the test's database: without
    this, later tests in the process would still see the extra site and make every page URL absolute."""
    cache.clear()
    yield
    cache.clear()


def test_the_trail_starts_at_the_root_of_the_pages_site(root_page, forget_site_root_paths):
    """Pages above the site's root page (Wagtail's tree root, a folder holding the site) are not in the trail."""
    tree_root = Page.get_first_root_node()
    folder = add(tree_root, TestNetworkPage, title="Other sites", slug="other-sites", country="NO")
    site_root = add(folder, TestNetworkPage, title="Oslo", slug="oslo", country="NO")
    Site.objects.create(hostname="oslo.example", port=80, root_page=site_root)
    page = add(site_root, title="Mobility hubs", slug="mobility-hubs", country="NO")
    crumbs = get_breadcrumbs(page, RequestFactory().get("/mobility-hubs/", HTTP_HOST="oslo.example"))
    assert [(crumb.title, crumb.url, crumb.is_current) for crumb in crumbs] == [
        ("Oslo", "/", False),
        ("Mobility hubs", "/mobility-hubs/", True),
    ]


def test_one_query_for_the_trail(root_page, network, story):
    deep = add(story, title="Follow-up", slug="follow-up", country="SE")
    request = RequestFactory().get(deep.url)
    Site.get_site_root_paths()  # warm Wagtail's cache of site root paths, as any earlier request does
    Site.find_for_request(request)  # Wagtail's serve() found the request's site (cached on the request)
    page = TestStoryPage.objects.get(pk=deep.pk)
    with CaptureQueriesContext(connection) as queries:
        crumbs = get_breadcrumbs(page, request)
    assert len(queries) == 1, [query["sql"] for query in queries]
    assert [crumb.title for crumb in crumbs] == [root_page.title, "Swedish network", "Car-free Sundays", "Follow-up"]


def test_a_route_of_the_page_is_the_current_step(network):
    request = RequestFactory().get("/sweden/join/")
    crumbs = get_breadcrumbs(network, request, current="Join Swedish network")
    assert [(crumb.title, crumb.url, crumb.is_current) for crumb in crumbs][-2:] == [
        ("Swedish network", "/sweden/", False),
        ("Join Swedish network", "/sweden/join/", True),
    ]


def test_an_ancestor_that_is_not_live_is_shown_without_a_link(client, network, story):
    network.unpublish()
    page = TestStoryPage.objects.get(pk=story.pk)
    html = Template("{% load seismic_tags %}{% seismic_breadcrumbs page %}").render(
        Context({"page": page, "request": RequestFactory().get("/")})
    )
    assert ("", "Swedish network", False) in [(href or "", title, current) for href, title, current in trail(html)]
    assert "<span>Swedish network</span>" in html


def test_no_trail_for_the_site_root_nor_without_a_page(root_page):
    template = Template("{% load seismic_tags %}[{% seismic_breadcrumbs page %}]")
    request = RequestFactory().get("/")
    assert template.render(Context({"page": root_page, "request": request})) == "[]"
    assert template.render(Context({"page": None, "request": request})) == "[]"


@override_settings(SEISMIC_WAGTAIL={"BREADCRUMBS_TEMPLATE": None})
def test_a_site_can_switch_them_off(client, story):
    html = client.get(story.url).content.decode()
    assert "seismic-breadcrumbs" not in html
    assert "<h1>Car-free Sundays</h1>" in html


def test_every_page_template_of_the_package_extends_core_page():
    """Every page type's template and every routable page's route template extends core/page.html, where the
    breadcrumbs (and the notices, the language and direction) are."""
    templates = set()
    for model in apps.get_models():
        if issubclass(model, Page) and model.__module__.startswith("seismic_wagtail."):
            for attr in ("template", "thank_you_template", "confirm_template"):
                name = getattr(model, attr, None)
                if isinstance(name, str) and name.endswith(".html"):
                    templates.add(name)
    assert len(templates) >= 8
    pages = {
        path
        for path in PACKAGE.glob("*/templates/seismic_wagtail/*/*.html")
        if path.name != "page.html" and "{% block seismic_content %}" in path.read_text()
    }
    assert {path.relative_to(path.parents[2]).as_posix() for path in pages} >= templates
    for path in pages:
        assert path.read_text().startswith('{% extends "seismic_wagtail/core/page.html" %}'), path
