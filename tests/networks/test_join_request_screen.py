"""A join request is decided on one screen: the application as the visitor sent it (read-only) above the decision
form (status and internal notes), with the personal-data rule, the permissions and the audit log unchanged."""

import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from seismic_wagtail.networks.models import JoinRequestStatus
from tests.factories.networks import NetworkJoinRequestFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def user_with(*codenames):
    return UserFactory(permissions=["access_admin", *(f"seismic_networks.{codename}" for codename in codenames)])


@pytest.fixture
def application(network):
    return NetworkJoinRequestFactory(
        network=network,
        name="Jan Dvořák",
        organisation="Kokoza",
        email="jan@example.org",
        city="Brno",
        project_description="Rooftop gardens on schools.\nWith the pupils.",
        consent=True,
        language="cs",
    )


def edit_url(join_request):
    return reverse("seismic_networks_joinrequest:edit", args=[join_request.pk])


def section(html):
    return re.search(r'<section class="seismic-application".*?</section>', html, re.S).group(0)


def shown_fields(html):
    return re.findall(r'<div data-field="(\w+)">', section(html))


def test_the_application_is_above_the_decision_on_the_edit_screen(client, application):
    client.force_login(user_with("view_networkjoinrequest", "change_networkjoinrequest", "view_personal_data"))
    html = client.get(edit_url(application)).content.decode()
    application_html = section(html)
    assert shown_fields(html) == [
        "network",
        "name",
        "organisation",
        "email",
        "city",
        "project_description",
        "consent",
        "language",
        "created_at",
    ]
    for text in (
        "Jan Dvořák",
        "Kokoza",
        "Brno",
        application.network.title,
        "Rooftop gardens on schools.<br>With the pupils.",
    ):
        assert text in application_html
    assert '<a href="mailto:jan@example.org">jan@example.org</a>' in application_html
    assert "(cs)" in application_html  # the form's language, named
    # Read-only: no field of the application is an input; the form has the decision's fields only, below it.
    assert "<input" not in application_html and "<textarea" not in application_html
    form = html[html.index('id="w-editor-form"') :]
    assert html.index("seismic-application") < html.index('id="w-editor-form"')
    assert 'name="status"' in form and 'name="notes"' in form
    assert 'name="email"' not in html and 'name="project_description"' not in html
    assert html.index('id="seismic-application-heading"') < html.index('id="seismic-decision-heading"')


def test_without_the_personal_data_permission_the_application_leaves_out_the_applicant(client, application):
    client.force_login(user_with("view_networkjoinrequest", "change_networkjoinrequest"))
    html = client.get(edit_url(application)).content.decode()
    assert shown_fields(html) == ["network", "consent", "language", "created_at"]
    for personal in ("Jan Dvořák", "Kokoza", "jan@example.org", "Brno", "Rooftop gardens"):
        assert personal not in html
    assert "shown only to users who may see the personal data" in section(html)


def test_deciding_on_the_one_screen_keeps_the_audit_log(client, application):
    user = user_with("view_networkjoinrequest", "change_networkjoinrequest", "view_personal_data")
    client.force_login(user)
    response = client.post(edit_url(application), {"status": JoinRequestStatus.ACCEPTED, "notes": "Call on Monday."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == JoinRequestStatus.ACCEPTED and application.name == "Jan Dvořák"
    entry = ModelLogEntry.objects.for_instance(application).get()
    assert entry.action == "wagtail.edit" and entry.user_id == user.pk


def test_view_permission_alone_has_no_edit_screen(client, application):
    """Deciding still needs "change" (coordinators' per-network scoping: ``tests/networks/test_roles.py``)."""
    client.force_login(user_with("view_networkjoinrequest", "view_personal_data"))
    assert client.get(edit_url(application)).status_code == 302
