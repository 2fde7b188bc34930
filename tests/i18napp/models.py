"""Page types used only by the multilingual tests (tests/i18n): a network and a story, standing in for the
domain apps' page types, which follow the same protocol (``country``, ``network``, inline themes).
"""

from django.db import models
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from seismic_wagtail.core.pages import SeismicPageMixin


class TestNetworkPage(SeismicPageMixin, Page):
    """A national network: its pages and stories are "in" it."""

    __test__ = False  # a model, not a pytest test class

    intro = models.TextField(blank=True)
    country = CountryField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("country")]
    override_translatable_fields = [SynchronizedField("country", overridable=False)]
    template = "i18napp/page.html"


class TestStoryPage(SeismicPageMixin, Page):
    """A story with translated text, synchronised facts and inline themes (snippet rows)."""

    __test__ = False

    body = RichTextField(blank=True)
    country = CountryField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    network = models.ForeignKey(TestNetworkPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        FieldPanel("country"),
        FieldPanel("published_on"),
        FieldPanel("network"),
        InlinePanel("story_themes"),
    ]
    override_translatable_fields = [
        SynchronizedField("country", overridable=False),
        SynchronizedField("published_on", overridable=False),
    ]
    template = "i18napp/page.html"


class TestStoryTheme(TranslatableMixin, Orderable):
    """A story's theme: an inline row pointing at a ``Theme`` snippet. Translatable, so that wagtail-localize
    synchronises the rows and points each at the target locale's translation of the theme."""

    __test__ = False

    page = ParentalKey(TestStoryPage, on_delete=models.CASCADE, related_name="story_themes")
    theme = models.ForeignKey("seismic_core.Theme", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
