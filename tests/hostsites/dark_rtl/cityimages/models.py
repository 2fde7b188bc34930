"""The city's image model: Wagtail's image with a photo credit (``WAGTAILIMAGES_IMAGE_MODEL``)."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CityImage(AbstractImage):
    credit = models.CharField("photo credit", max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class CityRendition(AbstractRendition):
    image = models.ForeignKey(CityImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
