"""A plain view of a consultation's questions, shared by the form, the storage, the results and exports.

:func:`get_questions` turns the ``questions`` StreamField of one language version into a list of
:class:`Question`: the id (the StreamField block id, the same in every translation), the kind, the label in
that language, the choices as ``(key, label)`` pairs and, for ratings, what is rated.
"""

import hashlib
import json
import threading
from collections import OrderedDict
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


class BoundedMemo:
    """A small per-process least-recently-used memo, safe to share between a worker's threads.

    For values whose key names everything they depend on (so a stale hit is impossible): the parsed questions
    and the form classes of :class:`~.models.ConsultationPage`, keyed by :func:`questions_fingerprint`.
    """

    def __init__(self, size=128):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_set(self, key, build):
        """The value memoised under ``key``, or ``build()``'s (memoised; the least recently used is dropped)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        value = build()  # outside the lock: two threads may build the same value once each, harmlessly
        with self._lock:
            self.misses += 1
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self):
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self):
        return len(self._items)


#: The parsed questions of the consultations a worker serves, keyed by ``ConsultationPage.questions_cache_key``.
QUESTION_LISTS = BoundedMemo(128)


def _raw_stream(value):
    """A StreamField value as its JSON-ready data (no block is parsed when the value is fresh from the database)."""
    if not value:
        return []
    prep = getattr(value, "get_prep_value", None)
    return prep() if prep is not None else list(value)


def questions_fingerprint(page):
    """A digest of everything :func:`get_questions` reads from ``page``: its ``questions`` and ``agenda`` as
    stored, and the names of the themes its ratings are about (one query, only when a rating names a theme).

    Any edit of the questions, of the agenda's headings or of a named theme changes the digest, so a value
    memoised under it (the parsed questions, the form class) can never be served stale, in any process."""
    questions = _raw_stream(page.questions)
    agenda = _raw_stream(page.agenda)
    theme_ids = sorted(
        {
            item["value"]["theme"]
            for item in questions
            if isinstance(item.get("value"), dict) and isinstance(item["value"].get("theme"), int)
        }
    )
    themes = []
    if theme_ids:
        from seismic_wagtail.core.models import Theme  # at call time: the models are not ready at import

        themes = sorted((theme.pk, str(theme)) for theme in Theme.objects.filter(pk__in=theme_ids))
    raw = json.dumps([questions, agenda, themes], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


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
