"""Render benchmark results as a Markdown table and as docs/performance.md."""

import datetime

from .machine import describe

COLUMNS = ["benchmark", "database", "size", "queries", "median_ms", "rate", "lost", "errors", "memory_mb", "ratio",
           "target", "met"]
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


def render(parts, elapsed):
    machine = describe()
    notes = [row["note"] for part in parts for row in part["rows"] if row.get("note")]
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
            *(f"- {note}" for note in notes),
            "",
        ]
    )
