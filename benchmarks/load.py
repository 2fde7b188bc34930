"""Submissions under load: gunicorn on loopback, a bounded load generator of concurrent clients.

Each client is a thread with its own keep-alive ``http.client`` connection. It GETs the form once (the CSRF
cookie), then POSTs a fixed number of submissions, each with a fresh submission token. Counted: successes
(2xx/3xx), server errors (5xx), other failures, and "lost" = successes minus the rows stored.
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

    def __init__(self, database_url, workers=2, threads=4):
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
        for _number in range(requests_per_client):
            body = make_body()
            if token is not None:
                body["csrfmiddlewaretoken"] = token
            try:
                conn.request("POST", path, body=urlencode(body, doseq=True), headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
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

    threads = [threading.Thread(target=client) for _number in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {**counts, "seconds": elapsed, "rate": counts["ok"] / elapsed, "requests": clients * requests_per_client}


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


def minimal_body():
    return {"name": "Ada", "email": "ada@example.org", "answer": "More trees along the river."}
