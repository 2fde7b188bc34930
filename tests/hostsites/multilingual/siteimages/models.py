"""Beispielburg's image model (``WAGTAILIMAGES_IMAGE_MODEL``): Wagtail's image with its licence."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class SiteImage(AbstractImage):
    licence = models.CharField(max_length=100, blank=True, help_text="For example CC BY 4.0")

    admin_form_fields = Image.admin_form_fields + ("licence",)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
