"""The package's pages in a site's own base template, whatever its block names (seismic_wagtail.core.templating)."""

import pytest
from django.test import override_settings

from seismic_wagtail.core.templating import bridge_source, is_bidi
from tests.factories.testapp import SimpleTestPageFactory

pytestmark = pytest.mark.django_db

OTHER_BLOCKS = {
    "BASE_TEMPLATE": "hosts/other_blocks.html",
    "TEMPLATE_BLOCKS": {"title": "page_title", "head": "head_extra", "content": "main", "scripts": None},
}


def _html(client, page, **headers):
    response = client.get(page.url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_default_blocks_carry_head_content_and_title(client, root_page):
    page = SimpleTestPageFactory(parent=root_page, title="Hello cities")
    html = _html(client, page)
    head = html.split("</head>")[0]
    assert head.count("seismic_wagtail/css/seismic.css") == 1
    assert 'hreflang="en"' in head and 'hreflang="x-default"' in head
    assert "<title>Hello cities</title>" in head  # the site's own title block is kept
    assert '<main id="main">\n<div class="seismic ' in html


@override_settings(SEISMIC_WAGTAIL=OTHER_BLOCKS)
def test_base_template_with_other_block_names(client, root_page):
    page = SimpleTestPageFactory(parent=root_page, title="Hello cities")
    html = _html(client, page)
    head, body = html.split("</head>")
    assert "HOST WITH OTHER BLOCK NAMES" in body
    assert "<title>Host default title | City</title>" in head
    assert head.count("seismic_wagtail/css/seismic.css") == 1 and 'hreflang="en"' in head
    assert '<div id="host-main">\n<div class="seismic ' in body
    assert "seismic.css" not in body


@override_settings(SEISMIC_WAGTAIL={**OTHER_BLOCKS, "TEMPLATE_BLOCKS": {"content": "main"}})
def test_head_block_and_tag_render_the_head_once(client, root_page):
    """A partial TEMPLATE_BLOCKS is merged with the defaults; the head renders once in the mapped block."""
    page = SimpleTestPageFactory(parent=root_page)
    html = _html(client, page)
    assert html.count("seismic_wagtail/css/seismic.css") == 0  # "extra_css" (default) is not in this base
    with override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/tags_only.html"}):
        html = _html(client, page)
    # The tag sits in an included partial of the host's <head>; the default head block does not exist there.
    head = html.split("</head>")[0]
    assert head.count("seismic_wagtail/css/seismic.css") == 1
    assert '<meta name="host-partial" content="yes">' in head


@override_settings(SEISMIC_WAGTAIL={"BASE_TEMPLATE": "hosts/block_and_tag.html"})
def test_block_and_tag_together_render_once(client, root_page):
    from tests.testapp.models import SimpleTestPage

    page = SimpleTestPageFactory(parent=root_page)
    SimpleTestPage.scripts = ["seismic_wagtail/js/example.js"]
    try:
        html = _html(client, page)
    finally:
        SimpleTestPage.scripts = ()
    assert html.count("seismic_wagtail/css/seismic.css") == 1
    assert html.count('hreflang="x-default"') == 1
    assert html.count("seismic_wagtail/js/example.js") == 1


def test_head_tag_renders_nothing_on_the_sites_own_pages():
    from django.template import Context, Template

    rendered = Template("{% load seismic_tags %}[{% seismic_head %}][{% seismic_scripts %}]").render(Context({}))
    assert rendered == "[][]"


def test_page_type_stylesheets_follow_the_core_one(client, root_page, settings):
    from tests.testapp.models import SimpleTestPage

    page = SimpleTestPageFactory(parent=root_page)
    SimpleTestPage.stylesheets = ["seismic_wagtail/css/stories.css", "seismic_wagtail/css/seismic.css"]
    SimpleTestPage.scripts = ["seismic_wagtail/js/example.js"]
    try:
        html = _html(client, page)
    finally:
        SimpleTestPage.stylesheets = ()
        SimpleTestPage.scripts = ()
    head, body = html.split("</head>")
    assert head.index("css/seismic.css") < head.index("css/stories.css")
    assert head.count("css/seismic.css") == 1
    assert body.count('<script src="/static/seismic_wagtail/js/example.js" defer></script>') == 1


def test_right_to_left_page_language_sets_dir(client, root_page, locales):
    page = SimpleTestPageFactory(parent=root_page)
    html = _html(client, page)
    assert 'lang="en" dir="ltr"' in html
    assert is_bidi("ar") and is_bidi("ar-dz") and is_bidi("fa") and not is_bidi("en") and not is_bidi("")


def test_bridge_source_maps_only_the_blocks_the_site_has():
    source = bridge_source("city/base.html", {"title": None, "head": "head", "content": "body", "scripts": None})
    assert source.startswith('{% extends "city/base.html" %}')
    assert "{% block head %}{{ block.super }}{% seismic_head %}{% endblock %}" in source
    assert "{% block body %}{% block seismic_main %}{% endblock %}{% endblock %}" in source
    assert "seismic_title" not in source and "seismic_scripts" not in source
