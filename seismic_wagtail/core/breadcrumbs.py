"""Breadcrumbs: the way from the site's root page down to the page a visitor is on.

:func:`get_breadcrumbs` returns the trail as :class:`Breadcrumb` items, in one query (the page's ancestors
below its site's root, which Wagtail's ``Site.get_site_root_paths()`` gives from its cache). The titles are
the ancestors' own, so in the page's language: a page's ancestors are in its locale's tree.

``seismic_wagtail/core/page.html`` shows them on every page of the package through
``{% seismic_breadcrumbs page %}`` (``seismic_tags``) and the template ``includes/breadcrumbs.html``;
``SEISMIC_WAGTAIL["BREADCRUMBS_TEMPLATE"]`` names another template, or ``None`` switches them off (for a site
whose base template has breadcrumbs of its own). A page with routes of its own (``RoutablePageMixin``: a
consultation's results, a network's join form) passes the route's title,
``{% seismic_breadcrumbs page current=title %}``: the page becomes a link and the route the current item.
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

__all__ = ["Breadcrumb", "get_breadcrumbs", "site_root_path"]


@dataclass
class Breadcrumb:
    """One step of the trail: a title and its URL (``None`` for a page that is not live: shown, not linked).
    ``is_current`` marks the last step, the page (or route) the visitor is on."""

    title: str
    url: str | None
    is_current: bool = False


def site_root_path(page, request=None):
    """The ``url_path`` of the root page of the site that serves ``page`` (``None`` when no site does).

    The same choice as Wagtail's ``Page.get_url_parts()``: the first of ``Site.get_site_root_paths()`` that
    holds the page (the default site first), or the request's site when the page is in several sites.
    """
    possible = [root for root in Site.get_site_root_paths() if page.url_path.startswith(root.root_path)]
    if not possible:
        return None
    if request is not None and len({root.site_id for root in possible}) > 1:
        site = Site.find_for_request(request)
        for root in possible:
            if site is not None and root.site_id == site.pk:
                return root.root_path
    return possible[0].root_path


def get_breadcrumbs(page, request=None, current=None):
    """The trail from the page's site root to ``page``: a list of :class:`Breadcrumb`, ``[]`` when no site
    serves the page or the page is the site's root (a trail of one step leads nowhere).

    ``current``: the title of a route of the page the visitor is on (a consultation's "Results"); the page
    is then a link and the route the last, current step. One query, for the ancestors (their generic
    ``Page`` rows: a page type's own ``get_url_parts()`` is not asked).
    """
    root_path = site_root_path(page, request)
    if root_path is None:
        return []
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(url_path__startswith=root_path)
        .order_by("depth")
        .only("id", "path", "depth", "url_path", "title", "live")
    )
    crumbs = [
        Breadcrumb(ancestor.title, ancestor.get_url(request) if ancestor.live else None) for ancestor in ancestors
    ]
    crumbs.append(Breadcrumb(page.title, page.get_url(request), is_current=current is None))
    if current is not None:
        crumbs.append(Breadcrumb(str(current), request.path if request is not None else None, is_current=True))
    return crumbs if len(crumbs) > 1 else []
