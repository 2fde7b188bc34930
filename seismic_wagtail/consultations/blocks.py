"""StreamField blocks of a consultation: agenda sections and the five kinds of question.

Every block's ``id`` (Wagtail's StreamField block id) is the stable id of an agenda section or a question:
wagtail-localize keeps block ids when it translates a page, so an answer given on the Swedish version of a
question is stored under the same id as one given on the English version.

Choices have a ``key`` and a ``label``. The key is what gets stored; it is a :class:`KeyBlock`, which
wagtail-localize does not offer for translation (it has an empty ``get_translatable_segments``), so it is
identical in every translation. Only the label is translated.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

key_validator = RegexValidator(
    r"^[-a-z0-9_]+$",
    _("Use lowercase letters, digits, hyphens and underscores only."),
)


class KeyBlock(blocks.CharBlock):
    """A short language-independent key, the same in every translation (never offered for translation)."""

    def __init__(self, required=True, max_length=64, **kwargs):
        super().__init__(required=required, max_length=max_length, validators=[key_validator], **kwargs)

    # wagtail-localize asks a block for its translatable segments before looking at its type: none here, so
    # the key is synchronised from the source page into every translation.
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class AgendaSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    theme = SnippetChooserBlock("seismic_core.Theme", required=False, label=_("theme"))
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "doc-full"
        label = _("Agenda section")
        template = "seismic_wagtail/consultations/blocks/agenda_section.html"


class ChoiceItemBlock(blocks.StructBlock):
    key = KeyBlock(
        label=_("key"),
        help_text=_('Stored with each answer and the same in every language, e.g. "more-funding".'),
    )
    label = blocks.CharBlock(label=_("label"), max_length=255)

    class Meta:
        icon = "list-ul"
        label = _("Choice")


class BaseQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=500)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=False)

    #: The kind of question, as stored with the answers and used by results and exports.
    kind = None

    class Meta:
        icon = "help"


class RatingQuestionBlock(BaseQuestionBlock):
    """A priority rating from 1 to 5 of an agenda section or a theme."""

    kind = "rating"
    agenda_section = blocks.IntegerBlock(
        label=_("agenda section number"),
        required=False,
        min_value=1,
        help_text=_("Rate this section of the agenda (1 = the first section). Leave empty for a general question."),
    )
    theme = SnippetChooserBlock("seismic_core.Theme", required=False, label=_("theme"))
    low_label = blocks.CharBlock(label=_("label of 1"), max_length=80, default="Low priority")
    high_label = blocks.CharBlock(label=_("label of 5"), max_length=80, default="High priority")

    class Meta:
        icon = "pick"
        label = _("Priority rating (1 to 5)")


class SingleChoiceQuestionBlock(BaseQuestionBlock):
    kind = "single"
    choices = blocks.ListBlock(ChoiceItemBlock(), label=_("choices"), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(BaseQuestionBlock):
    kind = "multiple"
    choices = blocks.ListBlock(ChoiceItemBlock(), label=_("choices"), min_num=2)
    max_choices = blocks.IntegerBlock(
        label=_("at most"), required=False, min_value=1, help_text=_("Leave empty for no limit.")
    )

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class RankingQuestionBlock(BaseQuestionBlock):
    kind = "ranking"
    choices = blocks.ListBlock(ChoiceItemBlock(), label=_("choices"), min_num=2)
    positions = blocks.IntegerBlock(
        label=_("positions to rank"),
        required=False,
        min_value=1,
        help_text=_("How many places to fill (e.g. 3 for a top three). Leave empty to rank every choice."),
    )

    class Meta:
        icon = "order"
        label = _("Ranking")


class TextQuestionBlock(BaseQuestionBlock):
    kind = "text"
    max_length = blocks.IntegerBlock(label=_("maximum length"), default=2000, min_value=1, max_value=20000)

    class Meta:
        icon = "pilcrow"
        label = _("Free text")


class QuestionsBlock(blocks.StreamBlock):
    rating = RatingQuestionBlock()
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    ranking = RankingQuestionBlock()
    text = TextQuestionBlock()


class AgendaBlock(blocks.StreamBlock):
    section = AgendaSectionBlock()
