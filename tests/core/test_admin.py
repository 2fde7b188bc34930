import csv
import io

import pytest
from django.urls import reverse

from tests.factories.core import OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_seismic_menu_group_holds_the_snippets(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '"name": "seismic"' in html or '"name":"seismic"' in html
    assert reverse("wagtailsnippets_seismic_core_theme:list") in html
    assert reverse("wagtailsnippets_seismic_core_organisation:list") in html


def test_organisation_listing_searches_and_filters(admin_client):
    OrganisationFactory(name="Humboldt-Universität zu Berlin", organisation_type="university", country="DE")
    OrganisationFactory(name="Cittalia", organisation_type="research", country="IT")
    url = reverse("wagtailsnippets_seismic_core_organisation:list")

    response = admin_client.get(url, {"q": "Humboldt"})
    assert "Humboldt" in response.content.decode() and "Cittalia" not in response.content.decode()

    response = admin_client.get(url, {"country": "IT"})
    assert "Cittalia" in response.content.decode() and "Humboldt" not in response.content.decode()

    response = admin_client.get(url, {"organisation_type": "university"})
    assert "Humboldt" in response.content.decode() and "Cittalia" not in response.content.decode()


def test_organisation_export_csv_and_xlsx(admin_client):
    OrganisationFactory(name="Cittalia", acronym="Cittalia", country="IT", city="Roma")
    url = reverse("wagtailsnippets_seismic_core_organisation:list")
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == "Cittalia"
    assert rows[0]["Country"] == "Italy"
    assert rows[0]["Country code"] == "IT"
    assert rows[0]["Type"] == "Research institute"

    response = admin_client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_theme_export_lists_language(admin_client, locales):
    ThemeFactory(name="Welfare and finance", slug="welfare")
    response = admin_client.get(reverse("wagtailsnippets_seismic_core_theme:list"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        {
            "Name": "Welfare and finance",
            "Slug": "welfare",
            "Short description": "An urban challenge of the agenda.",
            "Language": "en",
        }
    ]
