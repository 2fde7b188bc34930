"""Serializer fields of the read API (``wagtail.api.v2``) that the page models name in their ``api_fields``.

Only Django REST framework's ``Field`` (installed with Wagtail) is imported here, so a models module can use
these fields without the site mounting the API or adding ``rest_framework`` to ``INSTALLED_APPS``. The
endpoints themselves are in :mod:`seismic_wagtail.core.api` and each app's ``api`` module.

Every URL is absolute and built from the request's host (``request.build_absolute_uri``), never from the
``Site`` record, so a partner reading ``https://city.example/api/seismic/v2/stories/`` gets
``https://city.example/...`` links whatever the site's hostname field says. Wagtail's own
``WAGTAILAPI_BASE_URL`` setting, when a site sets it, comes first (a site behind a proxy that rewrites hosts).
"""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from rest_framework.fields import Field

from . import absolute_urls, portable


def absolute_url(request, url):
    """``url`` made absolute: with ``WAGTAILAPI_BASE_URL`` when set (the setting Wagtail's own API reads), else by
    the package's rule (:func:`seismic_wagtail.core.absolute_urls.absolute_url`: ``BASE_URL``, the request's
    host, the Site record). An absolute ``url`` stays as it is."""
    if not url:
        return None
    if urlsplit(url).scheme:
        return url
    api_base_url = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    if api_base_url:
        parts = urlsplit(api_base_url)
        return f"{parts.scheme}://{parts.netloc}{url}"
    return absolute_urls.absolute_url(url, request)


def page_url(page, request):
    """The public URL of ``page`` as the request's host serves it (one site root lookup per request)."""
    return absolute_url(request, page.get_url(request))


class RequestHostPageUrlField(Field):
    """The page's public URL built from the request's host: replaces Wagtail's ``html_url`` (which takes the
    host from the ``Site`` record)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_url(page, self.context.get("request"))


class TranslationsField(Field):
    """The other live, public language versions of a page: ``[{"locale": "sv", "id": 12, "url": ...}]``.

    The endpoints fetch the translations of a whole page of results in one query and put them on each page
    as ``_seismic_api_translations`` (:func:`seismic_wagtail.core.api.attach_translations`); a page without
    them (used outside the package's endpoints) is looked up on its own.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        translations = getattr(page, "_seismic_api_translations", None)
        if translations is None:
            translations = list(
                page.get_translations(inclusive=False).live().public().select_related("locale").order_by("locale_id")
            )
        request = self.context.get("request")
        return [
            {"locale": translation.locale.language_code, "id": translation.pk, "url": page_url(translation, request)}
            for translation in translations
        ]


class PageImageField(Field):
    """An image of a page as a rendition, with the page's alt text and the image's credit::

        "hero_image": {"url": "https://city.example/media/images/x.fill-1200x675.jpg", "width": 1200,
                       "height": 675, "alt": "Pop-up shop", "credit": "Photo: City of Graz"}

    ``image`` names the page's image field, ``alt`` the page attribute with the alt text (else the image's
    own description), ``filter_spec`` the rendition. The credit is the image's ``credit_attribute`` (``credit``)
    when the site's image model has one (``WAGTAILIMAGES_IMAGE_MODEL``), else ``""``: override the attribute
    in a subclass for another name. ``None`` when the page has no image. Prefetch the renditions
    (``prefetch_renditions(filter_spec)``) to keep a listing's queries flat.
    """

    credit_attribute = "credit"

    def __init__(self, filter_spec, *, image, alt=None, **kwargs):
        self.filter_spec = filter_spec
        self.image_name = image
        self.alt_name = alt
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not getattr(page, f"{self.image_name}_id", None):
            return None
        request = self.context.get("request")
        image = getattr(page, self.image_name)
        data = portable.export_image(image, request, self.filter_spec, absolute=partial(absolute_url, request))
        data["credit"] = str(getattr(image, self.credit_attribute, "") or "")
        if self.alt_name:
            data["alt"] = getattr(page, self.alt_name) or ""
        return data


class SubpageUrlField(Field):
    """The URL of one of a routable page's routes (``route``, a ``RoutablePageMixin`` route name), or ``None``
    while the page's ``when`` attribute (when given) is false: ``SubpageUrlField("results",
    when="results_published")``."""

    def __init__(self, route, *, when=None, **kwargs):
        self.route = route
        self.when = when
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if self.when and not getattr(page, self.when):
            return None
        url = page.get_url(self.context.get("request"))
        if url is None:
            return None
        return absolute_url(self.context.get("request"), url + page.reverse_subpage(self.route))


class PortableStreamField(Field):
    """A StreamField as another site can copy it (:func:`seismic_wagtail.core.portable.export_stream`): rich text
    as HTML with absolute links, images as renditions with their credit, pages as URLs. What syndication reads.
    """

    def to_representation(self, value):
        request = self.context.get("request")
        return portable.export_stream(value, request, absolute=partial(absolute_url, request))
