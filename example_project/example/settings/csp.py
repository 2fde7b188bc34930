"""The example site's Content-Security-Policy (django-csp 4), shared by the production settings (enforced) and
the test settings (report-only, so the browser tests see every violation without breaking their own tools).

Every page of seismic_wagtail works under it: no inline scripts or styles, the JSON-LD of stories and events
carries the request's nonce. The Wagtail admin (``/admin/``, page previews included) needs inline scripts and
styles and is left out (``EXCLUDE_URL_PREFIXES``); protect it with its own, looser policy if you need one.
See docs/how-to/security.md.
"""

from csp.constants import NONCE, NONE, SELF

#: The strict policy: the site's own origin for everything, a nonce for the JSON-LD script, images also as
#: ``data:`` URLs (Wagtail's rich text and some browsers' form controls use them).
CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}

#: Where the policy does not apply: the Wagtail admin.
CSP_EXCLUDE_URL_PREFIXES = ["/admin/"]

CSP_MIDDLEWARE = "csp.middleware.CSPMiddleware"


def csp_policy(report_uri=None):
    """The ``CONTENT_SECURITY_POLICY`` (or ``..._REPORT_ONLY``) setting, with ``report-uri`` when given."""
    directives = dict(CSP_DIRECTIVES)
    if report_uri:
        directives["report-uri"] = [report_uri]
    return {"EXCLUDE_URL_PREFIXES": CSP_EXCLUDE_URL_PREFIXES, "DIRECTIVES": directives}
