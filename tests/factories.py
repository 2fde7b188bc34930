"""factory-boy / wagtail-factories factories for every model of the package.

Translatable models default to the default locale (English); pass ``locale=`` for another.
Sections are kept per app; add a model's factory in its app's section when the model is added.
"""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

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


# --- test app ----------------------------------------------------------------------------------------


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = "testapp.SimpleTestPage"
