"""The benchmark scenarios. Each returns table rows; ratios are to a floor measured in the same run.

Sizes are module constants; ``BENCH_QUICK=1`` shrinks them for a smoke run of the harness.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass

from .measure import measure_get, measure_paired, measure_stream

QUICK = bool(os.environ.get("BENCH_QUICK"))
STORY_SIZES = {
    "sqlite": (20, 200) if QUICK else (200, 2_000, 20_000),
    "postgresql": (20, 200) if QUICK else (200, 2_000, 20_000, 100_000),
}
#: Responses for the results page and both exports, then (PostgreSQL) the results page and the CSV export only.
RESPONSES = {"sqlite": (2_000,) if QUICK else (100_000,), "postgresql": (2_000,) if QUICK else (100_000, 1_000_000)}
if os.environ.get("BENCH_STORY_SIZES"):  # e.g. "200,2000,20000": a shorter run on both databases
    STORY_SIZES = dict.fromkeys(STORY_SIZES, tuple(int(n) for n in os.environ["BENCH_STORY_SIZES"].split(",")))
if os.environ.get("BENCH_RESPONSES"):  # e.g. "100000"
    RESPONSES = dict.fromkeys(RESPONSES, tuple(int(n) for n in os.environ["BENCH_RESPONSES"].split(",")))
XLSX_LIMIT = 100_000  # the XLSX export is measured up to this many responses (about 27 s per 100,000)
CLIENTS = 20
REQUESTS_PER_CLIENT = 5 if QUICK else 40
SUBMISSION_ROUNDS = 1 if QUICK else 2
INDEX_LOAD_REQUESTS = 5 if QUICK else 20  # per client, GETs of the story index under gunicorn
PAGE_REPEAT = 8 if QUICK else 30
DEEP_PAGE = 200
STORY_FILTER = "?theme=environment"
SEARCH_QUERY = "energy housing"
TARGET_PEER = 1.2


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


def page_row(benchmark, size, result, **fields):
    return {
        "benchmark": benchmark,
        "size": size,
        "queries": result["queries"],
        "median_ms": ms(result["median_s"]),
        "p95_ms": ms(result["p95_s"]),
        "ratio": "-",
        "ratio_floor": "-",
        "target": "-",
        "met": None,
        **fields,
    }


def card_images(content):
    """How many card images (``<img`` with a ``fill-480x270`` rendition URL) a page's HTML has."""
    import re

    from seismic_wagtail.stories.models import CARD_IMAGE_FILTER

    return len(re.findall(r"<img[^>]+src=\"[^\"]*\." + re.escape(CARD_IMAGE_FILTER) + r"\.", content.decode()))


def stories(database):
    """The English story index (filtered, first page, a deep page) at each size, beside the hand-written index
    (the peer) and the bare page (the floor), measured in paired rounds."""
    import time

    from wagtail.images import get_image_model

    from seismic_wagtail.stories.models import StoryPage

    from . import data

    site = data.StorySite()
    peer = data.hand_written_index(site.index)
    renditions = get_image_model().get_rendition_model().objects
    bare_url = bare_page_url()
    ours_url, peer_url = site.url(), peer.url
    rows = []
    query_counts = {}
    for size in STORY_SIZES[database]:
        started = time.perf_counter()
        site.grow_to(size)
        generated = time.perf_counter() - started
        listed = StoryPage.objects.live().child_of(site.index).count()
        deep = min(DEEP_PAGE, max(1, -(-listed // 12)))
        size_label = f"{size:,} stories"
        cold = measure_get(ours_url + STORY_FILTER, repeat=1, warmup=0)  # facet counts not cached yet
        before = renditions.count()
        variants = {
            "bare": bare_url,
            "peer": peer_url,
            "peer_deep": f"{peer_url}?page={deep}",
            "filtered": ours_url + STORY_FILTER,
            "first": ours_url,
            "deep": f"{ours_url}?page={deep}",
        }
        results = measure_paired(list(variants.values()), repeat=PAGE_REPEAT)
        results = {name: results[url] for name, url in variants.items()}
        made = renditions.count() - before
        for name, result in results.items():
            assert result["status"] == 200, (name, result["status"])
        images = {name: card_images(results[name]["content"]) for name in ("peer", "first", "peer_deep", "deep")}
        bare, peer_first, peer_deep = results["bare"], results["peer"], results["peer_deep"]
        rows.append(page_row("Bare Wagtail page (the floor)", size_label, bare, ratio_floor=1.0))
        rows.append(
            page_row(
                "Hand-written story index (the peer), first page",
                f"{size_label} ({listed:,} listed)",
                peer_first,
                ratio=1.0,
                ratio_floor=round(peer_first["median_s"] / bare["median_s"], 2),
            )
        )
        rows.append(
            page_row(
                f"Hand-written story index (the peer), page {deep}",
                f"{size_label} ({listed:,} listed)",
                peer_deep,
                ratio=1.0,
                ratio_floor=round(peer_deep["median_s"] / bare["median_s"], 2),
            )
        )
        for name, title, against in (
            ("filtered", f"Story index, filtered (`{STORY_FILTER}`)", peer_first),
            ("first", "Story index, first page", peer_first),
            ("deep", f"Story index, page {deep}", peer_deep),
        ):
            result = results[name]
            query_counts.setdefault(name, []).append(result["queries"])
            ratio = result["median_s"] / against["median_s"]
            ratio_p95 = result["p95_s"] / against["p95_s"]
            constant = len(set(query_counts[name])) == 1
            rows.append(
                page_row(
                    title,
                    f"{size_label} ({listed:,} listed)",
                    result,
                    ratio=round(ratio, 2),
                    ratio_p95=round(ratio_p95, 2),
                    ratio_floor=round(result["median_s"] / bare["median_s"], 2),
                    target=f"queries constant; median and p95 ≤ {TARGET_PEER}x the peer",
                    met=ratio <= TARGET_PEER and ratio_p95 <= TARGET_PEER and constant,
                    constant=constant,
                )
            )
        rows[-1]["note"] = (
            f"Story index at {size:,} stories: grown to {size:,} stories (each with its image and rendition rows) in "
            f"{generated:.1f} s; first request after a change (facet counts not cached): "
            f"{ms(cold['median_s'])} ms, {cold['queries']} queries; card images in the HTML (first page, page "
            f"{deep}): ours {images['first']}, {images['deep']}, the peer's {images['peer']}, {images['peer_deep']}; "
            f"renditions generated while measuring: {made}"
        )
        assert made == 0, f"{made} renditions generated while measuring"
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
        rows.append(page_row(title + " (database backend)", size, result))
    return rows


def consultation_results(database):
    """The public results page and the CSV/XLSX exports at each number of responses (XLSX up to ``XLSX_LIMIT``)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from seismic_wagtail.consultations.models import ConsultationResponse

    from . import data

    page = data.consultation_page()
    user = get_user_model().objects.filter(username="bench-admin").first() or get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.org", "bench"
    )
    client = Client()
    client.force_login(user)
    index_url = reverse("seismic_consultation_responses:index")
    rows = []
    for total in RESPONSES[database]:
        missing = total - ConsultationResponse.objects.filter(consultation_key=page.translation_key).count()
        generated = data.add_responses(page, missing) if missing > 0 else 0.0
        size = f"{total:,} responses"
        result = measure_get(page.url + page.reverse_subpage("results"), repeat=5, warmup=1)
        assert result["status"] == 200, result
        rows.append(
            page_row(
                "Consultation results page",
                size,
                result,
                target="≤ 1,000 ms",
                met=result["median_s"] <= 1.0,
                note=f"{max(missing, 0):,} responses (with their answer rows) generated in {generated:.1f} s "
                f"({'COPY' if database == 'postgresql' else 'bulk_create'}), {total:,} in all",
            )
        )
        for export_format in ("csv", "xlsx"):
            if export_format == "xlsx" and total > XLSX_LIMIT:
                continue
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
                    "p95_ms": "-",
                    "ratio": "-",
                    "target": "peak memory growth ≤ 50 MB",
                    "met": growth_mb <= 50,
                    "memory_mb": round(growth_mb, 1),
                    "note": f"{export_format.upper()} export of {total:,} responses (one request): "
                    f"{exported['seconds']:.1f} s, {exported['bytes'] / 2**20:.1f} MB of file, peak RSS growth "
                    f"{growth_mb:.1f} MB"
                    + ("" if exported["streaming"] else " (the file is built in memory, then sent)"),
                }
            )
    return rows


def _serve(database, name, path, body, count=None, requests_per_client=REQUESTS_PER_CLIENT, workers=2, threads=4):
    """One gunicorn load run; returns the outcome with rows stored, lost and the workers' RSS afterwards."""
    from django.db import connections

    from . import load
    from .run import DATABASES

    before = count() if count else 0
    connections.close_all()
    with load.Gunicorn(
        DATABASES[database], workers=workers, threads=threads, worker_connections=-(-CLIENTS // workers)
    ) as server:
        outcome = load.run_load(
            server.port, path, body, clients=CLIENTS, requests_per_client=requests_per_client, csrf=True
        )
        outcome["worker_rss_mb"] = server.worker_rss_mb()
    outcome["stored"] = count() - before if count else outcome["ok"]
    outcome["lost"] = outcome["ok"] - outcome["stored"]
    outcome["name"] = name
    return outcome


def _merge(outcomes):
    """Rounds of one benchmark as one outcome: counts summed, rate over the summed time, latencies pooled."""
    merged = {
        key: sum(outcome[key] for outcome in outcomes)
        for key in ("ok", "server_errors", "other", "seconds", "requests", "stored", "lost")
    }
    merged["rate"] = merged["ok"] / merged["seconds"]
    merged["median_s"] = sorted(outcome["median_s"] for outcome in outcomes)[len(outcomes) // 2]
    merged["p95_s"] = max(outcome["p95_s"] for outcome in outcomes)
    merged["rates"] = [round(outcome["rate"], 1) for outcome in outcomes]
    merged["worker_rss_mb"] = max((outcome["worker_rss_mb"] for outcome in outcomes), key=lambda sizes: sum(sizes))
    return merged


def submissions(database):
    """Consultation submissions through gunicorn beside Wagtail's form builder page (the peer) and a minimal
    form-and-insert view (the floor), same load, in alternating rounds; then the story indexes under load."""
    from wagtail.contrib.forms.models import FormSubmission

    from benchmarks.benchapp.models import MinimalSubmission
    from seismic_wagtail.consultations.models import ConsultationResponse

    from . import data, load

    page = data.consultation_page()
    form_page = data.form_page()
    workers, threads = 2, 4
    runs = [
        ("minimal", "/bench/minimal-submit/", load.minimal_body, MinimalSubmission.objects.count),
        ("formpage", form_page.url, load.form_page_body, FormSubmission.objects.filter(page=form_page).count),
        (
            "consultation",
            page.url,
            load.consultation_body,
            ConsultationResponse.objects.filter(consultation_key=page.translation_key).count,
        ),
    ]
    outcomes = {name: [] for name, *_rest in runs}
    for number in range(SUBMISSION_ROUNDS):
        for name, path, body, count in runs if number % 2 == 0 else reversed(runs):
            outcomes[name].append(_serve(database, name, path, body, count, workers=workers, threads=threads))
    results = {name: _merge(rounds) for name, rounds in outcomes.items()}
    rows = []
    floor, peer = results["minimal"]["rate"], results["formpage"]["rate"]
    for name, title in (
        ("minimal", "Minimal form view (the floor)"),
        ("formpage", "Wagtail form builder page (the peer)"),
        ("consultation", "Consultation submissions"),
    ):
        outcome = results[name]
        ratio = outcome["rate"] / peer if peer else 0
        ours = name == "consultation"
        rows.append(
            {
                "benchmark": f"{title}, gunicorn {workers}x{threads}, {CLIENTS} clients",
                "size": f"{outcome['requests']:,} POSTs",
                "queries": "-",
                "median_ms": ms(outcome["median_s"]),
                "p95_ms": ms(outcome["p95_s"]),
                "rate": round(outcome["rate"], 1),
                "ratio": round(ratio, 2) if name != "minimal" else "-",
                "ratio_floor": round(outcome["rate"] / floor, 2) if floor else "-",
                "lost": outcome["lost"],
                "errors": outcome["server_errors"],
                "memory_mb": "/".join(str(size) for size in outcome["worker_rss_mb"]),
                "target": "0 lost, 0 errors, ≥ 1.5x the peer" if ours else "-",
                "met": (
                    outcome["lost"] == 0 and outcome["server_errors"] == 0 and outcome["other"] == 0 and ratio >= 1.5
                )
                if ours
                else None,
                "note": f"{title}: {outcome['ok']} of {outcome['requests']} POSTs succeeded in "
                f"{outcome['seconds']:.1f} s ({outcome['rate']:.1f}/s; rounds {outcome['rates']}), "
                f"{outcome['stored']} rows stored, {outcome['lost']} lost, {outcome['server_errors']} server errors, "
                f"{outcome['other']} other failures; latency p50 {ms(outcome['median_s'])} ms, p95 "
                f"{ms(outcome['p95_s'])} ms; worker RSS after the run {outcome['worker_rss_mb']} MB",
            }
        )
    rows.extend(index_load(database, workers, threads))
    return rows


def index_load(database, workers, threads):
    """The story index (first page) and the hand-written index under gunicorn: rate, latency, worker RSS."""
    from . import data

    site = data.StorySite()
    peer = data.hand_written_index(site.index)
    rows = []
    outcomes = {}
    for name, title, path in (
        ("peer", "Hand-written story index (the peer), first page", peer.url),
        ("ours", "Story index, first page", site.url()),
    ):
        outcome = _serve(
            database, name, path, None, requests_per_client=INDEX_LOAD_REQUESTS, workers=workers, threads=threads
        )
        outcomes[name] = outcome
        rows.append(
            {
                "benchmark": f"{title}, gunicorn {workers}x{threads}, {CLIENTS} clients",
                "size": f"{site.count:,} stories, {outcome['requests']:,} GETs",
                "queries": "-",
                "median_ms": ms(outcome["median_s"]),
                "p95_ms": ms(outcome["p95_s"]),
                "rate": round(outcome["rate"], 1),
                "ratio": round(outcome["rate"] / outcomes["peer"]["rate"], 2),
                "errors": outcome["server_errors"],
                "memory_mb": "/".join(str(size) for size in outcome["worker_rss_mb"]),
                "target": "-",
                "met": None,
                "note": f"{title} under gunicorn: {outcome['ok']} of {outcome['requests']} GETs in "
                f"{outcome['seconds']:.1f} s ({outcome['rate']:.1f}/s), latency p50 {ms(outcome['median_s'])} ms, "
                f"p95 {ms(outcome['p95_s'])} ms; worker RSS after the run {outcome['worker_rss_mb']} MB",
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
