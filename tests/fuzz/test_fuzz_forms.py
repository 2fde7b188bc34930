"""The package's public forms with generated submissions: no server error, and nothing stored from invalid
input. A submission is stored only when the form accepted it (a redirect), and what is stored keeps the
visitor-text rule (no control characters, the column limits, each choice once)."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse
from seismic_wagtail.core.forms import VISITOR_TEXT_MAX_LENGTH, has_control_characters
from seismic_wagtail.networks.models import NetworkJoinRequest
from tests.consultations.conftest import answer_data
from tests.networks.test_join import VALID

from .inputs import form_posts, known_gap_posts, long_email, oversize_field_posts, repeated_field_posts
from .reporting import record

pytestmark = pytest.mark.django_db

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
TOKEN = "@TOKEN@"

#: The valid submissions of the consultation and join tests, with a placeholder for the submission token.
CONSULTATION_VALID = answer_data(submission_token=TOKEN)
CONSULTATION_CHOICES = {
    "q_q-rating": ["1", "5", "0", "6", "٣", "²"],
    "q_q-single": ["neighbourhood", "city", "region"],
    "q_q-multiple": ["citizens", "business", "researchers"],
    "q_q-ranking_0": ["housing", "mobility", "energy", ""],
    "q_q-ranking_1": ["housing", "mobility", "energy", ""],
    "respondent_type": ["citizen", "ngo", "city", "research", "business"],
    "country": ["SE", "AT", "se", "XX", ""],
    "consent": ["anonymous", "public", "none"],
    "email": ["a@b.co", "x" * 250 + "@b.co", "x" * 64 + "@" + "y" * 250 + ".org", "not an email"],
    "submission_token": [TOKEN, TOKEN, "not-a-uuid", "00000000-0000-0000-0000-000000000000"],
}

JOIN_VALID = VALID
JOIN_CHOICES = {"consent": ["on", "", "off", "true"], "seismic_hp_website": ["", "http://spam.example"]}


def post(client, route, path, content_type, body):
    body = body.replace(TOKEN.encode(), str(uuid.uuid4()).encode()).replace(b"%40TOKEN%40", uuid.uuid4().hex.encode())
    record(route)
    response = client.generic("POST", path, data=body, content_type=content_type)
    assert response.status_code < 500, (route, content_type, body[:300])
    return response


def assert_visitor_text(value, limit, what):
    assert not has_control_characters(value), (what, value[:100])
    assert len(value) <= limit, (what, len(value))


CONSULTATION_TEXT_FIELDS = ["q_q-text", "city", "name", "email", "organisation_name"]
JOIN_TEXT_FIELDS = ["name", "organisation", "email", "city", "project_description"]


#: The kinds of generated submission: mutations of a valid one (any field, any encoding), a valid one with a
#: repeated key, a valid one with an oversize (or control-character) text value.
CONSULTATION_SUBMISSIONS = {
    "mutated": form_posts(CONSULTATION_VALID, CONSULTATION_CHOICES),
    "repeated keys": repeated_field_posts(CONSULTATION_VALID),
    "oversize text": oversize_field_posts(CONSULTATION_VALID, CONSULTATION_TEXT_FIELDS),
}
#: The gaps issue #15 found by hand, always tried (Hypothesis's explicit examples) besides the generated ones.
CONSULTATION_KNOWN_GAPS = [
    known_gap_posts(CONSULTATION_VALID, {"email": long_email(300)}),
    known_gap_posts(CONSULTATION_VALID, {"q_q-multiple": ["citizens"] * 3}),
    known_gap_posts(CONSULTATION_VALID, {"q_q-text": "line\x0bbreak"}),
]
JOIN_KNOWN_GAPS = [
    known_gap_posts(JOIN_VALID, {"project_description": "x" * 2_400_000}),
    known_gap_posts(JOIN_VALID, {"name": "Eva\x1b[31m"}),
]
JOIN_SUBMISSIONS = {
    "mutated": form_posts(JOIN_VALID, JOIN_CHOICES),
    "repeated keys": repeated_field_posts(JOIN_VALID),
    "oversize text": oversize_field_posts(JOIN_VALID, JOIN_TEXT_FIELDS),
}


@pytest.mark.parametrize("kind", list(CONSULTATION_SUBMISSIONS))
def test_consultation_form_with_generated_submissions(client, fuzz_site, kind):
    page = fuzz_site.consultation
    questions = {question.id: question for question in page.question_list}

    @FUZZ
    @given(submission=CONSULTATION_SUBMISSIONS[kind])
    def run(submission):
        check(submission)

    def check(submission):
        before = ConsultationResponse.objects.count(), ConsultationAnswer.objects.count()
        last = ConsultationResponse.objects.order_by("pk").last().pk
        response = post(client, "consultation form", page.url, *submission)
        after = ConsultationResponse.objects.count(), ConsultationAnswer.objects.count()
        if response.status_code != 302:
            assert after == before, "a response was stored from a submission the form refused"
            return
        stored = ConsultationResponse.objects.filter(pk__gt=last).first()
        if stored is None:  # the honeypot: answered as a success, nothing stored
            assert after == before
            return
        for name in ("name", "email", "organisation_name", "city"):
            limit = ConsultationResponse._meta.get_field(name).max_length
            assert_visitor_text(getattr(stored, name), limit, name)
        chosen = {}
        for answer in stored.answer_rows.all():
            question = questions[answer.question_id]
            if answer.text:
                assert_visitor_text(answer.text, question.max_length, answer.question_id)
            if answer.choice:
                assert answer.choice in dict(question.choices), answer.choice
                chosen.setdefault(answer.question_id, []).append(answer.choice)
        for question_id, keys in chosen.items():
            assert len(keys) == len(set(keys)), (question_id, keys)

    if kind == "mutated":
        for submission in CONSULTATION_KNOWN_GAPS:
            check(submission)
    run()


@pytest.mark.parametrize("kind", list(JOIN_SUBMISSIONS))
def test_join_form_with_generated_submissions(client, fuzz_site, kind):
    path = fuzz_site.network.url + "join/"

    @FUZZ
    @given(submission=JOIN_SUBMISSIONS[kind])
    def run(submission):
        check(submission)

    def check(submission):
        before = NetworkJoinRequest.objects.count()
        last = NetworkJoinRequest.objects.order_by("pk").last().pk
        response = post(client, "join form POST", path, *submission)
        after = NetworkJoinRequest.objects.count()
        if response.status_code != 302:
            assert after == before, "a join request was stored from a submission the form refused"
            return
        assert after - before in (0, 1)
        for stored in NetworkJoinRequest.objects.filter(pk__gt=last):
            for name in ("name", "organisation", "email", "city", "project_description"):
                limit = NetworkJoinRequest._meta.get_field(name).max_length or VISITOR_TEXT_MAX_LENGTH
                assert_visitor_text(getattr(stored, name), limit, name)

    if kind == "mutated":
        for submission in JOIN_KNOWN_GAPS:
            check(submission)
    run()
