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
    client.force_login(user_with("view_networkjoinrequest"))
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
