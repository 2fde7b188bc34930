"""StreamField blocks of the network page body.

Kept small on purpose: a network page tells who the network is and what it does. A site can extend
:class:`NetworkBodyBlock` in a subclass of :class:`~seismic_wagtail.networks.models.NetworkPage`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text and caption written for this page."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describes the image for people who cannot see it. Leave empty if it is decorative."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = "seismic_wagtail/networks/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "seismic_wagtail/networks/blocks/quote_block.html"


class NetworkBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        form_classname="title",
        icon="title",
        template="seismic_wagtail/networks/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4"])
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
