"""Admin: response listing with filters, CSV/XLSX exports that neutralise formulas, personal data permission,
erasure view, dashboard panel."""

import csv
import io
import re

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
    # Visitor-facing labels, not the stored keys.
    assert eve["Which scale matters most?"] == "The city"
    assert eve["Who should take part?"] == "Citizens; Researchers"
    assert eve["Rank the funding priorities"] == "Energy; Housing"
    # A rating names its agenda item: five ratings no longer share one heading.
    assert eve["Urban governance: How important is this section?"] == "4"
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
    assert "The city" in text  # the other answers are there


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
    assert all(row["Which scale matters most?"] == "The city" for row in rows)


def test_consultation_pages_link_to_their_responses_in_the_admin(client, admin_user, consultation):
    client.force_login(admin_user)
    target = f"/admin/seismic/consultation-responses/?consultation={consultation.translation_key}"
    explorer = client.get(reverse("wagtailadmin_explore", args=[consultation.get_parent().pk])).content.decode()
    assert target in explorer
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert target in editor


# --- labels, answers without a consultation filter, inspecting one response -------------------------------


def export_rows(client, **params):
    response = client.get(reverse(INDEX), {"export": "csv", **params})
    assert response.status_code == 200
    return response, list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_export_uses_the_labels_visitors_saw(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    _response, rows = export_rows(client, consultation=str(consultation.translation_key))
    bob = next(row for row in rows if row["Email"] == "bob@example.org")
    assert bob["Respondent type"] == "Academic or research institution"
    assert bob["Country"] == "Sweden"
    assert bob["Publication"] == "Publish my response anonymously"
    assert bob["Language"] == "English"
    assert "academic" not in bob.values() and "SE" not in bob.values() and "anonymous" not in bob.values()


def test_export_labels_follow_the_admin_users_language(client, admin_user, responses, consultation, locales):
    from tests.translations import publish_translation

    publish_translation(
        consultation, locales["de"], {"The city": "Die Stadt", "Which scale matters most?": "Welche Ebene?"}
    )
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(admin_user)
    UserProfile.objects.filter(user=admin_user).update(preferred_language="de")
    client.force_login(admin_user)
    _response, rows = export_rows(client, consultation=str(consultation.translation_key))
    assert {row["Welche Ebene?"] for row in rows} == {"Die Stadt"}
    assert {row["Land"] for row in rows} == {"Türkei", "Schweden"}


def test_export_without_a_consultation_filter_says_it_has_no_answers(client, admin_user, responses, consultation):
    client.force_login(admin_user)
    html = client.get(reverse(INDEX)).content.decode()
    assert "Filter by one consultation to export its answers." in html
    filtered = client.get(reverse(INDEX), {"consultation": str(consultation.translation_key)}).content.decode()
    assert "Filter by one consultation to export its answers." not in filtered
    response, rows = export_rows(client)
    assert "consultation-responses-without-answers.csv" in response["Content-Disposition"]
    assert len(rows) == 2 and "Which scale matters most?" not in rows[0]
    response, _rows = export_rows(client, consultation=str(consultation.translation_key))
    assert f"consultation-responses-{consultation.slug}.csv" in response["Content-Disposition"]


def test_listing_shows_labels_and_links_each_response_to_its_answers(client, admin_user, responses):
    client.force_login(admin_user)
    html = client.get(reverse(INDEX)).content.decode()
    assert "Academic or research institution" in html and ">academic<" not in html
    assert "Publish my response anonymously" in html
    assert "Sweden" in html and "Türkiye" in html
    for response in responses:
        assert reverse("seismic_consultation_responses:inspect", args=[response.pk]) in html


def test_inspect_view_shows_every_answer_with_its_question_and_agenda_item(client, admin_user, responses):
    client.force_login(admin_user)
    eve = responses.get(country="TR")
    html = client.get(reverse("seismic_consultation_responses:inspect", args=[eve.pk])).content.decode()
    assert "Urban governance: How important is this section?" in html
    assert re.search(r"Urban governance: How important is this section\?\s*</dt>\s*<dd>\s*4\s*</dd>", html)
    for label in ("The city", "Citizens", "Researchers", "Energy", "Housing", "Anything else?", "HYPERLINK"):
        assert label in html, label
    assert "eve@example.org" in html and "Türkiye" in html
    assert "Publish my response anonymously" in html and "Citizen" in html
    assert re.search(r"<dt>Confirmed</dt>\s*<dd>\s*Yes\s*</dd>", html)


def test_inspect_view_hides_personal_data_and_free_text_without_permission(client, responses):
    client.force_login(staff_user(personal=False))
    eve = responses.get(country="TR")
    response = client.get(reverse("seismic_consultation_responses:inspect", args=[eve.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "eve@example.org" not in html and "Eve" not in html and "Malmö" not in html
    assert "HYPERLINK" not in html and "Anything else?" not in html
    assert "The city" in html and "Free-text answers are shown only" in html
    client.force_login(staff_user(personal=True))
    html = client.get(reverse("seismic_consultation_responses:inspect", args=[eve.pk])).content.decode()
    assert "eve@example.org" in html and "HYPERLINK" in html


def test_inspect_view_query_count_is_constant(client, admin_user, responses, consultation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin_user)
    url = reverse("seismic_consultation_responses:inspect", args=[responses[0].pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    ConsultationResponseFactory.create_batch(20, page=consultation)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
