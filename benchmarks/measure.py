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
