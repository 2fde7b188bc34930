import datetime
import json
import re
import uuid
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy

from seismic_wagtail.core.structured_data import json_ld_script


def parse(script):
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', str(script), re.DOTALL)
    assert match, script
    return json.loads(match.group(1))


def test_dates_decimals_uuids_and_lazy_strings_serialise():
    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    data = {
        "startDate": datetime.date(2015, 4, 1),
        "dateModified": datetime.datetime(2016, 10, 28, 9, 30, tzinfo=datetime.UTC),
        "ratio": Decimal("1.5"),
        "identifier": key,
        "name": gettext_lazy("Country"),
    }
    with translation.override("de"):
        parsed = parse(json_ld_script(data))
    assert parsed == {
        "startDate": "2015-04-01",
        "dateModified": "2016-10-28T09:30:00Z",
        "ratio": "1.5",
        "identifier": str(key),
        "name": "Land",
    }


def test_a_value_cannot_end_the_script_element():
    data = {"headline": "</script><script>alert(1)</script>", "about": ["a < b & c > d"]}
    script = json_ld_script(data)
    assert script.count("</script>") == 1 and script.endswith("</script>")
    assert "<script>" not in script and "&" not in script.removeprefix('<script type="application/ld+json">')
    assert "\\u003C/script\\u003E" in script
    assert parse(script) == data  # JSON readers get the text back unchanged


def test_non_ascii_text_is_kept_readable():
    assert "Humboldt-Universität, Istanbul Teknik Üniversitesi" in json_ld_script(
        {"name": "Humboldt-Universität, Istanbul Teknik Üniversitesi"}
    )


def test_no_data_gives_no_element():
    assert json_ld_script(None) == "" and json_ld_script({}) == ""
