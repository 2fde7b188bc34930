"""Content-Security-Policy support: the package's pages work under a strict policy.

The package's visitor pages have no inline scripts, inline styles or ``style=`` attributes: styles come from
the package's static CSS files, and there is no JavaScript of its own. The one inline script is the JSON-LD
description of a story or an event (``<script type="application/ld+json">``). Browsers do not run it, but a
policy without ``'unsafe-inline'`` still blocks it unless it carries the request's nonce: :func:`add_nonce`
gives it the nonce of `django-csp <https://django-csp.readthedocs.io/>`_ (``request.csp_nonce``) when the
site uses it, and nothing otherwise. Reading ``request.csp_nonce`` is what makes django-csp put the nonce
into the header.

In a template: ``{% load seismic_csp %}{% seismic_nonced json_ld %}``. The Wagtail admin is not covered: it
needs its own, looser policy (see ``docs/how-to/security.md``).
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_SCRIPT_START = re.compile(r"<script(?=[\s>])", re.IGNORECASE)


def csp_nonce(request):
    """The request's CSP nonce (django-csp's ``request.csp_nonce``), or ``""`` when there is none."""
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    # django-csp's lazy object is falsy until read: compare with None, and read it with str().
    return "" if nonce is None else str(nonce)


def add_nonce(html, nonce):
    """``html`` (markup the package built, such as a JSON-LD ``<script>``) with ``nonce="..."`` on each
    ``<script>`` start tag; unchanged when ``nonce`` is empty."""
    if not html or not nonce:
        return html
    return mark_safe(_SCRIPT_START.sub(f'<script nonce="{escape(nonce)}"', str(html)))  # noqa: S308 (escaped)
