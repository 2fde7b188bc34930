"""Render benchmark results as a Markdown table and as docs/performance.md."""

import datetime

from .machine import describe

COLUMNS = [
    "benchmark",
    "database",
    "size",
    "queries",
    "median_ms",
    "rate",
    "lost",
    "errors",
    "memory_mb",
    "ratio",
    "target",
    "met",
]
HEADINGS = {
    "benchmark": "Benchmark",
    "database": "Database",
    "size": "Size",
    "queries": "SQL queries",
    "median_ms": "Median (ms)",
    "rate": "Per second",
    "lost": "Lost",
    "errors": "5xx",
    "memory_mb": "Peak memory (MB)",
    "ratio": "Ratio to floor",
    "target": "Target",
    "met": "Met",
}


def cell(row, column):
    value = row.get(column, "-")
    if column == "met":
        return {True: "yes", False: "**no**", None: "-"}.get(value, str(value))
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def table(parts):
    rows = [row for part in parts for row in part["rows"]]
    lines = [
        "| " + " | ".join(HEADINGS[c] for c in COLUMNS) + " |",
        "| " + " | ".join("---" for _ in COLUMNS) + " |",
    ]
    lines += ["| " + " | ".join(cell(row, c) for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


METHOD = [
    "Data: `benchmarks/data.py` bulk-inserts stories (half in English, the rest over the nine other languages, "
    "each under its locale's translated index; 1-3 themes, 0-2 organisations, ten countries, start years "
    "2008-2024, no images) with their search index entries (Wagtail's database backend), and 100,000 "
    "consultation responses (one question of each kind) as the consultations demo does.",
    "Pages: medians over repeated requests through Django's test client (DEBUG off, no network), after two "
    "warm-up requests; the bare page (a plain Wagtail page in the same base template) is measured just "
    "before, in the same process, and is the ratio's floor.",
    "Submissions: gunicorn (2 workers x 4 threads, gthread) on loopback, PostgreSQL, rate limit off; 20 "
    "client threads each GET the form (CSRF cookie) then POST a fixed number of times with a fresh "
    "submission token. Lost = successful responses minus rows stored. The floor is a Django view that "
    "validates a three-field form and inserts one row, under the same load (CSRF on).",
    "Exports: the admin's CSV and XLSX exports of one consultation's 100,000 responses, consumed to the "
    "end; peak memory growth is the process's peak RSS (sampled every 20 ms) over its RSS before.",
]

#: Why a target is missed, by the start of the benchmark's name (shown when a row's "met" is false).
WHY = {
    "Story index": (
        "The story index is not within 2x of the bare page. The bare page renders a paragraph with 10 queries; "
        "the index renders 12 story cards and about 60 facet options, each with its toggle link, and makes 4 "
        "more queries. Its facet counts are cached (`StoryFilter.facet_cache_timeout`), so their 6 aggregate "
        "queries are not made on warm requests and the query count is the same at every size; what still grows "
        "with the number of stories is the paginator's `COUNT` and the newest-first page query, which read "
        "every live child of the index: Wagtail's `wagtailcore_page` has no index on `first_published_at`, and "
        "the package adds no indexes to Wagtail's tables."
    ),
    "Consultation submissions": (
        "Consultation submissions are below 0.7x the minimal view. A consultation POST is a Wagtail page "
        "request (site, locale, the page's path and view restrictions: 6 queries before the view runs), builds "
        "the form from the page's StreamField of questions, and stores the response and its answer rows in a "
        "transaction, once per submission token (a look-up, two inserts and savepoints), against one insert for "
        "the minimal view. Nothing is lost and nothing fails; responses are no longer added to Wagtail's "
        "reference index (two queries less per submission, and no tens of thousands of 'usages' of the page)."
    ),
}


def explanations(parts):
    seen = []
    for part in parts:
        for row in part["rows"]:
            if row.get("met") is False:
                for prefix, text in WHY.items():
                    if row["benchmark"].startswith(prefix) and text not in seen:
                        seen.append(text)
    return seen


def render(parts, elapsed):
    machine = describe()
    notes = [f"{part['database']}: {row['note']}" for part in parts for row in part["rows"] if row.get("note")]
    return "\n".join(
        [
            "# Performance",
            "",
            "Written by `make bench` (`benchmarks/run.py`); do not edit by hand. Each figure is measured side by",
            "side with its floor in the same run, so ratios hold across machines better than the times do.",
            "",
            f"Run on {datetime.date.today().isoformat()}: {machine['cpu']}, {machine['cores']} cores, "
            f"{machine['memory_gib']} GiB, {machine['os']}; Python {machine['python']}, Django "
            f"{machine['django']}, Wagtail {machine['wagtail']}. The whole run took {elapsed:.0f} s.",
            "",
            table(parts),
            "",
            "## Details",
            "",
            *(f"- {note}" for note in notes),
            "",
            "## Targets not met",
            "",
            *([f"- {text}" for text in explanations(parts)] or ["Every target was met."]),
            "",
            "## How it is measured",
            "",
            *(f"- {line}" for line in METHOD),
            "",
        ]
    )
