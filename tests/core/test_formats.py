"""Dates, times with named time zones, numbers, figures and lists in each of the ten languages
(``seismic_wagtail.core.formats`` and the ``seismic_format`` template tags), and the package templates that use
them: an event's time, a story's publication date, a key figure, a consultation's status."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation
from django.utils.formats import reset_format_cache

from seismic_wagtail.core import formats

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
#: 5 February 2027, 14:00 in Istanbul (11:00 UTC).
START = datetime.datetime(2027, 2, 5, 14, 0, tzinfo=ISTANBUL)

# language: (date, date and time, Istanbul's zone name, 1500, 1234.5 with two decimals, list of three)
EXPECTED = {
    "en": ("5 February 2027", "5 February 2027, 14:00", "Türkiye Standard Time", "1,500", "1,234.50", "A, B and C"),
    "de": ("5. Februar 2027", "5. Februar 2027 14:00", "Türkische Normalzeit", "1.500", "1.234,50", "A, B und C"),
    "fr": (
        "5 février 2027",
        "5 février 2027 14:00",
        "heure normale de Turquie",
        "1\xa0500",
        "1\xa0234,50",
        "A, B et C",
    ),
    "nl": ("5 februari 2027", "5 februari 2027 14:00", "Turkse standaardtijd", "1.500", "1.234,50", "A, B en C"),
    "cs": ("5. února 2027", "5. února 2027 14:00", "turecký standardní čas", "1\xa0500", "1\xa0234,50", "A, B a\xa0C"),
    "hu": (
        "2027. február 5.",
        "2027. február 5. 14:00",
        "Törökországi zónaidő",
        "1\xa0500",
        "1\xa0234,50",
        "A, B és C",
    ),
    "it": (
        "05 Febbraio 2027",
        "Venerdì 05 Febbraio 2027 14:00",
        "Ora standard della Turchia",
        "1.500",
        "1.234,50",
        "A, B e C",
    ),
    "nb": ("5. februar 2027", "5. februar 2027 14:00", "normaltid for Tyrkia", "1\xa0500", "1\xa0234,50", "A, B og C"),
    "sv": ("5 februari 2027", "5 februari 2027 14:00", "turkisk normaltid", "1\xa0500", "1\xa0234,50", "A, B och C"),
    "tr": ("05 Şubat 2027", "05 Şubat 2027 14:00", "Türkiye Standart Saati", "1.500", "1.234,50", "A, B ve C"),
}
LANGUAGES = list(EXPECTED)


def test_the_table_covers_the_ten_languages(settings):
    assert sorted(LANGUAGES) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates(language):
    assert formats.format_date(START, "Europe/Istanbul", language) == EXPECTED[language][0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_and_times_with_the_named_time_zone(language):
    date_time, zone = EXPECTED[language][1], EXPECTED[language][2]
    assert formats.format_datetime(START, "Europe/Istanbul", language) == f"{date_time} ({zone})"
    assert formats.format_datetime(START, "Europe/Istanbul", language, zone=False) == date_time
    assert "+03" not in formats.format_datetime(START, "Europe/Istanbul", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_times_are_in_the_given_zone_on_a_24_hour_clock(language):
    # 11:00 UTC is 14:00 in Istanbul and 12:00 in Prague.
    utc = START.astimezone(datetime.UTC)
    assert formats.format_time(utc, "Europe/Istanbul", language) == "14:00"
    assert formats.format_time(utc, PRAGUE, language) == "12:00"


@pytest.mark.parametrize(
    ("language", "winter", "summer"),
    [
        ("en", "Central European Standard Time", "Central European Summer Time"),
        ("de", "Mitteleuropäische Normalzeit", "Mitteleuropäische Sommerzeit"),
        ("fr", "heure normale d’Europe centrale", "heure d’été d’Europe centrale"),
        ("nl", "Midden-Europese standaardtijd", "Midden-Europese zomertijd"),
        ("cs", "středoevropský standardní čas", "středoevropský letní čas"),
        ("hu", "közép-európai téli idő", "közép-európai nyári idő"),
        ("it", "Ora standard dell’Europa centrale", "Ora legale dell’Europa centrale"),
        ("nb", "normaltid for Sentral-Europa", "sommertid for Sentral-Europa"),
        ("sv", "centraleuropeisk normaltid", "centraleuropeisk sommartid"),
        ("tr", "Orta Avrupa Standart Saati", "Orta Avrupa Yaz Saati"),
    ],
)
def test_the_zone_name_follows_summer_time(language, winter, summer):
    assert formats.time_zone_name(datetime.datetime(2027, 1, 31, 10, tzinfo=PRAGUE), PRAGUE, language) == winter
    assert (
        formats.time_zone_name(datetime.datetime(2026, 10, 23, 16, tzinfo=PRAGUE), "Europe/Prague", language) == summer
    )


def test_a_zone_cldr_does_not_name_falls_back_to_its_city_and_offset():
    moment = datetime.datetime(2027, 2, 5, 14, tzinfo=ISTANBUL)
    assert formats._fallback_zone_name(moment, ISTANBUL) == "Istanbul (UTC+03:00)"
    assert formats._fallback_zone_name(moment, zoneinfo.ZoneInfo("America/Argentina/Buenos_Aires")) == (
        "Buenos Aires (UTC-03:00)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_always_grouped(language, settings):
    settings.USE_THOUSAND_SEPARATOR = False  # Django's default: the filter groups anyway
    assert formats.format_number(1500, language=language) == EXPECTED[language][3]
    assert formats.format_number(Decimal("1234.5"), 2, language) == EXPECTED[language][4]
    assert formats.format_number(12, language=language) == "12"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists(language):
    assert formats.format_list(["A", "B", "C"], language) == EXPECTED[language][5]
    assert formats.format_list(["A"], language) == "A"
    assert formats.format_list([], language) == ""


def test_or_lists():
    assert formats.format_list(["A", "B", "C"], "de", style="or") == "A, B oder C"
    assert formats.format_list(["A", "B", "C"], "tr", style="or") == "A, B veya C"


@pytest.mark.parametrize(
    ("text", "en", "de", "cs"),
    [
        ("1,500", "1,500", "1.500", "1\xa0500"),
        ("1.500", "1,500", "1.500", "1\xa0500"),
        ("1 500", "1,500", "1.500", "1\xa0500"),
        ("12000", "12,000", "12.000", "12\xa0000"),
        ("€ 45,000", "€ 45,000", "€ 45.000", "€ 45\xa0000"),
        ("2.5 million", "2.5 million", "2,5 million", "2,5 million"),
        ("2,5 Mio.", "2.5 Mio.", "2,5 Mio.", "2,5 Mio."),
        ("1.234,5", "1,234.5", "1.234,5", "1\xa0234,5"),
        ("35 %", "35 %", "35 %", "35 %"),
        ("since 2015", "since 2015", "since 2015", "since 2015"),
        ("300+", "300+", "300+", "300+"),
        ("Level 3", "Level 3", "Level 3", "Level 3"),
    ],
)
def test_key_figures_are_written_the_visitors_way(text, en, de, cs):
    assert formats.localize_figure(text, "en") == en
    assert formats.localize_figure(text, "de") == de
    assert formats.localize_figure(text, "cs") == cs


def test_english_is_european_unless_the_site_says_otherwise(settings):
    assert formats.get_format("DATE_FORMAT", "en") == "j F Y"
    # Django's own "en" is US style; a site's FORMAT_MODULE_PATH comes first (here: Django's en_GB as "en").
    try:
        with override_settings(FORMAT_MODULE_PATH=["tests.core.format_modules"]):
            reset_format_cache()  # Django caches the modules per language; the setting is not one it watches
            assert formats.format_date(START, "Europe/Istanbul", "en") == "05/02/2027"
            assert formats.format_time(START, "Europe/Istanbul", "en") == "14:00"  # the package's, not Django's
            # Other languages keep Django's formats.
            assert formats.format_date(START, "Europe/Istanbul", "de") == "5. Februar 2027"
    finally:
        reset_format_cache()


def test_all_day_and_multi_day_ranges():
    end = datetime.datetime(2027, 2, 7, 12, 0, tzinfo=ISTANBUL)
    assert formats.time_range(START, end, "Europe/Istanbul", "en", all_day=True) == (
        '<time datetime="2027-02-05">5 February 2027</time> – <time datetime="2027-02-07">7 February 2027</time>'
    )
    assert formats.time_range(START, START, "Europe/Istanbul", "en", all_day=True) == (
        '<time datetime="2027-02-05">5 February 2027</time>'
    )
    assert formats.time_range(START, end, "Europe/Istanbul", "tr") == (
        '<time datetime="2027-02-05T14:00:00+03:00">05 Şubat 2027 14:00</time> – '
        '<time datetime="2027-02-07T12:00:00+03:00">07 Şubat 2027 12:00</time> '
        '<span class="seismic-time-zone" title="Europe/Istanbul">(Türkiye Standart Saati)</span>'
    )


def render(source, **context):
    return Template("{% load seismic_format %}" + source).render(Context(context))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_template_tags_use_the_active_language(language):
    end = START + datetime.timedelta(hours=3)
    with translation.override(language):
        html = render("{% seismic_time_range start end 'Europe/Istanbul' %}", start=START, end=end)
        assert html == (
            f'<time datetime="2027-02-05T14:00:00+03:00">{EXPECTED[language][1]}</time>–'
            '<time datetime="2027-02-05T17:00:00+03:00">17:00</time> '
            f'<span class="seismic-time-zone" title="Europe/Istanbul">({EXPECTED[language][2]})</span>'
        )
        assert render("{% seismic_date value 'Europe/Istanbul' %}", value=START) == (
            f'<time datetime="2027-02-05">{EXPECTED[language][0]}</time>'
        )
        assert render("{{ value|seismic_number }}", value=1500) == EXPECTED[language][3]
        assert render("{{ value|seismic_number:2 }}", value=Decimal("1234.5")) == EXPECTED[language][4]
        assert render("{{ items|seismic_list }}", items=["A", "B", "C"]) == EXPECTED[language][5]


def test_the_template_tags_escape_and_store():
    assert render("{{ items|seismic_list }}", items=["<b>", "R&D"]) == "&lt;b&gt; and R&amp;D"
    with translation.override("de"):
        html = render("{% seismic_datetime value 'Europe/Istanbul' as when %}[{{ when }}]", value=START)
    assert html == (
        '[<time datetime="2027-02-05T14:00:00+03:00">5. Februar 2027 14:00</time> '
        '<span class="seismic-time-zone">(Türkische Normalzeit)</span>]'
    )
    assert render("{% seismic_date value %}{{ v|seismic_number }}{{ v|seismic_figure }}", value=None, v=None) == ""


def test_the_package_templates_use_them():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    event = SimpleNamespace(
        start=START, end=START + datetime.timedelta(hours=3), time_zone="Europe/Istanbul", all_day=False
    )
    with translation.override("tr"):
        html = render_to_string("seismic_wagtail/networks/includes/event_when.html", {"event": event})
    assert "05 Şubat 2027 14:00</time>–" in html and "(Türkiye Standart Saati)" in html and "+03<" not in html

    consultation = SimpleNamespace(status="open", status_label="Open", opens_at=START, closes_at=START)
    html = render_to_string("seismic_wagtail/consultations/includes/status.html", {"page": consultation})
    # One sentence in the site's time zone (Europe/Brussels), named; not "Open: open until".
    assert '<strong>Open until <time datetime="2027-02-05T12:00:00+01:00">5 February 2027, 12:00</time>' in html
    assert "(Central European Standard Time)" in html and "Open:" not in html

    with translation.override("de"):
        html = render_to_string(
            "seismic_wagtail/stories/blocks/key_figures.html",
            {"value": {"heading": "", "figures": [{"label": "volunteers", "value": "1,500"}]}},
        )
    assert "<dd>1.500</dd>" in html
