"""schema.org structured data (JSON-LD) for the package's pages.

A page type describes itself by overriding ``get_json_ld(request)`` (see
:class:`~seismic_wagtail.core.pages.SeismicPageMixin`) and returning a plain dict; :func:`json_ld_script`
turns it into the ``<script type="application/ld+json">`` element the page's head template prints as
``{% seismic_nonced json_ld %}`` (``seismic_csp``: with django-csp's nonce when the site uses it, see
:mod:`seismic_wagtail.core.csp`).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

#: The characters that could end the ``<script>`` element or start an HTML entity, as JSON escapes (the
#: table Django's ``json_script`` filter uses). JSON parsers read them as the characters themselves.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element, safe to print in HTML.

    Serialised with :class:`~django.core.serializers.json.DjangoJSONEncoder` (dates, date-times, decimals,
    UUIDs and lazy translation strings become JSON strings), non-ASCII text kept as it is, and ``<``, ``>`` and
    ``&`` escaped so that no value (a title such as ``</script>``) can end the element. ``None`` or an empty
    dict gives ``""``.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)
