"""No personal data in any response: join requests, members not shown publicly, consultation respondents."""

import json
import uuid

import pytest

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse, ModerationStatus
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.networks import EventPageFactory, NetworkJoinRequestFactory, NetworkMemberFactory

pytestmark = pytest.mark.django_db

SECRETS = (
    "Jane Applicant",
    "jane.applicant@example.org",
    "Hidden Member",
    "Rita Respondent",
    "rita.respondent@example.org",
    "Respondent's own words",
)


def test_no_personal_data_in_any_response(get_json, story, austria, root_page):
    NetworkJoinRequestFactory(network=austria, name="Jane Applicant", email="jane.applicant@example.org")
    NetworkMemberFactory(page=austria, person_name="Hidden Member", show_publicly=False)
    event = EventPageFactory(parent=austria)
    consultation = ConsultationPageFactory(parent=root_page, slug="agenda", results_visibility="live")
    response = ConsultationResponse.objects.create(
        consultation_key=consultation.translation_key,
        page=consultation,
        locale=consultation.locale,
        token=uuid.uuid4(),
        respondent_type="citizen",
        country="SE",
        consent="public",
        name="Rita Respondent",
        email="rita.respondent@example.org",
    )
    [text_question] = [question for question in consultation.get_questions() if question.kind == "text"]
    ConsultationAnswer.objects.bulk_create(
        [
            ConsultationAnswer.for_response(
                response, text_question, text="Respondent's own words", moderation=ModerationStatus.APPROVED
            ),
        ]
    )
    pages = {"stories": story, "networks": austria, "events": event, "consultations": consultation}
    bodies = []
    for endpoint, page in pages.items():
        for params in ({}, {"fields": "*"}):
            bodies.append(get_json(f"{endpoint}/", **params))
        bodies.append(get_json(f"{endpoint}/{page.pk}/"))
    assert get_json(f"consultations/{consultation.pk}/")["results"]["respondents"] == 1
    text = json.dumps(bodies)
    for secret in SECRETS:
        assert secret not in text
