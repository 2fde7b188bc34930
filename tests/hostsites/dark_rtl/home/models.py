"""The city's own page types: home page, plain content pages, and news with a yearly archive."""

from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page


class HomePage(Page):
    intro = models.TextField(blank=True)
    banner = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("banner"), FieldPanel("body")]


class StandardPage(Page):
    intro = models.TextField(blank=True)
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]


class NewsIndexPage(RoutablePageMixin, Page):
    """The city's news, with an archive per year at ``archive/<year>/``."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.NewsItemPage"]

    def news(self):
        return NewsItemPage.objects.child_of(self).live().order_by("-date")

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"items": self.news()})

    @path("archive/<int:year>/")
    def archive(self, request, year):
        return TemplateResponse(
            request,
            "home/news_archive.html",
            {"page": self, "year": year, "items": self.news().filter(date__year=year)},
        )


class NewsItemPage(Page):
    date = models.DateField()
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("body")]
    parent_page_types = ["home.NewsIndexPage"]
