"""Factories of the test app (``tests.testapp``): a plain page type that extends the site's base template."""

import factory
import wagtail_factories

from tests.testapp.models import SimpleTestPage


class SimpleTestPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test page {n}")
    body = "A page body."

    class Meta:
        model = SimpleTestPage
