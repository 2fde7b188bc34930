"""The real language of each part of a partly translated page. Load with ``{% load seismic_lang %}``.

``{% seismic_lang_attr obj [name ...] %}``
    Prints `` lang="en"`` (and `` dir="ltr"``/`` dir="rtl"`` when the direction differs from the page's) when
    the part of the page that ``obj`` and ``name`` point to is still in the source language, because
    wagtail-localize published the translation with those strings untranslated; prints nothing otherwise.
    Put it inside the opening tag of the element that holds that part and nothing else (no translated
    label of the package beside it)::

        <h1{% seismic_lang_attr page "title" %}>{{ page.title }}</h1>
        <div class="seismic-story-text"{% seismic_lang_attr value %}>{{ value|richtext }}</div>
        <h2{% seismic_lang_attr value "heading" %}>{{ value.heading }}</h2>
        {% for figure in value.figures %}<dt{% seismic_lang_attr figure "label" %}>{{ figure.label }}</dt>{% endfor %}

    ``obj`` is the page (then ``name`` is a field), a row of its inline panels (``name``: the row's field), or anything a StreamField template has in hand: the
    block in the page's loop (``{% for block in page.body %}``), a block template's ``value``, an item of a
    ``ListBlock`` in a ``{% for %}``; ``name`` goes further down (a ``StructBlock``'s child name). Values are
    recognised by identity among the page's own StreamField values, so the tag works whatever loop or
    ``{% include_block %}`` a site's template uses.
``{% seismic_source_language obj [name ...] as code %}``
    The source language's code, or ``None``: for an attribute of another tag, e.g.
    ``{% image item.image fill-640x400 alt=item.alt_text lang=code %}`` (Wagtail leaves ``lang=None`` out).

Both read the page from the template's ``page`` variable and cost one query per page together (see
:mod:`seismic_wagtail.core.partial_translation`). They print nothing for a page that is not a
wagtail-localize translation, outside a page, or for a value that is not the page's.

A site that overrides one of the package's block or page templates keeps the marks by keeping these tags.
"""

from django import template
from django.utils.html import format_html_join
from wagtail.models import Page

from seismic_wagtail.core.partial_translation import get_partial_translation

register = template.Library()


def _partial(context):
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return None
    return get_partial_translation(page)


@register.simple_tag(takes_context=True)
def seismic_lang_attr(context, obj, *names):
    partial = _partial(context)
    if partial is None:
        return ""
    attributes = partial.lang_attributes(obj, *names)
    return format_html_join("", ' {}="{}"', attributes.items())


@register.simple_tag(takes_context=True)
def seismic_source_language(context, obj, *names):
    partial = _partial(context)
    return partial.source_language_of(obj, *names) if partial is not None else None
