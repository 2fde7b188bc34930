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

import datetime  # noqa: E402 (imports of this section kept in it, to keep the sections apart)

from django.utils import timezone  # noqa: E402

from seismic_wagtail.networks.models import (  # noqa: E402
    EventPage,
    NetworkCoordinator,
    NetworkIndexPage,
    NetworkJoinRequest,
    NetworkMember,
    NetworkPage,
    NetworkTheme,
)


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Networks"
    intro = "<p>The national networks of SEiSMiC.</p>"

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Network {n}")
    country = "AT"
    intro = "Urban actors who run innovative projects in their cities."
    contact_name = "Network office"
    contact_email = "network@example.org"

    class Meta:
        model = NetworkPage


class NetworkCoordinatorFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = NetworkCoordinator


class NetworkThemeFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    theme = factory.SubFactory(ThemeFactory)

    class Meta:
        model = NetworkTheme


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NetworkPageFactory)
    person_name = factory.Sequence(lambda n: f"Member {n}")
    role = "Project lead"
    project_title = factory.Sequence(lambda n: f"Project {n}")
    project_description = "A neighbourhood project that brings residents and the city together."
    city = "Vienna"
    show_publicly = True

    class Meta:
        model = NetworkMember


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    time_zone = "Europe/Brussels"
    venue = "City Hall"
    address = "Grand-Place 1\n1000 Brussels"
    description = "<p>A workshop of the network.</p>"

    class Meta:
        model = EventPage


class NetworkJoinRequestFactory(factory.django.DjangoModelFactory):
    network = factory.SubFactory(NetworkPageFactory)
    name = factory.Sequence(lambda n: f"Applicant {n}")
    organisation = "Neighbourhood association"
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    city = "Graz"
    project_description = "Community gardens on vacant lots."
    consent = True
    language = "en"

    class Meta:
        model = NetworkJoinRequest

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
# --- search ------------------------------------------------------------------------------------------


class SearchPageFactory(wagtail_factories.PageFactory):
    title = "Search"
    slug = "search"

    class Meta:
        model = "seismic_search.SearchPage"


class SearchTestEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test event {n}")
    summary = "An event of the network."

    class Meta:
        model = "searchapp.SearchTestEventPage"


# --- test app ----------------------------------------------------------------------------------------


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = "testapp.SimpleTestPage"
