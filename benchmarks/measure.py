"""Measuring helpers: median and p95 request times and SQL query counts through Django's test client."""

import math
import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def percentile(values, share):
    """The nearest-rank percentile (``share`` = 0.95 for p95) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(timings):
    return {"median_s": statistics.median(timings), "p95_s": percentile(timings, 0.95), "timings": timings}


def _get(client, url, **extra):
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url, **extra)
        if hasattr(response, "streaming_content"):
            for _chunk in response.streaming_content:
                pass
        elapsed = time.perf_counter() - started
    return response, elapsed, len(captured.captured_queries)


def measure_get(url, repeat=15, warmup=2, client=None, **extra):
    """GET ``url`` ``repeat`` times after ``warmup``; return status, median and p95 seconds, the query count."""
    return measure_paired([url], repeat=repeat, warmup=warmup, client=client, **extra)[url]


def measure_paired(urls, repeat=15, warmup=2, client=None, **extra):
    """GET each of ``urls`` in turn, ``repeat`` rounds after ``warmup`` rounds, so that every URL sees the same
    machine (other processes, CPU frequency) as the others; ``{url: status, median_s, p95_s, queries, ...}``."""
    client = client or Client()
    results = {url: {"timings": []} for url in urls}
    for _ in range(warmup):
        for url in urls:
            client.get(url, **extra)
    for _ in range(repeat):
        for url in urls:
            response, elapsed, queries = _get(client, url, **extra)
            result = results[url]
            result["timings"].append(elapsed)
            result.update(status=response.status_code, queries=queries)
            if not getattr(response, "streaming", False):
                result["content"] = response.content
    for result in results.values():
        result.update(summary(result["timings"]))
    return results


def rss_bytes():
    """This process's resident set size (Linux ``/proc/self/statm``)."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure_stream(url, client, interval=0.02):
    """GET ``url`` and consume its (streaming) content while a thread samples RSS.

    Returns status, seconds, bytes and the peak RSS growth over the RSS before the request, in bytes.
    RSS sampling costs nothing measurable, unlike ``tracemalloc`` (which would triple the XLSX time).
    """
    import gc
    import threading

    gc.collect()
    baseline = rss_bytes()
    peak = [baseline]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_bytes())
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    size = 0
    try:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            for chunk in response.streaming_content:
                size += len(chunk)
        else:
            size = len(response.content)
        elapsed = time.perf_counter() - started
    finally:
        done.set()
        sampler.join()
    peak[0] = max(peak[0], rss_bytes())
    return {
        "status": response.status_code,
        "seconds": elapsed,
        "bytes": size,
        "streaming": response.streaming,
        "peak_growth": peak[0] - baseline,
    }
