"""Dates, times, time zones, numbers and lists as the visitor's language writes them.

One module for every package template (through the ``seismic_format`` template tags) and for Python code
that builds text. Two sources, each the field's own:

- **Dates, times and numbers**: Django's locale formats (``django/conf/locale/<lang>/formats.py``: "5. února
  2027 14:00" in Czech, "05 Şubat 2027 14:00" in Turkish, "1.500" in German), read through
  :func:`get_format`. A site overrides them as it would for Django itself, with ``FORMAT_MODULE_PATH``.
  Where the site does not, English uses the package's own module :mod:`seismic_wagtail.core.format_modules.en`
  ("5 February 2027, 14:00"): Django's ``en`` is US style ("Feb. 5, 2027, 2 p.m."), not the European English of
  the networks.
- **Time-zone names and lists**: CLDR through Babel, which has them in every language
  ("Türkiye Standart Saati", "středoevropský letní čas"; "A, B und C", "A, B a C"). Django has neither: its
  ``T`` format gives "+03" for Istanbul, and ``get_text_list`` needs a translated "and".

Every function takes an optional ``language`` (a Django language code); without it, the active language.
"""

import datetime
import functools
import re
import zoneinfo
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_name
from babel.lists import format_list as babel_format_list
from django.conf import settings
from django.utils import dateformat, formats, timezone, translation
from django.utils.html import format_html

__all__ = [
    "cldr_locale",
    "format_date",
    "format_datetime",
    "format_list",
    "format_number",
    "format_time",
    "get_format",
    "localize_figure",
    "time_element",
    "time_range",
    "time_zone_name",
]

#: The package's own format modules, used where the site's ``FORMAT_MODULE_PATH`` has none for a language.
PACKAGE_FORMAT_MODULE_PATH = "seismic_wagtail.core.format_modules"

#: CLDR locale of a Django language code where the two differ: the package's English is European English
#: ("A, B and C", not the US "A, B, and C"), as its date formats are. ``nb`` and the others map one to one.
CLDR_LOCALES = {"en": "en_GB"}


def _language(language=None):
    return language or translation.get_language() or settings.LANGUAGE_CODE


def _is_django_module(module):
    return module.__name__.startswith("django.conf.locale.")


def get_format(name, language=None):
    """A Django format setting (``"DATE_FORMAT"``, ``"TIME_FORMAT"``, ``"DATETIME_FORMAT"``...) for ``language``.

    The site's own ``FORMAT_MODULE_PATH`` first, then the package's (:data:`PACKAGE_FORMAT_MODULE_PATH`, only
    English today), then Django's locale formats, as :func:`django.utils.formats.get_format` would without the
    package's step.
    """
    language = _language(language)
    for module in formats.get_format_modules(language):
        if _is_django_module(module):
            break  # the site's modules come first; Django's own after the package's
        if hasattr(module, name):
            return getattr(module, name)
    package_format = _package_format(language, name)
    if package_format is not None:
        return package_format
    return formats.get_format(name, language, use_l10n=True)


@functools.cache
def _package_format(language, name):
    """The package's own format (the modules do not change while the process runs), or ``None``."""
    for module in formats.iter_format_modules(language, PACKAGE_FORMAT_MODULE_PATH):
        if not _is_django_module(module) and hasattr(module, name):
            return getattr(module, name)
    return None


def _zone(tz):
    if tz is None or tz == "":
        return timezone.get_current_timezone()
    if isinstance(tz, str):
        try:
            return zoneinfo.ZoneInfo(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return timezone.get_current_timezone()
    return tz


def _local(value, tz=None):
    """``value`` in the time zone ``tz`` (a name or tzinfo; default the current one). Dates stay dates."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, _zone(tz))
        return value.astimezone(_zone(tz))
    return value


def _format(value, format_name, language):
    with translation.override(_language(language)):  # month and day names in the language
        return dateformat.format(value, get_format(format_name, language))


def format_date(value, tz=None, language=None):
    """ "5 February 2027", "5. února 2027", "05 Şubat 2027": the date of ``value`` in the time zone ``tz``."""
    if value in (None, ""):
        return ""
    return _format(_local(value, tz), "DATE_FORMAT", language)


def format_time(value, tz=None, language=None):
    """ "14:00" (every one of the ten languages writes a 24-hour clock; Django's US English would say "2 p.m.")."""
    if value in (None, ""):
        return ""
    return _format(_local(value, tz), "TIME_FORMAT", language)


def time_zone_name(value, tz=None, language=None):
    """The name of the time zone ``tz`` at the moment ``value``, in ``language``: "Central European Summer Time",
    "středoevropský letní čas", "Türkiye Standart Saati" (CLDR's long name, summer or standard time as at
    ``value``). A zone CLDR does not know: its IANA city and UTC offset, "Istanbul (UTC+03:00)"."""
    zone = _zone(tz)
    moment = _local(value if isinstance(value, datetime.datetime) else timezone.now(), zone)
    try:
        return get_timezone_name(moment, width="long", locale=cldr_locale(language))
    except (LookupError, ValueError):
        return _fallback_zone_name(moment, zone)


def _fallback_zone_name(moment, zone):
    key = getattr(zone, "key", None) or str(zone)
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    offset = moment.astimezone(zone).strftime("%z")
    return f"{city} (UTC{offset[:3]}:{offset[3:]})" if offset else city


def format_datetime(value, tz=None, language=None, *, zone=True):
    """ "5 February 2027, 14:00 (Central European Standard Time)": date and time of ``value`` in the time zone
    ``tz``, followed by the zone's name unless ``zone=False``."""
    if value in (None, ""):
        return ""
    local = _local(value, tz)
    text = _format(local, "DATETIME_FORMAT", language)
    return f"{text} ({time_zone_name(local, tz, language)})" if zone else text


def time_element(value, text, *, date_only=False, tz=None):
    """``<time datetime="...">text</time>``, with the machine-readable value (ISO 8601) in the time zone ``tz``."""
    local = _local(value, tz)
    if date_only and isinstance(local, datetime.datetime):
        local = local.date()
    machine = local.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, text)


def time_range(start, end=None, tz=None, language=None, *, all_day=False):
    """When something takes place, as HTML in the time zone ``tz``, with ``<time>`` elements:

    - all day: "5 February 2027" or "5 February 2027 – 7 February 2027";
    - one day: "5 February 2027, 14:00–17:00 (Türkiye Standard Time)";
    - several days: "5 February 2027, 14:00 – 7 February 2027, 12:00 (Türkiye Standard Time)".

    The zone is named at ``start`` (summer or standard time)."""
    if start in (None, ""):
        return ""
    start, end = _local(start, tz), (_local(end, tz) if end not in (None, "") else None)
    if all_day:
        first = time_element(start, format_date(start, tz, language), date_only=True, tz=tz)
        if end is None or end.date() <= start.date():
            return first
        last = time_element(end, format_date(end, tz, language), date_only=True, tz=tz)
        return format_html("{} – {}", first, last)
    first = time_element(start, _format(start, "DATETIME_FORMAT", language), tz=tz)
    zone = format_html(
        '<span class="seismic-time-zone" title="{}">({})</span>',
        getattr(_zone(tz), "key", ""),
        time_zone_name(start, tz, language),
    )
    if end is None:
        return format_html("{} {}", first, zone)
    if end.date() == start.date():
        return format_html("{}–{} {}", first, time_element(end, format_time(end, tz, language), tz=tz), zone)
    return format_html("{} – {} {}", first, time_element(end, _format(end, "DATETIME_FORMAT", language), tz=tz), zone)


def format_number(value, decimal_pos=None, language=None):
    """ "1,500", "1.500", "1 500" (a no-break space in French, Czech, Hungarian, Norwegian and Swedish), grouped
    whatever ``USE_THOUSAND_SEPARATOR`` says: a figure shown to visitors is always grouped."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = Decimal(value)
        except InvalidOperation:
            return value
    with translation.override(_language(language)):
        return formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=True)


# A number as any of the ten languages writes it: digits, optionally in groups of three (separated by ",", ".",
# a space, a no-break space or a narrow no-break space) and a decimal part.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[,.\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?(?![\w])")
_SEPARATOR = re.compile(r"[,.\u00a0\u202f ]")


def _parse_number(token):
    """A :class:`~decimal.Decimal` from a number in any of the ten languages' notation, or ``None``.

    The rule: separators that are all the same and each followed by exactly three digits group thousands
    ("1,500" and "1.500" are fifteen hundred, "1 500 000" a million and a half); a last ``,`` or ``.`` that
    is followed by another number of digits, or that differs from the separators before it, is the decimal
    separator ("2.5", "2,5", "1,234.5", "1.234,5"). So a figure means the same whichever of the ten languages
    it was written in; the one reading it cannot share is a decimal with exactly three digits after a single
    separator ("1,500" read as one and a half), which key figures do not use."""
    parts = _SEPARATOR.split(token)
    separators = _SEPARATOR.findall(token)
    if not separators:
        return Decimal(token)
    whole, fraction = parts, ""
    grouped = len(set(separators)) == 1 and all(len(part) == 3 for part in parts[1:])
    if not grouped:
        if separators[-1] not in ",." or (len(separators) > 1 and separators[-1] in separators[:-1]):
            return None
        whole, fraction = parts[:-1], parts[-1]
        if len(set(separators[:-1])) > 1 or any(len(part) != 3 for part in whole[1:]):
            return None
    try:
        return Decimal("".join(whole) + (f".{fraction}" if fraction else ""))
    except InvalidOperation:
        return None


def localize_figure(text, language=None):
    """A key figure's text with its numbers written the visitor's way: "1,500" -> "1.500" (German, Turkish),
    "1 500" (Czech); "€ 45,000" -> "€ 45.000"; "2.5 million" -> "2,5 million". Words, currency signs and
    units are left as the editor wrote them (translate those with the page); so is a year ("2015") or a
    number of four digits or fewer without a separator, which no language groups. See :func:`_parse_number`
    for how a separator is read."""
    if text is None:
        return ""
    if not isinstance(text, str):
        return format_number(text, language=language) if isinstance(text, int | float | Decimal) else text

    def replace(match):
        token = match.group(0)
        if token.isdigit() and len(token) <= 4:
            return token  # years, small counts: written the same in every language
        number = _parse_number(token)
        if number is None:
            return token
        decimals = -number.as_tuple().exponent if number.as_tuple().exponent < 0 else None
        return format_number(number, decimals, language)

    return _NUMBER.sub(replace, text)


def cldr_locale(language=None):
    """The Babel :class:`~babel.Locale` of a Django language code ("nb" -> nb, "pt-br" -> pt_BR, "en" -> en_GB,
    see :data:`CLDR_LOCALES`); English when CLDR does not know the language."""
    language = _language(language)
    for candidate in (CLDR_LOCALES.get(language), translation.to_locale(language), language.split("-")[0]):
        if not candidate:
            continue
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(CLDR_LOCALES.get("en", "en"))


def format_list(items, language=None, *, style="standard"):
    """ "A, B and C", "A, B und C", "A, B a C", "A, B ve C": items joined as the language joins them (CLDR list
    patterns). ``style="or"`` for "A, B or C". Empty items are dropped."""
    values = [str(item) for item in items if item not in (None, "")]
    if not values:
        return ""
    return babel_format_list(values, style=style, locale=cldr_locale(language))
