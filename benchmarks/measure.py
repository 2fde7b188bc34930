"""Measuring helpers: median request time and SQL query count through Django's test client."""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure_get(url, repeat=15, warmup=2, client=None, **extra):
    """GET ``url`` ``repeat`` times after ``warmup``; return status, median seconds and the query count."""
    client = client or Client()
    for _ in range(warmup):
        response = client.get(url, **extra)
    timings = []
    queries = None
    for _ in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, **extra)
            if hasattr(response, "streaming_content"):
                for _chunk in response.streaming_content:
                    pass
            timings.append(time.perf_counter() - started)
        queries = len(captured.captured_queries)
    return {"status": response.status_code, "median_s": statistics.median(timings), "queries": queries}


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
