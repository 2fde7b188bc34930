"""How the package's pages fit into a site's own base template, whatever its block names.

Every page of the package extends ``seismic_wagtail/core/page.html``, which extends a small *bridge*
template built here from two settings: ``SEISMIC_WAGTAIL["BASE_TEMPLATE"]`` (the site's base template) and
``SEISMIC_WAGTAIL["TEMPLATE_BLOCKS"]`` (the names of its blocks). For ``wagtail start``'s names the bridge
reads::

    {% extends "base.html" %}{% load seismic_tags %}
    {% block title %}{% with seismic_site_title=block.super %}{% block seismic_title %}{{ seismic_site_title }}{% endblock %}{% endwith %}{% endblock %}
    {% block extra_css %}{{ block.super }}{% seismic_head %}{% endblock %}
    {% block content %}{% block seismic_main %}{% endblock %}{% endblock %}
    {% block extra_js %}{{ block.super }}{% seismic_scripts %}{% endblock %}

so the package's templates only ever fill ``seismic_title`` and ``seismic_main`` (``page.html`` fills the
latter and offers ``seismic_content``). A site whose base template has no head or scripts block sets that key
to ``None`` and places ``{% seismic_head %}`` / ``{% seismic_scripts %}`` itself; both tags render once per
page, so a site may also do both. ``manage.py check`` says when the base template lacks what the package
needs (:mod:`seismic_wagtail.core.checks`).
"""

from functools import lru_cache

from django.conf import settings
from django.template import Engine
from django.utils.translation import get_language

from .conf import DEFAULTS, get_setting

#: What each key of ``TEMPLATE_BLOCKS`` is for, in the words ``manage.py check`` uses.
BLOCK_ROLES = {
    "title": "the page title inside <title>",
    "head": "the package's stylesheets, hreflang links, feed and calendar links and structured data in <head>",
    "content": "the page's content",
    "scripts": "the package's scripts at the end of <body>",
}

#: The static files every page of the package links (before its page type's own ``stylesheets``).
CORE_STYLESHEETS = ("seismic_wagtail/css/seismic.css",)


def get_template_blocks():
    """``TEMPLATE_BLOCKS`` merged with its defaults: ``{"title": ..., "head": ..., "content": ..., "scripts": ...}``."""
    blocks = dict(DEFAULTS["TEMPLATE_BLOCKS"])
    blocks.update(get_setting("TEMPLATE_BLOCKS") or {})
    return blocks


def bridge_source(base_template, blocks):
    """The source of the bridge template between ``page.html`` and the site's ``base_template``."""

    def block(name, body):
        return "{% block " + name + " %}" + body + "{% endblock %}"

    parts = ['{% extends "' + base_template.replace('"', '\\"') + '" %}{% load seismic_tags %}']
    if blocks.get("title"):
        site_title = "{% with seismic_site_title=block.super %}" + block("seismic_title", "{{ seismic_site_title }}")
        parts.append(block(blocks["title"], site_title + "{% endwith %}"))
    if blocks.get("head"):
        parts.append(block(blocks["head"], "{{ block.super }}{% seismic_head %}"))
    parts.append(block(blocks["content"], block("seismic_main", "")))
    if blocks.get("scripts"):
        parts.append(block(blocks["scripts"], "{{ block.super }}{% seismic_scripts %}"))
    return "\n".join(parts)


@lru_cache(maxsize=16)
def _compiled_bridge(source):
    return Engine.get_default().from_string(source)


def get_base_template():
    """The compiled bridge template for the current settings (``{% extends %}`` accepts it as a variable)."""
    return _compiled_bridge(bridge_source(get_setting("BASE_TEMPLATE"), get_template_blocks()))


def is_bidi(language_code):
    """Whether ``language_code`` is written right to left (Django's ``LANGUAGES_BIDI``, ``ar-dz`` as ``ar``)."""
    if not language_code:
        return False
    bidi = {code.lower() for code in settings.LANGUAGES_BIDI}
    code = language_code.lower()
    return code in bidi or code.split("-")[0] in bidi


def base_template_context(page=None, request=None):
    """The context keys that ``page.html`` and the ``seismic_head``/``seismic_scripts`` tags read (views
    outside pages, such as the rate-limit page, add them too).

    ``page`` is a page of the package (or None, for views outside pages): its ``get_stylesheets()``,
    ``get_scripts()`` and ``get_head_template()`` decide what the head and the end of the body carry.
    """
    language = page.locale.language_code if page is not None and page.locale_id else get_language()
    stylesheets = list(CORE_STYLESHEETS) if get_setting("INCLUDE_CSS") else []
    scripts = []
    head_template = None
    if page is not None and stylesheets:
        stylesheets += [name for name in page.get_stylesheets(request) if name not in stylesheets]
    if page is not None:
        scripts = list(page.get_scripts(request))
        head_template = page.get_head_template(request)
    return {
        "seismic_base_template": get_base_template(),
        "seismic_stylesheets": stylesheets,
        "seismic_script_files": scripts,
        "seismic_head_template": head_template,
        "seismic_language": language,
        "seismic_dir": "rtl" if is_bidi(language) else "ltr",
    }
