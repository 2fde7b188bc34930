"""The rate limit of the public forms: who the client is behind proxies, the sliding window, a shared counter."""

import json
import random
import subprocess
import sys
import threading

from django.core.cache import caches
from django.test import RequestFactory, override_settings

from seismic_wagtail.core.ratelimit import RATE_LIMITED_FORMS, check_rate_limit, client_ip

PROXY = "10.0.0.1"


def request_from(remote_addr=PROXY, forwarded_for=None, **meta):
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/", REMOTE_ADDR=remote_addr, **meta)


# -- Who the client is ----------------------------------------------------------------------------------------


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_ip(request_from("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@override_settings(SEISMIC_WAGTAIL={"TRUSTED_PROXY_COUNT": 1})
def test_one_proxy_the_right_most_address_counts_not_the_spoofed_first():
    # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    assert client_ip(request_from(forwarded_for="1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(request_from(forwarded_for="203.0.113.9")) == "203.0.113.9"


@override_settings(SEISMIC_WAGTAIL={"TRUSTED_PROXY_COUNT": 2})
def test_a_cdn_and_nginx_the_second_address_from_the_right():
    # client -> CDN (appends the client) -> nginx (appends the CDN's edge) -> Django
    assert client_ip(request_from(forwarded_for="1.2.3.4, 203.0.113.9, 192.0.2.50")) == "203.0.113.9"


@override_settings(SEISMIC_WAGTAIL={"TRUSTED_PROXY_COUNT": 2})
def test_fewer_addresses_than_proxies_falls_back_to_remote_addr():
    assert client_ip(request_from(forwarded_for="203.0.113.9")) == PROXY
    assert client_ip(request_from()) == PROXY


@override_settings(SEISMIC_WAGTAIL={"CLIENT_IP_HEADER": "HTTP_X_REAL_IP", "TRUSTED_PROXY_COUNT": 1})
def test_client_ip_header_names_the_header_to_read():
    request = request_from(forwarded_for="1.2.3.4", HTTP_X_REAL_IP="203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


@override_settings(SEISMIC_WAGTAIL={"CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"})
def test_client_ip_header_alone_trusts_one_proxy_not_the_first_address():
    assert client_ip(request_from(forwarded_for="1.2.3.4, 203.0.113.9")) == "203.0.113.9"


@override_settings(SEISMIC_WAGTAIL={"CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR", "TRUSTED_PROXY_COUNT": 0})
def test_zero_proxies_uses_remote_addr_even_with_a_header():
    assert client_ip(request_from("198.51.100.7", "1.2.3.4, 203.0.113.9")) == "198.51.100.7"


# -- The sliding window -----------------------------------------------------------------------------------------


def test_no_double_limit_at_a_window_boundary():
    """A fixed window lets 2 x limit through around its boundary; the sliding window does not."""
    request, period, limit = request_from("203.0.113.9"), 100, 5
    start = 1_000_000 * period  # the start of a window
    allowed = [check_rate_limit(request, "t", limit, period, now=start + 99) for _ in range(limit)]
    allowed += [check_rate_limit(request, "t", limit, period, now=start + 101) for _ in range(limit)]
    assert allowed.count(True) == limit


def test_the_previous_window_weighs_less_as_it_slides_out():
    request, period, limit = request_from("203.0.113.9"), 100, 4
    start = 2_000_000 * period
    assert all(check_rate_limit(request, "t", limit, period, now=start + 10) for _ in range(limit))
    # Half-way through the next window, half of the previous 4 still count: 2 more requests pass.
    allowed = [check_rate_limit(request, "t", limit, period, now=start + 150) for _ in range(4)]
    assert allowed == [True, True, False, False]
    # Two windows on, the old requests are forgotten.
    assert check_rate_limit(request, "t", limit, period, now=start + 250)


def test_the_check_reads_its_list_of_limits_from_ratelimit(settings):
    from seismic_wagtail.core.checks import check_rate_limit_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SEISMIC_WAGTAIL = {f"{prefix}_RATE_LIMIT": 0 for prefix in RATE_LIMITED_FORMS}
    assert check_rate_limit_cache() == []
    settings.SEISMIC_WAGTAIL = {"JOIN_REQUEST_RATE_LIMIT": 3, "CONSULTATION_RATE_LIMIT": 0}
    [warning] = check_rate_limit_cache()
    assert warning.id == "seismic_wagtail.W010" and "(JOIN_REQUEST_RATE_LIMIT)" in warning.msg


# -- A counter shared through Redis --------------------------------------------------------------------------


def test_redis_counts_across_separate_connections(redis_cache):
    """Four threads send 40 requests at once; Django gives each thread its own cache object and connection pool."""
    limit, results, barrier = 10, [], threading.Barrier(4)
    request = request_from("203.0.113.9")
    connections = set()

    def client():
        connections.add(id(caches["default"]))
        barrier.wait()
        results.extend(check_rate_limit(request, "redis", limit, 3600) for _ in range(10))

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(connections) == 4
    assert len(results) == 40 and results.count(True) == limit


def test_redis_counts_across_processes(redis_cache, tmp_path):
    """Two Python processes share one counter: together they pass the limit once, not once each."""
    script = tmp_path / "count.py"
    script.write_text(
        "import django, json, sys\n"
        "from django.conf import settings\n"
        f"settings.configure(CACHES={{'default': {dict(redis_cache)!r}}}, SEISMIC_WAGTAIL={{}},"
        " INSTALLED_APPS=[], USE_I18N=False)\n"
        "django.setup()\n"
        "from django.test import RequestFactory\n"
        "from seismic_wagtail.core.ratelimit import check_rate_limit\n"
        "request = RequestFactory().post('/', REMOTE_ADDR='203.0.113.9')\n"
        "print(json.dumps([check_rate_limit(request, 'processes', 6, 3600) for _ in range(6)]))\n"
    )
    runs = [subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True) for _ in range(2)]
    results = [allowed for run in runs for allowed in json.loads(run.stdout)]
    assert results.count(True) == 6 and results[6:] == [False] * 6


# -- Spoofed X-Forwarded-For behind one trusted proxy --------------------------------------------------------------


def _spoofed(real_client="203.0.113.9"):
    fake = ".".join(str(random.randint(1, 254)) for _ in range(4))
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{fake}, {real_client}"}
