"""The join form's limits (issue #15): every field has a length limit, control characters are refused."""

import pytest

from seismic_wagtail.core.forms import VISITOR_TEXT_MAX_LENGTH
from seismic_wagtail.networks.forms import JoinRequestForm
from seismic_wagtail.networks.models import NetworkJoinRequest

from .test_join import VALID, join_url

pytestmark = pytest.mark.django_db


def test_a_megabyte_description_is_refused(client, network):
    response = client.post(join_url(network), {**VALID, "project_description": "x" * 2_400_000})
    assert response.status_code == 200 and 'id="id_project_description_errors"' in response.content.decode()
    assert NetworkJoinRequest.objects.count() == 0


def test_a_description_at_the_cap_is_stored(client, network):
    response = client.post(join_url(network), {**VALID, "project_description": "x" * VISITOR_TEXT_MAX_LENGTH})
    assert response.status_code == 302
    assert len(NetworkJoinRequest.objects.get().project_description) == VISITOR_TEXT_MAX_LENGTH


@pytest.mark.parametrize("field", ["name", "organisation", "city", "project_description"])
def test_control_characters_are_refused(client, network, field):
    response = client.post(join_url(network), {**VALID, field: "Praha\x1b[2J"})
    assert response.status_code == 200 and "Remove the control characters from" in response.content.decode()
    assert NetworkJoinRequest.objects.count() == 0


def test_every_field_has_the_limit_of_its_column(network):
    form = JoinRequestForm(network=network)
    for name in ("name", "organisation", "email", "city", "project_description"):
        column = NetworkJoinRequest._meta.get_field(name).max_length or VISITOR_TEXT_MAX_LENGTH
        assert form.fields[name].max_length == column, name
        assert f'maxlength="{column}"' in str(form[name])
