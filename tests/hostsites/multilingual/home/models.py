from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page


class HomePage(Page):
    hero = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    welcome = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("hero"), FieldPanel("welcome")]


class ContentPage(Page):
    summary = models.CharField(max_length=255, blank=True)
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
