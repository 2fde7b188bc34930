"""The response form's error state, after the GOV.UK Design System: "There is a problem" at the top with a
link per error to its field, a specific message per question, fields in error marked, "Error:" in the
title, every answer kept; and the outcome opt-in (``notify_outcome``)."""

import pytest
from bs4 import BeautifulSoup

from seismic_wagtail.consultations.models import ConsultationResponse
from tests.factories.consultations import ConsultationPageFactory, consultation_questions

from .conftest import answer_data

pytestmark = pytest.mark.django_db

EMPTY = {
    "q_q-rating": None,
    "q_q-single": None,
    "q_q-multiple": None,
    "q_q-ranking_0": None,
    "q_q-ranking_1": None,
    "q_q-text": None,
    "respondent_type": None,
    "country": None,
    "consent": None,
    "privacy": None,
}


@pytest.fixture
def required_consultation(root_page):
    """Every question required (the factory's multiple, ranking and text questions are optional)."""
    questions = consultation_questions()
    for question in questions:
        question["value"]["required"] = True
    return ConsultationPageFactory(parent=root_page, title="Urban agenda", slug="urban-agenda", questions=questions)


def post(client, page, **overrides):
    response = client.post(page.url, answer_data(**overrides))
    return response, BeautifulSoup(response.content.decode(), "html.parser")


def summary_links(soup):
    summary = soup.select_one(".seismic-error-summary")
    assert summary is not None
    return [(link["href"], link.get_text(" ", strip=True)) for link in summary.select("a")]


def test_every_question_and_profile_field_has_its_own_message(client, required_consultation):
    response, soup = post(client, required_consultation, **EMPTY)
    assert response.status_code == 200
    summary = soup.select_one(".seismic-error-summary")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.select_one("h2").get_text(strip=True) == "There is a problem"
    assert summary_links(soup) == [
        ("#id_q_q-rating_0", "Choose how high a priority “Urban governance” should be"),
        ("#id_q_q-single_0", "Choose an answer to “Which scale matters most?”"),
        ("#id_q_q-multiple_0", "Choose at least one answer to “Who should take part?”"),
        ("#id_q_q-ranking_0", "Choose an answer for each place in “Rank the funding priorities”"),
        ("#id_q_q-text", "Enter your answer to “Anything else?”"),
        ("#id_respondent_type_0", "Choose how you are responding"),
        ("#id_country", "Choose your country"),
        ("#id_consent_0", "Choose whether we may publish your response"),
        ("#id_privacy", "Confirm that you have read the privacy notice"),
    ]
    html = response.content.decode()
    assert "This field is required." not in html and "Please correct the errors below." not in html
    assert ConsultationResponse.objects.count() == 0


def test_every_summary_link_points_at_an_input_of_the_form(client, required_consultation):
    _response, soup = post(client, required_consultation, **EMPTY)
    form = soup.select_one("form.seismic-form")
    for href, _text in summary_links(soup):
        target = form.find(id=href[1:])
        assert target is not None and target.name in ("input", "select", "textarea"), href


def test_a_partly_filled_ranking_names_its_question(client, required_consultation):
    _response, soup = post(client, required_consultation, **{"q_q-ranking_1": None})
    assert summary_links(soup) == [
        ("#id_q_q-ranking_0", "Choose an answer for each place in “Rank the funding priorities”")
    ]


def test_fields_in_error_are_marked(client, required_consultation):
    _response, soup = post(client, required_consultation, country="", **{"q_q-single": None})
    # A group: the fieldset is described by the error; the message comes before the inputs, with a hidden
    # "Error:" for screen readers; the group carries the red bar.
    single = soup.find("input", id="id_q_q-single_0").find_parent("div", class_="seismic-field")
    assert "seismic-field--error" in single["class"]
    fieldset = single.find("fieldset")
    assert "id_q_q-single_errors" in fieldset["aria-describedby"].split()
    assert "id_q_q-single_helptext" in fieldset["aria-describedby"].split()
    error = fieldset.find(id="id_q_q-single_errors")
    assert error.get_text(" ", strip=True) == "Error: Choose an answer to “Which scale matters most?”"
    assert error.select_one(".seismic-visually-hidden").get_text(strip=True) == "Error:"
    assert str(fieldset).index("id_q_q-single_errors") < str(fieldset).index('type="radio"')
    # A single input: aria-invalid and aria-describedby on the input itself.
    country = soup.find("select", id="id_country")
    assert country["aria-invalid"] == "true" and country["aria-describedby"] == "id_country_errors"
    # Fields without errors are not marked.
    assert soup.find("input", id="id_city").get("aria-invalid") is None
    assert len(soup.select(".seismic-field--error")) == 2


def test_error_goes_before_the_page_title_only_when_the_form_has_errors(client, required_consultation):
    assert client.get(required_consultation.url).content.decode().count("<title>Urban agenda</title>") == 1
    response, _soup = post(client, required_consultation, country="")
    assert "<title>Error: Urban agenda</title>" in response.content.decode()


def test_the_join_form_title_gets_error_too(client, root_page):
    from tests.factories.networks import NetworkPageFactory

    network = NetworkPageFactory(parent=root_page, title="Sweden", slug="sweden")
    url = network.url + "join/"
    assert "<title>Join Sweden</title>" in client.get(url).content.decode()
    html = client.post(url, {"name": ""}).content.decode()
    assert "<title>Error: Join Sweden</title>" in html
    soup = BeautifulSoup(html, "html.parser")
    # Django's generic messages get the field's label in the summary; the form's own ones stand alone.
    assert ("#id_consent", "Please agree to the privacy notice, or we cannot store your request.") in summary_links(
        soup
    )
    assert ("#id_name", "Your name: This field is required.") in summary_links(soup)


def test_every_answer_is_kept_when_the_form_comes_back(client, required_consultation):
    _response, soup = post(client, required_consultation, country="", notify_outcome="on")
    assert soup.find("input", attrs={"name": "q_q-rating", "value": "4"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "q_q-single", "value": "city"}).has_attr("checked")
    checked = [
        box["value"] for box in soup.find_all("input", attrs={"name": "q_q-multiple"}) if box.has_attr("checked")
    ]
    assert checked == ["citizens", "researchers"]
    assert soup.find("select", id="id_q_q-ranking_0").find("option", selected=True)["value"] == "energy"
    assert soup.find("select", id="id_q_q-ranking_1").find("option", selected=True)["value"] == "housing"
    assert soup.find("textarea", id="id_q_q-text").get_text().strip() == "More money for <b>parks</b>."
    assert soup.find("input", id="id_city")["value"] == "Malmö"
    assert soup.find("input", id="id_email")["value"] == "ada@example.org"
    assert soup.find("input", id="id_notify_outcome").has_attr("checked")
    assert soup.find("input", attrs={"name": "consent", "value": "anonymous"}).has_attr("checked")
    assert soup.find("input", id="id_privacy").has_attr("checked")


def test_the_consent_and_notify_checkboxes_sit_before_their_labels(client, required_consultation):
    soup = BeautifulSoup(client.get(required_consultation.url).content.decode(), "html.parser")
    for ident in ("id_notify_outcome", "id_privacy"):
        row = soup.find("input", id=ident).parent
        assert "seismic-checkbox" in row["class"]
        assert [child.name for child in row.find_all(recursive=False)] == ["input", "label"]
        assert row.find("label")["for"] == ident


def test_no_fieldset_inside_a_fieldset(client, required_consultation):
    soup = BeautifulSoup(client.get(required_consultation.url).content.decode(), "html.parser")
    fieldsets = soup.select("form.seismic-form fieldset")
    assert len(fieldsets) == 6  # rating, single, multiple, ranking, respondent type, consent
    assert all(fieldset.find_parent("fieldset") is None for fieldset in fieldsets)
    headings = [heading.get_text(strip=True) for heading in soup.select("form.seismic-form h3")]
    assert headings == ["Your answers", "About you", "Privacy notice"]


def test_notify_outcome_is_stored(client, required_consultation):
    response, _soup = post(client, required_consultation, notify_outcome="on")
    assert response.status_code == 302
    assert ConsultationResponse.objects.get().notify_outcome is True


def test_notify_outcome_defaults_to_off(client, required_consultation):
    response, _soup = post(client, required_consultation)
    assert response.status_code == 302
    assert ConsultationResponse.objects.get().notify_outcome is False


def test_notify_outcome_without_an_email_is_an_error(client, required_consultation):
    response, soup = post(client, required_consultation, notify_outcome="on", email="")
    assert response.status_code == 200
    assert summary_links(soup) == [("#id_email", "Enter your email address so we can tell you about the outcome")]
    assert soup.find("input", id="id_notify_outcome").has_attr("checked")  # the choice is kept
    assert ConsultationResponse.objects.count() == 0


def test_an_invalid_email_says_how_to_write_one(client, required_consultation):
    _response, soup = post(client, required_consultation, email="ada.example.org")
    assert summary_links(soup) == [("#id_email", "Enter an email address in the correct format, like name@example.com")]


def test_a_percent_sign_in_a_question_is_shown_as_it_is(client, root_page):
    questions = consultation_questions()
    questions[1]["value"]["question"] = "Is 50% (or %(more)s) enough?"
    questions[4]["value"]["question"] = "Why 100%?"
    page = ConsultationPageFactory(parent=root_page, questions=questions)
    response = client.post(page.url, answer_data(**{"q_q-single": "nowhere", "q_q-text": "x" * 201}))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert ("#id_q_q-single_0", "Choose an answer to “Is 50% (or %(more)s) enough?”") in summary_links(soup)
    assert ("#id_q_q-text", "Your answer to “Why 100%?” must be 200 characters or fewer") in summary_links(soup)
    response = client.post(page.url, answer_data(**{"q_q-single": None}))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert summary_links(soup) == [("#id_q_q-single_0", "Choose an answer to “Is 50% (or %(more)s) enough?”")]
