"""Submissions under load: gunicorn on loopback, a bounded load generator of concurrent clients.

Each client is a thread with its own keep-alive ``http.client`` connection. It GETs the form once (the CSRF
cookie), then POSTs a fixed number of submissions, each with a fresh submission token. Counted: successes
(2xx/3xx), server errors (5xx), other failures, and "lost" = successes minus the rows stored. Each request's
latency is timed on the client side (send to last byte read), for the median and p95. ``make_body=None``: GETs.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """``with Gunicorn(database_url) as server:`` runs ``benchmarks.settings`` on a free loopback port."""

    def __init__(self, database_url, workers=2, threads=4, worker_connections=None):
        self.port = free_port()
        self.database_url = database_url
        self.args = [
            sys.executable,
            "-m",
            "gunicorn",
            "benchmarks.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
            "--keep-alive",
            "30",
        ]
        if worker_connections:
            # A gthread worker accepts every connection it can: without a limit, one worker takes all of the
            # load generator's keep-alive connections and the other idles. ``clients / workers`` each.
            self.args += ["--worker-connections", str(worker_connections)]

    def __enter__(self):
        env = {**os.environ, "BENCH_DATABASE_URL": self.database_url, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=env, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn exited") from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.stop()

    def worker_pids(self):
        """The master's children (the workers), from ``/proc``."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def worker_rss_mb(self):
        """Each worker's resident set size (``VmRSS``) in MB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(round(int(line.split()[1]) / 1024, 1))
            except OSError:
                continue
        return sizes

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")


def run_load(port, path, make_body, clients=20, requests_per_client=25, csrf=False):
    """``clients`` threads each POST ``requests_per_client`` times to ``path``; returns the counts and rate."""
    counts = {"ok": 0, "server_errors": 0, "other": 0}
    latencies = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        token = None
        if csrf:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            match = CSRF_COOKIE.search(response.getheader("Set-Cookie") or "")
            token = match.group(1) if match else uuid.uuid4().hex  # a well-formed CSRF secret of our own
            headers["Cookie"] = f"csrftoken={token}"
        barrier.wait()
        local = {"ok": 0, "server_errors": 0, "other": 0}
        timings = []
        for _number in range(requests_per_client):
            if make_body is not None:
                body = make_body()
                if token is not None:
                    body["csrfmiddlewaretoken"] = token
            started = time.perf_counter()
            try:
                if make_body is None:
                    conn.request("GET", path, headers=headers)
                else:
                    conn.request("POST", path, body=urlencode(body, doseq=True), headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            timings.append(time.perf_counter() - started)
            if 200 <= status < 400:
                local["ok"] += 1
            elif status >= 500:
                local["server_errors"] += 1
            else:
                local["other"] += 1
        conn.close()
        with lock:
            for key, value in local.items():
                counts[key] += value
            latencies.extend(timings)

    threads = [threading.Thread(target=client) for _number in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    from .measure import percentile

    return {
        **counts,
        "seconds": elapsed,
        "rate": counts["ok"] / elapsed,
        "requests": clients * requests_per_client,
        "median_s": percentile(latencies, 0.5),
        "p95_s": percentile(latencies, 0.95),
    }


def consultation_body():
    """A valid submission for the test factory's questions (see ``tests.factories.consultations.consultation_questions``)."""
    return {
        "q_q-rating": "4",
        "q_q-single": "city",
        "q_q-multiple": ["citizens", "researchers"],
        "q_q-ranking_0": "energy",
        "q_q-ranking_1": "housing",
        "q_q-text": "More trees along the river.",
        "respondent_type": "citizen",
        "country": "SE",
        "city": "Malmö",
        "name": "Ada",
        "email": "ada@example.org",
        "consent": "anonymous",
        "privacy": "on",
        "submission_token": str(uuid.uuid4()),
    }


#: The form builder's field names (``clean_name``) by question, filled in by ``data.form_page``.
FORM_PAGE_FIELDS = {}


def form_page_body():
    """The same answers as :func:`consultation_body`, for the ``wagtail.contrib.forms`` page (choice labels)."""
    names = FORM_PAGE_FIELDS
    return {
        names["rating"]: "4",
        names["single"]: "The city",
        names["multiple"]: ["Citizens", "Researchers"],
        names["ranking_1"]: "Energy",
        names["ranking_2"]: "Housing",
        names["text"]: "More trees along the river.",
        names["respondent_type"]: "Citizen",
        names["country"]: "Sweden",
        names["city"]: "Malmö",
        names["name"]: "Ada",
        names["email"]: "ada@example.org",
        names["consent"]: "Publish my response anonymously",
        names["privacy"]: "on",
    }


def minimal_body():
    return {"name": "Ada", "email": "ada@example.org", "answer": "More trees along the river."}
