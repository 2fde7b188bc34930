"""Absolute URLs of pages and paths: in feeds, iCal files, canonical and Open Graph tags, JSON-LD, sitemaps.

Wagtail's ``page.full_url`` / ``page.get_full_url()`` take the host from the ``Site`` record (``localhost:80``
on a fresh install), which is rarely the address visitors use. :func:`absolute_url` decides in this order:

1. ``SEISMIC_WAGTAIL["BASE_URL"]`` (``"https://city.example"``), when set: the address of the site behind
   its proxies, used for every page of this site whatever host the request came in on;
2. else the request's own scheme and host (``request.build_absolute_uri``: Django has checked the host
   against ``ALLOWED_HOSTS``; behind a TLS proxy set ``SECURE_PROXY_SSL_HEADER`` for ``https``);
3. else, with no request (background tasks, emails), the ``Site`` record's root URL.

A page of another Wagtail site of the same installation keeps its own site's root URL. In templates::

    {% load seismic_urls %}
    <link rel="canonical" href="{% seismic_absolute_url page %}">
    <meta property="og:image" content="{% seismic_absolute_url image_url %}">

Override nothing here: a site that needs another rule sets ``BASE_URL`` or overrides the callers (the
``get_json_ld`` methods, the feed classes, the head templates).
"""

from urllib.parse import urlsplit

from .conf import get_setting

__all__ = ["absolute_url", "base_url"]


def base_url():
    """``SEISMIC_WAGTAIL["BASE_URL"]`` without its trailing slash, or ``None`` when it is not set."""
    value = get_setting("BASE_URL")
    return value.rstrip("/") if value else None


def _is_absolute(url):
    return bool(urlsplit(url).scheme) or url.startswith("//")


def _default_site_root_url(request=None):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def absolute_url(page_or_path, request=None):
    """The absolute URL of a Wagtail page or of a site-relative path (``"/media/x.jpg"``).

    Returns ``None`` for a page no site serves, and an absolute URL given as ``page_or_path`` unchanged.
    """
    if page_or_path is None:
        return None
    if hasattr(page_or_path, "get_url_parts"):  # a Wagtail page
        page = page_or_path
        url = page.get_url(request)
        if url is None:
            return None
        if _is_absolute(url):  # a page of another site: that site's root URL
            return url
        base = base_url()
        if base:
            return base + url
        if request is not None:
            return request.build_absolute_uri(url)
        return page.get_full_url()
    path = str(page_or_path)
    if not path or _is_absolute(path):
        return path
    if not path.startswith("/"):
        path = "/" + path
    base = base_url()
    if base:
        return base + path
    if request is not None:
        return request.build_absolute_uri(path)
    return _default_site_root_url() + path
