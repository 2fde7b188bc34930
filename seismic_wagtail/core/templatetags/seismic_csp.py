"""``{% load seismic_csp %}``: Content-Security-Policy helpers for templates (see :mod:`seismic_wagtail.core.csp`)."""

from django import template

from seismic_wagtail.core.csp import add_nonce, csp_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def seismic_nonced(context, html):
    """Render ``html`` (a ``<script>`` the package built, e.g. ``json_ld``) with the request's CSP nonce when
    django-csp gives one: ``{% seismic_nonced json_ld %}``."""
    return add_nonce(html, csp_nonce(context.get("request")))
