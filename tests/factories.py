"""factory-boy / wagtail-factories factories for every model of the package.

Translatable models default to the default locale (English); pass ``locale=`` for another.
Sections are kept per app; add a model's factory in its app's section when the model is added.
"""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from seismic_wagtail.consultations.models import ConsultationPage, ConsultationResponse
from seismic_wagtail.core.models import Organisation, OrganisationType, Theme
from seismic_wagtail.stories.models import StoryPageOrganisation, StoryPageTheme


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    """Sets ``locale`` to the site's default locale unless one is given."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


# --- core --------------------------------------------------------------------------------------------


class ThemeFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "An urban challenge of the agenda."

    class Meta:
        model = Theme


class OrganisationFactory(LocaleDefaultMixin):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    organisation_type = OrganisationType.RESEARCH_INSTITUTE
    country = "AT"
    city = "Vienna"
    website = "https://example.org/"

    class Meta:
        model = Organisation


class ImageFactory(wagtail_factories.ImageFactory):
    """A real (tiny) image file in the in-memory storage of the test settings."""


# --- networks ----------------------------------------------------------------------------------------

# --- stories -----------------------------------------------------------------------------------------


def story_body(words=0):
    """A story body (StreamField JSON) with the four sections; ``words`` adds that many words of filler."""
    import json

    filler = " ".join(["word"] * words)
    return json.dumps(
        [
            {"type": "challenge", "value": {"heading": "", "text": "<p>Empty shops on the main street.</p>"}},
            {"type": "approach", "value": {"heading": "What we did", "text": f"<p>Residents ran pop-up shops. {filler}</p>"}},
            {"type": "results", "value": {"heading": "", "text": "<p>Twelve shops reopened.</p>"}},
            {"type": "lessons", "value": {"heading": "", "text": "<p>Start small and share the keys.</p>"}},
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "12", "label": "shops reopened"}]}},
        ]
    )


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    intro = "<p>Good practices from the SEiSMiC networks.</p>"

    class Meta:
        model = "seismic_stories.StoryIndexPage"


class StoryPageFactory(wagtail_factories.PageFactory):
    """A live story; ``themes=[...]`` and ``organisations=[...]`` add the inline rows.

    ``first_published_at`` grows with the sequence, so later stories are newer.
    """

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "Residents turned empty shops into a neighbourhood hub."
    city = "Vienna"
    country = "AT"
    start_year = 2015
    body = factory.LazyFunction(story_body)
    first_published_at = factory.Sequence(
        lambda n: datetime.datetime(2015, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(hours=n)
    )

    class Meta:
        model = "seismic_stories.StoryPage"
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        for theme in extracted or []:
            StoryPageTheme.objects.create(page=obj, theme=theme)

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        for organisation in extracted or []:
            StoryPageOrganisation.objects.create(page=obj, organisation=organisation)

# --- consultations -----------------------------------------------------------------------------------


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
                "choices": choices(("neighbourhood", "The neighbourhood"), ("city", "The city"), ("region", "The region")),
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


# --- test app ----------------------------------------------------------------------------------------


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = "testapp.SimpleTestPage"
