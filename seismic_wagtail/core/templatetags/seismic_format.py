"""Dates, times, time zones, numbers and lists in the visitor's language. Load with ``{% load seismic_format %}``.

Every package template that shows a date, a time, a figure or a list uses these, so that one place
(:mod:`seismic_wagtail.core.formats`) decides how each of the ten languages writes them.

``{% seismic_date value [tz] %}``
    ``<time datetime="2027-02-05">5 February 2027</time>``; the date in the time zone ``tz`` (a name such as
    ``"Europe/Istanbul"`` or a tzinfo; default the current time zone).
``{% seismic_datetime value [tz] [zone=True] %}``
    ``<time datetime="2027-02-05T14:00:00+03:00">5 February 2027, 14:00</time> (Türkiye Standard Time)``:
    date, time and the zone's name in the visitor's language; ``zone=False`` leaves the name out.
``{% seismic_time_range start end [tz] [all_day=False] %}``
    When something takes place: "5 February 2027, 14:00–17:00 (Türkiye Standard Time)", "5 – 7 February..."
    (see :func:`~seismic_wagtail.core.formats.time_range`).
``{% seismic_time_zone_name value [tz] %}``
    "Central European Summer Time", "Türkiye Standart Saati".
``{{ value|seismic_number }}``, ``{{ value|seismic_number:2 }}``
    "1,500", "1.500", "1 500"; with two decimals "3,45". Always grouped.
``{{ text|seismic_figure }}``
    A key figure's text with its numbers written the visitor's way ("1,500 volunteers" -> "1.500 volunteers").
``{{ items|seismic_list }}``, ``{{ items|seismic_list:"or" }}``
    "A, B and C", "A, B und C", "A, B a C"; ``"or"`` for "A, B or C". Items are escaped, the result is not
    marked safe (auto-escaping applies as usual).

All tags end with ``as name`` to store the result instead, for ``{% blocktranslate with date=name %}``.
"""

from django import template
from django.utils.html import format_html

from seismic_wagtail.core import formats

register = template.Library()


@register.simple_tag
def seismic_date(value, tz=None):
    if value in (None, ""):
        return ""
    return formats.time_element(value, formats.format_date(value, tz), date_only=True, tz=tz)


@register.simple_tag
def seismic_datetime(value, tz=None, zone=True):
    if value in (None, ""):
        return ""
    element = formats.time_element(value, formats.format_datetime(value, tz, zone=False), tz=tz)
    if not zone:
        return element
    return format_html('{} <span class="seismic-time-zone">({})</span>', element, formats.time_zone_name(value, tz))


@register.simple_tag
def seismic_time_range(start, end=None, tz=None, all_day=False):
    return formats.time_range(start, end, tz, all_day=all_day)


@register.simple_tag
def seismic_time_zone_name(value, tz=None):
    return formats.time_zone_name(value, tz)


@register.filter
def seismic_number(value, decimal_pos=None):
    if decimal_pos in (None, ""):
        decimal_pos = None
    else:
        try:
            decimal_pos = int(decimal_pos)
        except (TypeError, ValueError):
            decimal_pos = None
    return formats.format_number(value, decimal_pos)


@register.filter
def seismic_figure(value):
    return formats.localize_figure(value)


@register.filter
def seismic_list(items, style="standard"):
    return formats.format_list(items or [], style=style or "standard")
