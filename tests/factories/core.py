"""Factories of ``seismic_wagtail.core``: the Theme and Organisation snippets, images."""

import factory
import wagtail_factories
from wagtail.models import Locale

from seismic_wagtail.core.models import Organisation, OrganisationType, Theme


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    """Sets ``locale`` to the site's default locale unless one is given."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


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
