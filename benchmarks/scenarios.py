"""The benchmark scenarios. Each returns table rows; ratios are to a floor measured in the same run."""

from dataclasses import dataclass
from typing import Callable

from .measure import measure_get


def bare_page_url():
    """A plain Wagtail page (the test app's ``SimpleTestPage`` in the same base template): the floor."""
    from wagtail.models import Page, Site

    from tests.testapp.models import SimpleTestPage

    root = Site.objects.get(is_default_site=True).root_page
    page = SimpleTestPage.objects.filter(slug="bench-bare").first()
    if page is None:
        page = SimpleTestPage(title="Bare page", slug="bench-bare", body="A bare Wagtail page.")
        root.add_child(instance=page)
        page.save_revision().publish()
    return Page.objects.get(pk=page.pk).url


def bare_page(database):
    result = measure_get(bare_page_url(), repeat=30)
    return [
        {
            "benchmark": "Bare Wagtail page (the floor)",
            "size": "1 page",
            "queries": result["queries"],
            "median_ms": round(result["median_s"] * 1000, 2),
            "ratio": 1.0,
            "target": "-",
            "met": None,
        }
    ]


@dataclass
class Scenario:
    title: str
    run: Callable
    databases: tuple = ("sqlite", "postgresql")


SCENARIOS = [
    Scenario("Bare Wagtail page", bare_page),
]
