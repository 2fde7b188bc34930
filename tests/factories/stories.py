"""Factories of ``seismic_wagtail.stories``: the story index and stories (with their theme and organisation rows)."""

import datetime
import json

import factory
import wagtail_factories

from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, StoryPageOrganisation, StoryPageTheme


def story_body(words=0):
    """A story body (StreamField JSON) with the four sections; ``words`` adds that many words of filler."""
    filler = " ".join(["word"] * words)
    return json.dumps(
        [
            {"type": "challenge", "value": {"heading": "", "text": "<p>Empty shops on the main street.</p>"}},
            {
                "type": "approach",
                "value": {"heading": "What we did", "text": f"<p>Residents ran pop-up shops. {filler}</p>"},
            },
            {"type": "results", "value": {"heading": "", "text": "<p>Twelve shops reopened.</p>"}},
            {"type": "lessons", "value": {"heading": "", "text": "<p>Start small and share the keys.</p>"}},
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "12", "label": "shops reopened"}]}},
        ]
    )


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    intro = "<p>Good practices from the SEiSMiC networks.</p>"

    class Meta:
        model = StoryIndexPage


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
        lambda n: datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(hours=n)
    )

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        for theme in extracted or []:
            StoryPageTheme.objects.create(page=obj, theme=theme)

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        for organisation in extracted or []:
            StoryPageOrganisation.objects.create(page=obj, organisation=organisation)
