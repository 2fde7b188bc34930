"""Admin: response listing with filters, CSV/XLSX exports that neutralise formulas, personal data permission,
erasure view, dashboard panel."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from seismic_wagtail.consultations.models import ConsultationResponse
from tests.factories.consultations import ConsultationResponseFactory
from tests.factories.users import UserFactory

from .conftest import answer_data

pytestmark = pytest.mark.django_db

INDEX = "seismic_consultation_responses:index"


@pytest.fixture
def responses(client, consultation):
    client.post(
        consultation.url,
        answer_data(
            **{"q_q-text": '=HYPERLINK("http://evil")', "name": "+Eve", "email": "eve@example.org", "country": "TR"}
        ),
    )
    client.post(
        consultation.url,
        answer_data(
            **{
                "q_q-text": "@SUM(A1)",
                "email": "bob@example.org",
                "respondent_type": "academic",
                "organisation_name": "-Uni",
                "country": "SE",
            }
        ),
    )
    client.logout()
    return ConsultationResponse.objects.order_by("pk")


def staff_user(personal=False):
    codenames = ["access_admin", "view_consultationresponse"] + (
        ["seismic_consultations.view_personal_data"] if personal else []
    )
    return UserFactory(is_staff=True, permissions=codenames)


def test_listing_filters_by_language_country_type_and_consultation(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    url = reverse(INDEX)
    html = client.get(url).content.decode()
    assert "eve@example.org" in html  # superusers have every permission
    assert "bob@example.org" not in client.get(url, {"country": "TR"}).content.decode()
    assert "eve@example.org" not in client.get(url, {"respondent_type": "academic"}).content.decode()
    page = client.get(url, {"consultation": str(consultation.translation_key), "locale": consultation.locale_id})
    assert page.status_code == 200 and "eve@example.org" in page.content.decode()
    assert (
        client.get(url, {"submitted_at_from": "2001-01-01", "submitted_at_to": "2001-01-02"})
        .content.decode()
        .count("example.org")
        == 0
    )


def test_csv_export_neutralises_formulas_and_has_one_column_per_question(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    response = client.get(reverse(INDEX), {"export": "csv", "consultation": str(consultation.translation_key)})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    by_email = {row["Email"]: row for row in rows}
    eve = by_email["eve@example.org"]
    assert eve["Anything else?"] == '\'=HYPERLINK("http://evil")'
    assert eve["Name"] == "'+Eve"
    assert eve["Which scale matters most?"] == "city"
    assert eve["Who should take part?"] == "citizens; researchers"
    assert by_email["bob@example.org"]["Anything else?"] == "'@SUM(A1)"
    assert by_email["bob@example.org"]["Organisation"] == "'-Uni"


def test_xlsx_export_neutralises_formulas(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    response = client.get(reverse(INDEX), {"export": "xlsx", "consultation": str(consultation.translation_key)})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil")' in values and "'@SUM(A1)" in values
    assert not any(isinstance(value, str) and value.startswith(("=", "+", "-", "@")) for value in values)


def test_personal_data_hidden_without_permission(client, responses, consultation):
    client.force_login(staff_user(personal=False))
    html = client.get(reverse(INDEX)).content.decode()
    assert "eve@example.org" not in html and "Eve" not in html
    assert "Sweden" in html or "SE" in html
    export = client.get(reverse(INDEX), {"export": "csv", "consultation": str(consultation.translation_key)})
    text = b"".join(export.streaming_content).decode()
    assert "example.org" not in text and "Eve" not in text and "Uni" not in text
    # Free-text answers may say who wrote them (anonymising removes them): not without the permission.
    assert "HYPERLINK" not in text and "Anything else?" not in text
    assert "city" in text  # the other answers are there


def test_free_text_answers_exported_with_permission(client, responses, consultation):
    client.force_login(staff_user(personal=True))
    export = client.get(reverse(INDEX), {"export": "csv", "consultation": str(consultation.translation_key)})
    text = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in text and "Anything else?" in text and "eve@example.org" in text


def test_personal_data_shown_with_permission(client, responses):
    client.force_login(staff_user(personal=True))
    assert "eve@example.org" in client.get(reverse(INDEX)).content.decode()


def test_responses_cannot_be_added_or_edited(client, admin_user, responses):
    client.force_login(admin_user)
    html = client.get(reverse(INDEX)).content.decode()
    assert "/seismic/consultation-responses/new/" not in html
    assert "/seismic/consultation-responses/edit/" not in html


def test_erase_view_anonymises_and_erases(client, admin_user, responses):
    client.force_login(admin_user)
    url = reverse("seismic_consultation_responses:erase")
    assert client.get(url).status_code == 200
    client.post(url, {"email": "EVE@example.org", "action": "anonymise"})
    eve = ConsultationResponse.objects.get(country="TR")
    assert (eve.email, eve.name, eve.anonymised_at is not None) == ("", "", True)
    assert "q-text" not in eve.answers and eve.answers["q-single"] == "city"
    client.post(url, {"email": "bob@example.org", "action": "erase"})
    assert ConsultationResponse.objects.count() == 1


def test_erase_view_needs_delete_permission(client, responses):
    client.force_login(staff_user(personal=True))
    url = reverse("seismic_consultation_responses:erase")
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    client.post(url, {"email": "eve@example.org", "action": "erase"})
    assert ConsultationResponse.objects.count() == 2


def test_dashboard_panel_lists_open_consultations_with_counts(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Open consultations" in html
    assert consultation.title in html
    assert f'?consultation={consultation.translation_key}">2</a>' in html


def test_listing_query_count_does_not_grow_with_responses(client, admin_user, consultation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin_user)
    url = reverse(INDEX)

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    ConsultationResponseFactory.create_batch(3, page=consultation)
    few = measure()
    ConsultationResponseFactory.create_batch(30, page=consultation)
    assert measure() == few


def test_export_reads_in_chunks(client, admin_user, responses, consultation, monkeypatch):
    from seismic_wagtail.consultations.admin_views import ConsultationResponseIndexView

    # Exports read in chunks; a chunk smaller than the responses still exports every row once.
    client.force_login(admin_user)
    monkeypatch.setattr(ConsultationResponseIndexView, "export_chunk_size", 1)
    response = client.get(reverse(INDEX), {"export": "csv", "consultation": str(consultation.translation_key)})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row["Email"] for row in rows) == ["bob@example.org", "eve@example.org"]
    assert all(row["Which scale matters most?"] == "city" for row in rows)


def test_consultation_pages_link_to_their_responses_in_the_admin(client, admin_user, consultation):
    client.force_login(admin_user)
    target = f"/admin/seismic/consultation-responses/?consultation={consultation.translation_key}"
    explorer = client.get(reverse("wagtailadmin_explore", args=[consultation.get_parent().pk])).content.decode()
    assert target in explorer
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert target in editor
