"""The search box for a site's own header. Load with ``{% load seismic_search %}``.

``{% seismic_search_box %}``
    A small search form that sends the visitor to the package's search page of their language (the live
    :class:`~seismic_wagtail.search.models.SearchPage` of the current site in the active locale, else the
    default locale's). Renders nothing when the site has no search page. The page is looked up once per request
    (cached on the request). It carries no styles of its own: the site's header styles it (class
    ``seismic-search-box``). Template: ``seismic_wagtail/search/includes/search_box.html``.
"""

from django import template
from wagtail.models import Site

from ..models import SearchPage

register = template.Library()


def find_search_page(request):
    """The live search page of ``request``'s site in the active language (else the default one), or None."""
    if hasattr(request, "_seismic_search_page"):
        return request._seismic_search_page
    site = Site.find_for_request(request)
    found = None
    if site is not None:
        for root in dict.fromkeys([site.root_page.localized, site.root_page]):
            found = SearchPage.objects.live().public().descendant_of(root).order_by("depth", "path").first()
            if found is not None:
                break
    request._seismic_search_page = found
    return found


@register.inclusion_tag("seismic_wagtail/search/includes/search_box.html", takes_context=True)
def seismic_search_box(context):
    request = context.get("request")
    page = find_search_page(request) if request is not None else None
    return {"search_page": page, "search_url": page.get_url(request) if page is not None else None}
