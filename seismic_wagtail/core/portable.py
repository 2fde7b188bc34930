"""A StreamField in a form another site can copy: the read API sends it, syndication reads it back.

Wagtail's own API representation of a StreamField is made for a front end of the same site: rich text in
the database format (``<a linktype="page" id="12">``), images and pages as IDs. A partner site has none of
those IDs, so :func:`export_stream` writes the same structure with what makes sense anywhere:

* rich text as HTML with absolute links (``expand_db_html``, then relative ``href``/``src`` made absolute);
* an image as ``{"url", "width", "height", "alt", "credit"}`` of a rendition (:data:`IMAGE_FILTER`);
* a page or a document as its absolute URL;
* every other block as Wagtail's ``get_api_representation``.

:func:`import_stream` is the way back, driven by the local block definition: unknown block types are left
out (and named), rich text is cleaned with the block's own features (Wagtail's ``EditorHTMLConverter``
whitelist: no scripts, no attributes a feature does not allow), images become local images through a
callback. The result is the raw stream data a ``StreamField`` accepts; validate it with the block's
``clean`` before saving. Page and document choosers come back empty (the partner's pages are not here).
"""

import re

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .absolute_urls import absolute_url
from .models import image_alt_text

#: The rendition an image of a StreamField is exported as (the largest a story shows).
IMAGE_FILTER = "max-1600x1600"
#: The image's attribute holding its credit, when the site's image model has one.
CREDIT_ATTRIBUTE = "credit"

_RELATIVE_LINK = re.compile(r'(\s(?:href|src))="(/[^"]*)"')


def site_absolute(request):
    """The package's rule for absolute URLs (``BASE_URL``, the request's host, the Site record) as a function of
    a URL: what the exporters below use unless given another (the read API passes its own, which puts Wagtail's
    ``WAGTAILAPI_BASE_URL`` first)."""
    return lambda url: absolute_url(url, request)


def export_image(image, request=None, filter_spec=IMAGE_FILTER, absolute=None):
    """An image as a partner can copy it (``None`` without an image): ``{"url", "width", "height", "alt",
    "credit"}`` of its ``filter_spec`` rendition, the alt text being the image's own description."""
    if image is None:
        return None
    absolute = absolute or site_absolute(request)
    rendition = image.get_rendition(filter_spec)
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image_alt_text(image) or "",
        "credit": str(getattr(image, CREDIT_ATTRIBUTE, "") or ""),
    }


def export_rich_text(source, request=None, absolute=None):
    """Rich text (database format) as HTML with absolute links."""
    absolute = absolute or site_absolute(request)
    html = expand_db_html(source or "")
    return _RELATIVE_LINK.sub(lambda match: f'{match.group(1)}="{absolute(match.group(2))}"', html)


def export_block(block, value, request=None, absolute=None):
    """One block's value in the portable form (recursive)."""
    absolute = absolute or site_absolute(request)
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": child.block_type, "value": export_block(child.block, child.value, request, absolute)}
            for child in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: export_block(child, value.get(name), request, absolute) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [export_block(block.child_block, item, request, absolute) for item in value]
    if isinstance(block, blocks.RichTextBlock):
        return export_rich_text(value.source if value is not None else "", request, absolute)
    if isinstance(block, ImageChooserBlock):
        return export_image(value, request, absolute=absolute)
    if isinstance(block, blocks.PageChooserBlock | DocumentChooserBlock):
        if value is None:
            return None
        url = value.url if isinstance(block, DocumentChooserBlock) else value.specific_deferred.get_url(request)
        return absolute(url) if url else None
    return block.get_api_representation(value, context={"request": request} if request else None)


def export_stream(stream_value, request=None, absolute=None):
    """A StreamField's value as ``[{"type": ..., "value": ...}]`` in the portable form; ``absolute`` makes a URL
    absolute (default: :func:`site_absolute`)."""
    return export_block(stream_value.stream_block, stream_value, request, absolute)


class ImportReport:
    """What :func:`import_stream` left out: block types the local definition lacks."""

    def __init__(self):
        self.unknown_types = []


def import_block(block, data, image_for, report):
    """The raw (JSON) value of ``block`` for the portable ``data`` (recursive). ``image_for(image_dict)``
    returns a local image's ID, or ``None``."""
    if isinstance(block, blocks.StreamBlock):
        items = []
        for item in data if isinstance(data, list) else []:
            if not isinstance(item, dict) or item.get("type") not in block.child_blocks:
                report.unknown_types.append(item.get("type") if isinstance(item, dict) else repr(item)[:40])
                continue
            child = block.child_blocks[item["type"]]
            items.append({"type": item["type"], "value": import_block(child, item.get("value"), image_for, report)})
        return items
    if isinstance(block, blocks.StructBlock):
        data = data if isinstance(data, dict) else {}
        return {
            name: import_block(child, data.get(name), image_for, report) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [import_block(block.child_block, item, image_for, report) for item in data or [] if item is not None]
    if isinstance(block, blocks.RichTextBlock):
        # Imported here: Wagtail's rich text converters load models, and this module is imported by models.py.
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        return EditorHTMLConverter(features=block.features).to_database_format(data if isinstance(data, str) else "")
    if isinstance(block, ImageChooserBlock):
        return image_for(data) if isinstance(data, dict) and data.get("url") else None
    if isinstance(block, blocks.PageChooserBlock | DocumentChooserBlock):
        return None
    if isinstance(data, str | int | float | bool) or data is None:
        return block.get_prep_value(block.to_python(data)) if data is not None else block.get_default()
    return block.get_default()


def import_stream(stream_block, data, image_for):
    """The raw stream data for ``stream_block`` from portable ``data``, validated with the block's ``clean``.

    Returns ``(stream_value, report)``; raises ``ValidationError`` when the result is not a valid value of the
    block (a required field missing, a text too long: the source does not fit this site's blocks).
    """
    report = ImportReport()
    raw = import_block(stream_block, data, image_for, report)
    value = stream_block.to_python(raw)
    stream_block.clean(value)  # raises ValidationError (StreamBlockValidationError) with the block's messages
    return value, report


def images_in(stream_block, data):
    """The portable image dicts a portable stream holds (to fetch them before :func:`import_stream`)."""
    found = []

    def collect(image):
        found.append(image)
        return None

    import_block(stream_block, data, collect, ImportReport())
    return found
