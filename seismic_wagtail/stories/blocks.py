"""StreamField blocks of a good-practice story.

A story's body follows the shape a good practice needs, so that readers can compare stories and adapt them:
the challenge, the approach, the results, the lessons and transferability, then key figures, a gallery and a
contact. Each section block has an editable heading with a sensible default, so a section reads well even
when the editor leaves the heading empty.

Every block renders through a small template under ``seismic_wagtail/stories/blocks/`` that a site can
override.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class StorySectionBlock(blocks.StructBlock):
    """A titled section of a story (challenge, approach, results, lessons).

    ``default_heading`` (a block option) is shown when the editor leaves ``heading`` empty.
    """

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the section's usual heading."),
    )
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
    )

    class Meta:
        template = "seismic_wagtail/stories/blocks/section.html"
        icon = "doc-full"
        default_heading = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = value.get("heading") or self.meta.default_heading
        return context


class KeyFigureBlock(blocks.StructBlock):
    """One figure: a short value ("120", "€ 45,000", "35 %") and what it counts."""

    value = blocks.CharBlock(label=_("Value"), max_length=30, help_text=_('For example "120" or "35 %".'))
    label = blocks.CharBlock(label=_("Label"), max_length=120, help_text=_('For example "households involved".'))

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        template = "seismic_wagtail/stories/blocks/key_figures.html"
        icon = "order"
        label = _("Key figures")


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describes the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        template = "seismic_wagtail/stories/blocks/gallery.html"
        icon = "image"
        label = _("Gallery")


class ContactBlock(blocks.StructBlock):
    """Who to ask about the practice. Email, phone and website are optional."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=255)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        template = "seismic_wagtail/stories/blocks/contact.html"
        icon = "user"
        label = _("Contact")


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a :class:`~seismic_wagtail.stories.models.StoryPage`."""

    challenge = StorySectionBlock(label=_("Challenge"), default_heading=_("The challenge"))
    approach = StorySectionBlock(label=_("Approach"), default_heading=_("The approach"))
    results = StorySectionBlock(label=_("Results"), default_heading=_("Results"))
    lessons = StorySectionBlock(
        label=_("Lessons and transferability"), default_heading=_("Lessons and transferability")
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
        template="seismic_wagtail/stories/blocks/paragraph.html",
    )
    key_figures = KeyFiguresBlock()
    gallery = GalleryBlock()
    contact = ContactBlock()
