"""``{% seismic_absolute_url page_or_path %}``: the absolute URL of a page or site-relative path, from
``SEISMIC_WAGTAIL["BASE_URL"]``, else the request's host, else the Site record (see
:mod:`seismic_wagtail.core.absolute_urls`). Load with ``{% load seismic_urls %}``; ``... as url`` stores it.
"""

from django import template

from seismic_wagtail.core.absolute_urls import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def seismic_absolute_url(context, page_or_path):
    return absolute_url(page_or_path, context.get("request")) or ""
