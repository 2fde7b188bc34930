"""A partner's story as data: the snapshot kept for each copy, the diff an editor reviews, and the fields of the
local :class:`~seismic_wagtail.stories.models.StoryPage` it becomes.

:func:`snapshot` reads one story of the read API (its detail, with the portable body) into a plain dict with
checked types; two snapshots compare with ``==``, so "did the source change?" is one comparison, and
:func:`diff` says in which fields. :func:`apply_snapshot` writes a snapshot onto a page. Override these in a
subclass of :class:`~.sync.PartnerRun` (its ``snapshot``/``apply_snapshot`` methods call them) to copy fields of
your own.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from seismic_wagtail.core.models import Organisation, Theme
from seismic_wagtail.core.portable import images_in, import_stream

from .client import InvalidStory

#: The snapshot's keys in the order the diff lists them.
FIELDS = (
    "title",
    "summary",
    "city",
    "country",
    "start_year",
    "end_year",
    "theme_slugs",
    "organisation_names",
    "hero_image",
    "body",
    "seo_title",
    "search_description",
)
#: Labels of the keys that are not a field of the story page (the others use the field's own label).
LABELS = {
    "theme_slugs": _("Themes"),
    "organisation_names": _("Organisations involved"),
    "hero_image": _("Hero image"),
}


def field_label(name):
    """The label an editor knows for a snapshot key: the story page field's own (translated) label."""
    if name in LABELS:
        return str(LABELS[name])
    # Imported here: the page models import this package's models module.
    from seismic_wagtail.stories.models import StoryPage

    return capfirst(StoryPage._meta.get_field(name).verbose_name)


def _text(data, key, *, required=False, max_length=None):
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidStory(f"{key} is not text")
    value = value.strip()
    if required and not value:
        raise InvalidStory(f"{key} is missing")
    if max_length and len(value) > max_length:
        raise InvalidStory(f"{key} is longer than {max_length} characters")
    return value


def _year(data, key, *, required=False):
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2100:
        raise InvalidStory(f"{key} is not a year")
    return value


def _strings(data, key):
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidStory(f"{key} is not a list of text")
    return [item.strip() for item in value if item.strip()]


def _image(value):
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("url"), str) or not value["url"].startswith("http"):
        raise InvalidStory("hero_image is not an image")
    return {"url": value["url"], "alt": str(value.get("alt") or ""), "credit": str(value.get("credit") or "")}


def snapshot(item):
    """The comparable data of one story of the read API (its detail). Raises :class:`InvalidStory`."""
    if not isinstance(item, dict) or not isinstance(item.get("meta"), dict):
        raise InvalidStory("not a story of the read API")
    meta = item["meta"]
    country = _text(item, "country", required=True).upper()
    if country not in countries:
        raise InvalidStory(f"{country!r} is not a country code")
    body = item.get("body")
    if not isinstance(body, list):
        raise InvalidStory("body is missing (not the detail of a story)")
    return {
        "title": _text(item, "title", required=True, max_length=255),
        "slug": slugify(_text(meta, "slug"), allow_unicode=True)[:255],
        "summary": _text(item, "summary", required=True),
        "city": _text(item, "city", required=True),
        "country": country,
        "start_year": _year(item, "start_year", required=True),
        "end_year": _year(item, "end_year"),
        "theme_slugs": _strings(item, "theme_slugs"),
        "organisation_names": _strings(item, "organisation_names"),
        "hero_image": _image(item.get("hero_image")),
        "body": body,
        "seo_title": _text(meta, "seo_title"),
        "search_description": _text(meta, "search_description"),
    }


def image_urls(snap, stream_block):
    """The URLs of the images a snapshot shows (hero and body), to fetch before applying it."""
    urls = [snap["hero_image"]["url"]] if snap.get("hero_image") else []
    urls += [image["url"] for image in images_in(stream_block, snap.get("body") or [])]
    return list(dict.fromkeys(urls))


# --- The diff --------------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    """One field in which two snapshots differ: ``before``/``after`` as text, ``lines`` a line diff
    (``("-", text)`` removed, ``("+", text)`` added, ``(" ", text)`` the same) for the long ones."""

    name: str
    label: str
    before: str
    after: str
    lines: list = field(default_factory=list)


def _block_lines(value):
    """The text of a portable block value, one line per paragraph or field (for the body's diff)."""
    if isinstance(value, dict):
        if "url" in value and "width" in value:  # an image
            return [f"[{value.get('alt') or value['url']}]"]
        return [line for child in value.values() for line in _block_lines(child)]
    if isinstance(value, list):
        return [line for child in value for line in _block_lines(child)]
    if value is None or value == "":
        return []
    text = str(value)
    parts = re.split(r"</(?:p|h\d|li)>|<br\s*/?>", text) if "<" in text else [text]
    return [strip_tags(part).strip() for part in parts if strip_tags(part).strip()]


def body_lines(body):
    lines = []
    for block in body or []:
        if isinstance(block, dict):
            lines.append(f"## {block.get('type', '')}")
            lines.extend(_block_lines(block.get("value")))
    return lines


def _as_text(name, value):
    if value is None:
        return ""
    if name == "hero_image":
        return " / ".join(part for part in (value.get("alt"), value.get("credit"), value.get("url")) if part)
    if name == "body":
        return "\n".join(body_lines(value))
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def diff(old, new):
    """The fields in which snapshot ``new`` differs from ``old``, in :data:`FIELDS` order."""
    changes = []
    for name in FIELDS:
        before, after = (old or {}).get(name), (new or {}).get(name)
        if before == after:
            continue
        before_text, after_text = _as_text(name, before), _as_text(name, after)
        lines = []
        if name == "body" or "\n" in before_text or "\n" in after_text or len(before_text) > 120:
            lines = [
                (line[0], line[2:])
                for line in difflib.ndiff(before_text.splitlines(), after_text.splitlines())
                if line[:1] in "+- "
            ]
        changes.append(FieldChange(name, field_label(name), before_text, after_text, lines))
    return changes


# --- Writing a snapshot onto a page ----------------------------------------------------------------------


def _in_locale(queryset, locale, lookup):
    """The first object of ``queryset`` matching ``lookup``, preferring ``locale``; ``None`` without one."""
    found = list(queryset.filter(lookup).select_related("locale"))
    return next((item for item in found if item.locale_id == locale.pk), found[0] if found else None)


def local_themes(slugs, locale):
    """The local themes with these slugs, in the page's language where translated (unknown slugs left out)."""
    themes = []
    for slug in slugs:
        theme = _in_locale(Theme.objects.order_by("pk"), locale, Q(slug=slug))
        if theme is not None:
            themes.append(theme)
    return themes


def local_organisations(names, locale):
    """The local organisations with these names or acronyms (case-insensitive; unknown names left out)."""
    organisations = []
    for name in names:
        organisation = _in_locale(
            Organisation.objects.order_by("pk"), locale, Q(name__iexact=name) | Q(acronym__iexact=name)
        )
        if organisation is not None and organisation not in organisations:
            organisations.append(organisation)
    return organisations


def apply_snapshot(page, snap, image_ids):
    """Write snapshot ``snap`` onto ``page`` (unsaved): fields, themes, organisations, hero image and body.

    ``image_ids`` maps a source image URL to a local image ID (images copied before). Raises Django's
    ``ValidationError`` when the body does not fit this site's blocks.
    """
    # Imported here: the page models import this package's models module.
    from seismic_wagtail.stories.models import StoryPageOrganisation, StoryPageTheme

    page.title = snap["title"]
    page.summary = snap["summary"]
    page.city = snap["city"]
    page.country = snap["country"]
    page.start_year = snap["start_year"]
    page.end_year = snap["end_year"]
    page.seo_title = snap["seo_title"][:255]
    page.search_description = snap["search_description"]
    hero = snap.get("hero_image")
    page.hero_image_id = image_ids.get(hero["url"]) if hero else None
    page.hero_image_alt = hero["alt"][:255] if hero else ""
    page.story_themes = [StoryPageTheme(theme=theme) for theme in local_themes(snap["theme_slugs"], page.locale)]
    page.story_organisations = [
        StoryPageOrganisation(organisation=organisation)
        for organisation in local_organisations(snap["organisation_names"], page.locale)
    ]
    stream_block = page.body.stream_block
    page.body, _report = import_stream(stream_block, snap["body"], lambda image: image_ids.get(image["url"]))
    return page
