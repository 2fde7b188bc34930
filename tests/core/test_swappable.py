"""Image foreign keys follow the site's image model (WAGTAILIMAGES_IMAGE_MODEL), in models and migrations."""

from pathlib import Path

from django.apps import apps
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

import seismic_wagtail

PACKAGE = Path(seismic_wagtail.__file__).parent


def test_every_image_foreign_key_points_at_the_configured_image_model():
    image_keys = [
        field
        for model in apps.get_models()
        if model._meta.app_label.startswith("seismic_")
        for field in model._meta.get_fields()
        if field.is_relation
        and field.many_to_one
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, AbstractImage)
    ]
    assert {f"{field.model.__name__}.{field.name}" for field in image_keys} >= {
        "Organisation.logo",
        "StoryPage.hero_image",
    }
    assert all(field.related_model is get_image_model() for field in image_keys)


def test_migrations_name_no_image_model_literally():
    """A migration that says 'wagtailimages.image' would make a site with its own image model fail to migrate."""
    literal = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.glob("*/migrations/*.py")
        if "wagtailimages.image" in path.read_text().lower() or "'wagtailimages'," in path.read_text()
    ]
    assert literal == []
