"""The benchmark scenarios. Each returns table rows; ratios are to a floor measured in the same run.

Sizes are module constants; ``BENCH_QUICK=1`` shrinks them for a smoke run of the harness.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass

from .measure import measure_get, measure_stream

QUICK = bool(os.environ.get("BENCH_QUICK"))
STORY_SIZES = (20, 200) if QUICK else (200, 2_000, 20_000)
RESPONSES = 2_000 if QUICK else 100_000
CLIENTS = 20
REQUESTS_PER_CLIENT = 5 if QUICK else 40
STORY_FILTER = "?theme=environment"
SEARCH_QUERY = "energy housing"


def ms(seconds):
    return round(seconds * 1000, 1)


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


def floor_row(result, size):
    return {
        "benchmark": "Bare Wagtail page (the floor)",
        "size": size,
        "queries": result["queries"],
        "median_ms": ms(result["median_s"]),
        "ratio": 1.0,
        "target": "-",
        "met": None,
    }


def stories(database):
    """The English story index with a theme filter at each size, beside the bare page measured just before."""
    from seismic_wagtail.stories.models import StoryPage

    from . import data

    site = data.StorySite()
    bare_url = bare_page_url()
    rows = []
    query_counts = []
    for size in STORY_SIZES:
        site.grow_to(size)
        listed = StoryPage.objects.live().filter(locale=site.locales["en"]).count()
        bare = measure_get(bare_url, repeat=30)
        cold = measure_get(site.url() + STORY_FILTER, repeat=1, warmup=0)  # facet counts not cached yet
        index = measure_get(site.url() + STORY_FILTER, repeat=15)
        assert index["status"] == 200, index
        query_counts.append(index["queries"])
        ratio = index["median_s"] / bare["median_s"]
        rows.append(floor_row(bare, f"{size:,} stories"))
        rows.append(
            {
                "benchmark": f"Story index, filtered (`{STORY_FILTER}`)",
                "size": f"{size:,} stories ({listed:,} listed)",
                "queries": index["queries"],
                "median_ms": ms(index["median_s"]),
                "ratio": round(ratio, 2),
                "target": "queries constant; ≤ 2x",
                "met": ratio <= 2 and len(set(query_counts)) == 1,
                "note": f"Story index at {size:,} stories, first request after a change (facet counts not cached): "
                f"{ms(cold['median_s'])} ms, {cold['queries']} queries",
            }
        )
    rows.extend(search(site, database))
    return rows


def search(site, database):
    """Search latency at the largest size: the story index's text search and the site search page."""
    from wagtail.models import Page

    from seismic_wagtail.search.models import SearchPage

    from . import data

    home = data.home_page()
    page = SearchPage.objects.filter(slug="search", locale=home.locale).first()
    if page is None:
        page = SearchPage(title="Search", slug="search")
        home.add_child(instance=page)
        page.save_revision().publish()
    size = f"{site.count:,} stories"
    query = "?q=" + SEARCH_QUERY.replace(" ", "+")
    rows = []
    for title, url in (
        (f"Search: story index `{query}`", site.url() + query),
        (f"Search: site search page `{query}`", Page.objects.get(pk=page.pk).url + query),
    ):
        result = measure_get(url, repeat=15)
        assert result["status"] == 200, result
        rows.append(
            {
                "benchmark": title + " (database backend)",
                "size": size,
                "queries": result["queries"],
                "median_ms": ms(result["median_s"]),
                "ratio": "-",
                "target": "-",
                "met": None,
            }
        )
    return rows


def consultation_results(database):
    """The public results page and the CSV/XLSX exports of ``RESPONSES`` responses."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from seismic_wagtail.consultations.models import ConsultationResponse

    from . import data

    page = data.consultation_page()
    missing = RESPONSES - ConsultationResponse.objects.filter(consultation_key=page.translation_key).count()
    if missing > 0:
        data.add_responses(page, missing)
    size = f"{RESPONSES:,} responses"
    result = measure_get(page.url + page.reverse_subpage("results"), repeat=5, warmup=1)
    assert result["status"] == 200, result
    rows = [
        {
            "benchmark": "Consultation results page",
            "size": size,
            "queries": result["queries"],
            "median_ms": ms(result["median_s"]),
            "ratio": "-",
            "target": "≤ 1,000 ms",
            "met": result["median_s"] <= 1.0,
        }
    ]
    user = get_user_model().objects.filter(username="bench-admin").first() or get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.org", "bench"
    )
    client = Client()
    client.force_login(user)
    index_url = reverse("seismic_consultation_responses:index")
    for export_format in ("csv", "xlsx"):
        url = f"{index_url}?export={export_format}&consultation={page.translation_key}"
        exported = measure_stream(url, client)
        assert exported["status"] == 200, exported
        growth_mb = exported["peak_growth"] / 2**20
        rows.append(
            {
                "benchmark": f"Responses export, {export_format.upper()}"
                + (" (streamed)" if exported["streaming"] else " (not streamed)"),
                "size": size,
                "queries": "-",
                "median_ms": ms(exported["seconds"]),
                "ratio": "-",
                "target": "peak memory growth ≤ 50 MB",
                "met": growth_mb <= 50,
                "memory_mb": round(growth_mb, 1),
                "note": f"{export_format.upper()} export of {RESPONSES:,} responses: {exported['seconds']:.1f} s, "
                f"{exported['bytes'] / 2**20:.1f} MB of file, peak RSS growth {growth_mb:.1f} MB"
                + ("" if exported["streaming"] else " (the file is built in memory, then sent)"),
            }
        )
    return rows


def submissions(database):
    """Consultation submissions through gunicorn, beside the minimal form-and-insert view, same load."""
    from django.db import connections

    from benchmarks.benchapp.models import MinimalSubmission
    from seismic_wagtail.consultations.models import ConsultationResponse

    from . import data, load
    from .run import DATABASES

    page = data.consultation_page()
    workers, threads = 2, 4
    results = {}
    for name, path, body, count in (
        ("minimal", "/bench/minimal-submit/", load.minimal_body, MinimalSubmission.objects.count),
        (
            "consultation",
            page.url,
            load.consultation_body,
            ConsultationResponse.objects.filter(consultation_key=page.translation_key).count,
        ),
    ):
        before = count()
        connections.close_all()
        with load.Gunicorn(DATABASES[database], workers=workers, threads=threads) as server:
            outcome = load.run_load(
                server.port, path, body, clients=CLIENTS, requests_per_client=REQUESTS_PER_CLIENT, csrf=True
            )
        outcome["stored"] = count() - before
        outcome["lost"] = outcome["ok"] - outcome["stored"]
        results[name] = outcome
    rows = []
    floor = results["minimal"]["rate"]
    for name, title in (("minimal", "Minimal form view (the floor)"), ("consultation", "Consultation submissions")):
        outcome = results[name]
        ratio = outcome["rate"] / floor if floor else 0
        is_floor = name == "minimal"
        rows.append(
            {
                "benchmark": f"{title}, gunicorn {workers}x{threads}, {CLIENTS} clients",
                "size": f"{outcome['requests']:,} POSTs",
                "queries": "-",
                "median_ms": "-",
                "rate": round(outcome["rate"], 1),
                "ratio": 1.0 if is_floor else round(ratio, 2),
                "lost": outcome["lost"],
                "errors": outcome["server_errors"],
                "target": "-" if is_floor else "0 lost, 0 errors, ≥ 0.7x",
                "met": None
                if is_floor
                else (
                    outcome["lost"] == 0 and outcome["server_errors"] == 0 and outcome["other"] == 0 and ratio >= 0.7
                ),
                "note": f"{title}: {outcome['ok']} of {outcome['requests']} POSTs succeeded in "
                f"{outcome['seconds']:.1f} s ({outcome['rate']:.1f}/s), {outcome['stored']} rows stored, "
                f"{outcome['lost']} lost, {outcome['server_errors']} server errors, {outcome['other']} other failures",
            }
        )
    return rows


@dataclass
class Scenario:
    title: str
    run: Callable
    databases: tuple = ("sqlite", "postgresql")


SCENARIOS = [
    Scenario("Story index and search", stories),
    Scenario("Consultation results and exports", consultation_results),
    Scenario("Consultation submissions", submissions, databases=("postgresql",)),
]
