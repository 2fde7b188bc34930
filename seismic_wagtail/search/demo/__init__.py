"""Demo content of the search app: the search page, under ``context.parent``, in every locale of the site.

Runs last (``demo_order`` 40), after the content it searches. The English page (``en.json``) is the source;
the others are its wagtail-localize translations with the title, introduction and slug of their language's
file (``/sv/sok/``, ``/de/suche/``).
"""

from seismic_wagtail.core.demo_context import load, strings

from ..models import SearchPage


def create_demo(context):
    """Create (or find) the search page and its translations."""
    text = load(__name__, "en")["page"]
    page = context.child_page(context.parent, SearchPage, text["slug"], title=text["title"], intro=text["intro"])
    for locale, translation in context.translations(__name__):
        # wagtail-localize translates the slug as one of the page's strings.
        context.ensure_translated(page, locale, strings(text, translation.get("page")))
    context.registry["search_page"] = page
