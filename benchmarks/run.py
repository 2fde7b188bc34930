"""``make bench``: measure the package's cost side by side with the framework's floor, write docs/performance.md.

Each database runs in its own process (``python -m benchmarks.run --part sqlite|postgresql``) on a fresh
database; the parent collects their JSON and writes the table. Figures are medians and p95s over repeated
requests through Django's test client (in-process: no network, no server), unless a row says otherwise.

Environment: ``BENCH_NAME`` (database names), ``BENCH_PG_URL_BASE``, ``BENCH_MEDIA_ROOT`` (image files),
``BENCH_REDIS_URL`` (the cache, ``redis://127.0.0.1:6379/3`` by default; flushed at the start of each part),
``BENCH_CACHE=locmem`` (no Redis), ``BENCH_QUICK=1`` (small sizes: a smoke run of the harness).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "build" / "bench-results.json"  # the last run's figures (``--report`` rewrites the page)
PG_BASE = os.environ.get("BENCH_PG_URL_BASE", "postgres://postgres@127.0.0.1:5432")
NAME = os.environ.get("BENCH_NAME", "seismic_bench")  # database names (another name runs beside this one)
DATABASES = {
    "sqlite": f"sqlite:////tmp/{NAME}.sqlite3",
    "postgresql": f"{PG_BASE}/{NAME}",
}


def setup_django(database_url):
    os.environ["BENCH_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    sys.path.insert(0, str(ROOT))
    if database_url.startswith("sqlite:"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        recreate_postgres_database(database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from django.core.cache import cache

    cache.clear()  # BENCH_REDIS_URL's db (or the process's LocMemCache): nothing cached from an earlier run


def recreate_postgres_database(database_url):
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_part(name):
    """Run every benchmark on one database; print one JSON document."""
    setup_django(DATABASES[name])
    from benchmarks import scenarios

    results = {"database": name, "rows": []}
    for scenario in scenarios.SCENARIOS:
        if name not in scenario.databases:
            continue
        started = time.perf_counter()
        rows = scenario.run(database=name)
        for row in rows:
            row.setdefault("database", name)
        results["rows"].extend(rows)
        print(f"  {scenario.title} on {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(json.dumps(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", choices=sorted(DATABASES))
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--report", action="store_true", help=f"only rewrite the page from {RESULTS.name}")
    args = parser.parse_args()
    if args.part:
        run_part(args.part)
        return

    from benchmarks import report

    if args.report:
        saved = json.loads(RESULTS.read_text())
        parts, elapsed = saved["parts"], saved["elapsed"]
    else:
        started = time.perf_counter()
        parts = []
        for name in args.databases.split(","):
            print(f"Benchmarks on {name}...", file=sys.stderr)
            output = subprocess.run(
                [sys.executable, "-m", "benchmarks.run", "--part", name],
                cwd=ROOT,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            ).stdout
            parts.append(json.loads(output.strip().splitlines()[-1]))
        elapsed = time.perf_counter() - started
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps({"parts": parts, "elapsed": elapsed}, indent=1))
    text = report.render(parts, elapsed)
    DOC.write_text(text)
    print(report.table(parts))
    print(f"\nWrote {DOC.relative_to(ROOT)} ({elapsed:.0f} s in all).")


if __name__ == "__main__":
    main()
