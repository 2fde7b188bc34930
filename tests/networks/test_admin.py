"""The join requests in the admin: visible only with the view permission, status editable, export."""

import csv
import io

import pytest
from django.urls import reverse

from seismic_wagtail.networks.models import JoinRequestStatus, NetworkJoinRequest
from tests.factories.networks import NetworkJoinRequestFactory, NetworkPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "seismic_networks_joinrequest:index"


def user_with(*codenames):
    """An admin user with these permissions of the networks app."""
    return UserFactory(permissions=["access_admin", *(f"seismic_networks.{codename}" for codename in codenames)])


@pytest.fixture
def join_request(network):
    return NetworkJoinRequestFactory(network=network, name="Jan Dvořák", city="Brno")


def test_editor_without_permission_sees_neither_menu_nor_list(client, join_request):
    client.force_login(user_with())
    assert client.get(reverse(LIST_URL)).status_code == 302  # sent back to the dashboard
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LIST_URL) not in home


def test_view_permission_lists_inspects_and_exports_but_cannot_edit(client, join_request):
    client.force_login(user_with("view_networkjoinrequest", "view_personal_data"))
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200 and "Jan Dvořák" in response.content.decode()
    assert reverse(LIST_URL) in client.get(reverse("wagtailadmin_home")).content.decode()
    inspect = client.get(reverse("seismic_networks_joinrequest:inspect", args=[join_request.pk]))
    assert inspect.status_code == 200 and "Brno" in inspect.content.decode()
    edit = client.get(reverse("seismic_networks_joinrequest:edit", args=[join_request.pk]))
    assert edit.status_code == 302


def test_nobody_adds_join_requests_in_the_admin(admin_client, join_request):
    assert admin_client.get(reverse("seismic_networks_joinrequest:add")).status_code == 302
    assert reverse("seismic_networks_joinrequest:add") not in admin_client.get(reverse(LIST_URL)).content.decode()


def test_change_permission_sets_the_status(client, join_request):
    client.force_login(user_with("view_networkjoinrequest", "change_networkjoinrequest"))
    url = reverse("seismic_networks_joinrequest:edit", args=[join_request.pk])
    form_html = client.get(url).content.decode()
    assert 'name="status"' in form_html and 'name="email"' not in form_html  # what the visitor sent stays as sent
    response = client.post(url, {"status": JoinRequestStatus.ACCEPTED, "notes": "Welcome call on Monday."})
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "accepted" and join_request.notes == "Welcome call on Monday."
    assert join_request.email.endswith("@example.org")


def test_list_filters_by_status_and_country_and_searches(admin_client, network, network_index):
    NetworkJoinRequestFactory(network=network, name="Anna Accepted", status="accepted")
    NetworkJoinRequestFactory(network=network, name="Nora New")
    italy = NetworkPageFactory(parent=network_index, country="IT", slug="italy")
    NetworkJoinRequestFactory(network=italy, name="Luca Rossi", project_description="Orti urbani a Bologna")
    url = reverse(LIST_URL)

    html = admin_client.get(url, {"status": "accepted"}).content.decode()
    assert "Anna Accepted" in html and "Nora New" not in html
    html = admin_client.get(url, {"network__country": "IT"}).content.decode()
    assert "Luca Rossi" in html and "Nora New" not in html
    html = admin_client.get(url, {"q": "Bologna"}).content.decode()
    assert "Luca Rossi" in html and "Anna Accepted" not in html


def test_export_csv_and_xlsx(admin_client, join_request):
    response = admin_client.get(reverse(LIST_URL), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == "Jan Dvořák"
    assert rows[0]["Network"] == join_request.network.title
    assert rows[0]["Country"] == "AT"
    assert rows[0]["Status"] == "New"
    response = admin_client.get(reverse(LIST_URL), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_deleting_a_network_page_deletes_its_requests(join_request):
    join_request.network.delete()
    assert not NetworkJoinRequest.objects.exists()


# --- personal data: the applicant's name, organisation, email, city and project need view_personal_data ---

PERSONAL = ("Jan Dvořák", "Brno", "jan@example.org", "Orti urbani", "Neighbourhood association")


@pytest.fixture
def applicant(network):
    return NetworkJoinRequestFactory(
        network=network, name="Jan Dvořák", city="Brno", email="jan@example.org", project_description="Orti urbani"
    )


def export_text(client, export_format):
    response = client.get(reverse(LIST_URL), {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export_format == "csv":
        return content.decode()
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


@pytest.mark.parametrize("personal", [False, True])
def test_listing_shows_personal_data_only_with_the_permission(client, applicant, personal):
    client.force_login(user_with("view_networkjoinrequest", *(["view_personal_data"] if personal else [])))
    html = client.get(reverse(LIST_URL)).content.decode()
    assert applicant.network.title in html and "New" in html
    assert all((value in html) == personal for value in ("Jan Dvořák", "Brno", "Neighbourhood association"))


@pytest.mark.parametrize("personal", [False, True])
def test_inspect_view_shows_personal_data_only_with_the_permission(client, applicant, personal):
    client.force_login(user_with("view_networkjoinrequest", *(["view_personal_data"] if personal else [])))
    html = client.get(reverse("seismic_networks_joinrequest:inspect", args=[applicant.pk])).content.decode()
    assert applicant.network.title in html
    assert all((value in html) == personal for value in PERSONAL)


@pytest.mark.parametrize("personal", [False, True])
def test_search_by_email_only_with_the_permission(client, applicant, network, personal):
    NetworkJoinRequestFactory(network=network, email="other@example.org", created_at=applicant.created_at)
    client.force_login(user_with("view_networkjoinrequest", *(["view_personal_data"] if personal else [])))
    response = client.get(reverse(LIST_URL), {"q": "jan@example.org"})
    rows = response.content.decode().count(reverse("seismic_networks_joinrequest:inspect", args=[applicant.pk]))
    listed = len(response.context["object_list"])
    # With the permission the search finds the one request; without it the search does not read the email
    # (every request stays listed, nothing is revealed by what matches).
    assert (listed, rows > 0) == ((1, True) if personal else (2, True))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("personal", [False, True])
def test_export_includes_personal_data_only_with_the_permission(client, applicant, personal, export_format):
    client.force_login(user_with("view_networkjoinrequest", *(["view_personal_data"] if personal else [])))
    text = export_text(client, export_format)
    assert applicant.network.title in text and "New" in text
    assert all((value in text) == personal for value in PERSONAL)


# --- "Erase or anonymise by email" covers join requests (core.personal_data), for users who may delete ---

ERASE_URL = "seismic_erase_personal_data"


def consultation_response(root_page, email):
    from tests.factories.consultations import ConsultationPageFactory, ConsultationResponseFactory

    page = ConsultationPageFactory(parent=root_page, slug="agenda")
    return ConsultationResponseFactory(page=page, email=email, name="Jan")


def test_erase_by_email_covers_join_requests_and_responses(client, admin_user, applicant, root_page):

    response = consultation_response(root_page, "JAN@example.org")
    client.force_login(admin_user)
    html = client.get(reverse(LIST_URL)).content.decode()
    assert reverse(ERASE_URL) in html  # the button of the join-request listing
    page = client.get(reverse(ERASE_URL)).content.decode()
    assert "join requests" in page and "consultation responses" in page
    result = client.post(reverse(ERASE_URL), {"email": "jan@example.org", "action": "anonymise"}, follow=True)
    messages = [str(message) for message in result.context["messages"]]
    assert "Join requests: 1 erased." in messages and "Consultation responses: 1 anonymised." in messages
    assert not NetworkJoinRequest.objects.exists()
    response.refresh_from_db()
    assert response.email == "" and response.anonymised_at is not None


def test_erase_view_acts_only_where_the_user_may_delete(client, applicant, root_page):
    from seismic_wagtail.consultations.models import ConsultationResponse

    consultation_response(root_page, "jan@example.org")
    client.force_login(user_with("view_networkjoinrequest", "delete_networkjoinrequest"))
    assert reverse(ERASE_URL) in client.get(reverse(LIST_URL)).content.decode()
    page = client.get(reverse(ERASE_URL)).content.decode()
    assert "join requests" in page and "consultation responses" not in page
    client.post(reverse(ERASE_URL), {"email": "jan@example.org", "action": "erase"})
    assert not NetworkJoinRequest.objects.exists() and ConsultationResponse.objects.count() == 1


def test_erase_view_refused_without_any_delete_permission(client, applicant):
    client.force_login(user_with("view_networkjoinrequest", "view_personal_data", "change_networkjoinrequest"))
    assert reverse(ERASE_URL) not in client.get(reverse(LIST_URL)).content.decode()
    assert client.get(reverse(ERASE_URL))["Location"] == reverse("wagtailadmin_home")
    client.post(reverse(ERASE_URL), {"email": "jan@example.org", "action": "erase"})
    assert NetworkJoinRequest.objects.count() == 1
