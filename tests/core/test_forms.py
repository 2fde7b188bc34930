import pytest
from django import forms
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from seismic_wagtail.core.forms import HoneypotFormMixin
from seismic_wagtail.core.ratelimit import check_rate_limit, client_ip, enforce_rate_limit, rate_limited_response


class ContactForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(label="Name", help_text="Your full name")


def test_honeypot_empty_is_a_person():
    form = ContactForm(data={"name": "Ada"})
    assert form.is_valid() and not form.is_bot()


def test_honeypot_filled_is_a_bot():
    form = ContactForm(data={"name": "Ada", "seismic_hp_website": "http://spam.example"})
    assert form.is_valid() and form.is_bot()


def test_honeypot_is_not_a_visible_field():
    assert [field.name for field in ContactForm().visible_fields()] == ["name"]


def test_field_include_links_errors_and_help_for_assistive_technology():
    form = ContactForm(data={"name": ""})
    form.is_valid()
    html = Template('{% include "seismic_wagtail/core/includes/field.html" with field=form.name %}').render(
        Context({"form": form})
    )
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_errors"' in html
    assert 'id="id_name_errors"' in html and "This field is required." in html


@pytest.fixture
def rf_request():
    cache.clear()
    return RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")


def test_rate_limit_allows_up_to_limit_then_refuses(rf_request):
    results = [check_rate_limit(rf_request, "test", limit=3, period=60) for _ in range(5)]
    assert results == [True, True, True, False, False]


def test_rate_limit_counts_clients_and_scopes_apart(rf_request):
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.1")
    for _ in range(3):
        check_rate_limit(rf_request, "test", limit=3, period=60)
    assert not check_rate_limit(rf_request, "test", limit=3, period=60)
    assert check_rate_limit(other, "test", limit=3, period=60)
    assert check_rate_limit(rf_request, "other-scope", limit=3, period=60)


def test_rate_limit_zero_means_off(rf_request):
    assert all(check_rate_limit(rf_request, "test", limit=0, period=60) for _ in range(10))


@override_settings(SEISMIC_WAGTAIL={"CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"})
def test_client_ip_from_trusted_proxy_header():
    # The proxy appended the client's address; the first one came from the client (tests/ratelimit/ for more).
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_rate_limited_response_is_429_with_retry_after(rf_request):
    response = rate_limited_response(rf_request, period=60).render()
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "try again in 60 seconds" in response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "scope"), [("CONSULTATION", "consultation"), ("JOIN_REQUEST", "network-join")], ids=str.lower
)
def test_enforce_rate_limit_reads_the_forms_settings_and_answers_429(rf_request, prefix, scope):
    with override_settings(SEISMIC_WAGTAIL={f"{prefix}_RATE_LIMIT": 2, f"{prefix}_RATE_PERIOD": 90}):
        assert enforce_rate_limit(rf_request, scope, prefix) is None
        assert enforce_rate_limit(rf_request, scope, prefix) is None
        response = enforce_rate_limit(rf_request, scope, prefix).render()
    assert response.status_code == 429 and response["Retry-After"] == "90"
    assert "try again in 90 seconds" in response.content.decode()


@override_settings(SEISMIC_WAGTAIL={"CONSULTATION_RATE_LIMIT": 0})
def test_enforce_rate_limit_off_with_a_zero_limit(rf_request):
    assert all(enforce_rate_limit(rf_request, "consultation", "CONSULTATION") is None for _ in range(20))
