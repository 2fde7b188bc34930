"""Factories of ``seismic_wagtail.consultations``: consultation pages (agenda and questions) and responses."""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone

from seismic_wagtail.consultations.models import ConsultationPage, ConsultationResponse


def consultation_agenda():
    """Two agenda sections (raw StreamField data with fixed block ids)."""
    return [
        {
            "type": "section",
            "id": "5ec71011-0000-4000-8000-000000000001",
            "value": {"heading": "Urban governance", "theme": None, "text": "<p>Cities and citizens together.</p>"},
        },
        {
            "type": "section",
            "id": "5ec71011-0000-4000-8000-000000000002",
            "value": {"heading": "Green infrastructure", "theme": None, "text": "<p>Parks, water and trees.</p>"},
        },
    ]


def consultation_questions(required=True):
    """One question of each kind (raw StreamField data with fixed block ids: ``q-rating``, ...)."""

    def choices(*pairs):
        return [{"type": "item", "id": f"c-{key}", "value": {"key": key, "label": label}} for key, label in pairs]

    return [
        {
            "type": "rating",
            "id": "q-rating",
            "value": {
                "question": "How important is this section?",
                "help_text": "",
                "required": required,
                "agenda_section": 1,
                "theme": None,
                "low_label": "Not important",
                "high_label": "Very important",
            },
        },
        {
            "type": "single_choice",
            "id": "q-single",
            "value": {
                "question": "Which scale matters most?",
                "help_text": "Choose one.",
                "required": required,
                "choices": choices(
                    ("neighbourhood", "The neighbourhood"), ("city", "The city"), ("region", "The region")
                ),
            },
        },
        {
            "type": "multiple_choice",
            "id": "q-multiple",
            "value": {
                "question": "Who should take part?",
                "help_text": "",
                "required": False,
                "max_choices": 2,
                "choices": choices(("citizens", "Citizens"), ("business", "Business"), ("researchers", "Researchers")),
            },
        },
        {
            "type": "ranking",
            "id": "q-ranking",
            "value": {
                "question": "Rank the funding priorities",
                "help_text": "",
                "required": False,
                "positions": 2,
                "choices": choices(("housing", "Housing"), ("mobility", "Mobility"), ("energy", "Energy")),
            },
        },
        {
            "type": "text",
            "id": "q-text",
            "value": {"question": "Anything else?", "help_text": "", "required": False, "max_length": 200},
        },
    ]


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """An open consultation (opened a day ago, closes in thirty days) with one question of each kind."""

    title = factory.Sequence(lambda n: f"Consultation {n}")
    intro = "<p>Tell us what the research agenda should say.</p>"
    agenda = factory.LazyFunction(consultation_agenda)
    questions = factory.LazyFunction(consultation_questions)
    opens_at = factory.LazyFunction(lambda: (timezone.now() - datetime.timedelta(days=1)).replace(microsecond=0))
    closes_at = factory.LazyFunction(lambda: (timezone.now() + datetime.timedelta(days=30)).replace(microsecond=0))
    privacy_notice = "<p>Your response is processed by the organisers for this consultation only.</p>"
    thank_you_text = "<p>Thank you for your response.</p>"

    class Meta:
        model = ConsultationPage


class ConsultationResponseFactory(factory.django.DjangoModelFactory):
    """A confirmed response; pass ``page=`` (its translation key and locale are taken from it)."""

    page = None
    consultation_key = factory.LazyAttribute(lambda o: o.page.translation_key)
    locale = factory.LazyAttribute(lambda o: o.page.locale)
    token = factory.LazyFunction(uuid.uuid4)
    respondent_type = "citizen"
    country = "SE"
    consent = "anonymous"

    class Meta:
        model = ConsultationResponse
