"""A plain view of a consultation's questions, shared by the form, the storage, the results and exports.

:func:`get_questions` turns the ``questions`` StreamField of one language version into a list of
:class:`Question`: the id (the StreamField block id, the same in every translation), the kind, the label in
that language, the choices as ``(key, label)`` pairs and, for ratings, what is rated.
"""

from dataclasses import dataclass, field

RATING = "rating"
SINGLE = "single"
MULTIPLE = "multiple"
RANKING = "ranking"
TEXT = "text"

#: The rating scale of a priority question.
RATING_VALUES = (1, 2, 3, 4, 5)


@dataclass
class Question:
    id: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: list = field(default_factory=list)  # [(key, label)]
    low_label: str = ""
    high_label: str = ""
    subject: str = ""  # what a rating is about: the agenda section heading or the theme name
    subject_id: str = ""  # the agenda section id, when a rating is about a section
    max_choices: int | None = None
    positions: int | None = None
    max_length: int | None = None

    @property
    def field_name(self):
        return f"q_{self.id}"

    @property
    def rank_positions(self):
        return min(self.positions or len(self.choices), len(self.choices))

    @property
    def rating_choices(self):
        """The rating scale as ``[(value, label)]``: ``"1 (not important)"`` ... ``"5 (essential)"``.

        The lowest and the highest value carry the question's ``low_label`` / ``high_label`` when the editor
        gave them, the others their number. The form's radio buttons and the results' bars both use it.
        """
        ends = {RATING_VALUES[0]: self.low_label, RATING_VALUES[-1]: self.high_label}
        return [(value, f"{value} ({ends[value]})" if ends.get(value) else str(value)) for value in RATING_VALUES]


def get_questions(page):
    """The questions of ``page`` (a ``ConsultationPage`` in any language), in order."""
    sections = [child for child in page.agenda if child.block_type == "section"]
    questions = []
    for child in page.questions:
        value = child.value
        kind = getattr(child.block, "kind", None)
        if kind is None:
            continue
        question = Question(
            id=str(child.id),
            kind=kind,
            label=value.get("question") or "",
            help_text=value.get("help_text") or "",
            required=bool(value.get("required")),
        )
        if kind in (SINGLE, MULTIPLE, RANKING):
            question.choices = [(item["key"], item["label"]) for item in value.get("choices") or [] if item["key"]]
        if kind == MULTIPLE:
            question.max_choices = value.get("max_choices")
        if kind == RANKING:
            question.positions = value.get("positions")
        if kind == TEXT:
            question.max_length = value.get("max_length") or 2000
        if kind == RATING:
            question.low_label = value.get("low_label") or ""
            question.high_label = value.get("high_label") or ""
            number = value.get("agenda_section")
            if number and 0 < number <= len(sections):
                section = sections[number - 1]
                question.subject = section.value.get("heading") or ""
                question.subject_id = str(section.id)
            elif value.get("theme") is not None:
                question.subject = str(value["theme"])
        questions.append(question)
    return questions
