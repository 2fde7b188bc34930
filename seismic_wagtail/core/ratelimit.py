"""A per-client rate limit on Django's cache, for the package's public forms.

Views call :func:`enforce_rate_limit` (the one enforcement path): it reads the form's limit and period from
``SEISMIC_WAGTAIL`` (``<PREFIX>_RATE_LIMIT`` requests per ``<PREFIX>_RATE_PERIOD`` seconds), counts the
request with :func:`check_rate_limit` and returns the response to send when the request must not go on::

    limited = enforce_rate_limit(request, "network-join", "JOIN_REQUEST")
    if limited is not None:
        return limited

* Over the limit: :func:`rate_limited_response`, a 429 page that says when to try again.
* The cache cannot count (its server is down): :func:`unavailable_response`, a 503 page. The forms fail
  closed: without a counter nothing is stored, while the pages that only read keep being served.

**Who is the client.** :func:`client_ip` trusts exactly ``TRUSTED_PROXY_COUNT`` proxies in front of the site.
Each proxy appends the address it received the request from to ``X-Forwarded-For`` (or the header named by
``CLIENT_IP_HEADER``), so the client's address is the ``TRUSTED_PROXY_COUNT``-th entry *from the right*;
everything to its left was sent by the client and is never read. ``0`` (the default without
``CLIENT_IP_HEADER``) uses ``REMOTE_ADDR``. See ``docs/how-to/security.md``.

**How it counts.** A sliding-window counter: one cache counter per client and fixed window of ``period``
seconds, incremented atomically (``cache.incr``); a request is allowed while ``current + previous × (the
share of the previous window still inside the last period)`` stays within the limit, so no burst at a window
boundary lets twice the limit through. The counter lives in the default cache, shared between processes
when the cache is (Redis, Memcached, the database); check ``seismic_wagtail.W010`` warns of a per-process one.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.template.response import TemplateResponse

from .conf import get_setting
from .templating import base_template_context

logger = logging.getLogger(__name__)

#: The package's rate-limited forms: settings prefix (``<PREFIX>_RATE_LIMIT``/``_RATE_PERIOD``) -> scope.
#: The system check W010 reads its list of limits from here.
RATE_LIMITED_FORMS = {"CONSULTATION": "consultation", "JOIN_REQUEST": "network-join"}


class RateLimitUnavailable(Exception):
    """The cache could not count a request (its server is unreachable): the form must fail closed."""


def trusted_proxy_count():
    """How many proxies in front of the site append to the client-address header (see :func:`client_ip`).

    ``TRUSTED_PROXY_COUNT``; when it is ``None`` (the default), ``1`` if ``CLIENT_IP_HEADER`` is set, else ``0``.
    """
    count = get_setting("TRUSTED_PROXY_COUNT")
    if count is None:
        return 1 if get_setting("CLIENT_IP_HEADER") else 0
    return count


def client_ip(request):
    """The client's IP address, as the outermost trusted proxy saw it.

    With ``n = trusted_proxy_count()`` proxies, the ``n``-th address from the right of the header
    ``CLIENT_IP_HEADER`` (default ``HTTP_X_FORWARDED_FOR``); ``REMOTE_ADDR`` when ``n`` is ``0`` or the
    header has fewer than ``n`` addresses (the request did not pass every proxy). Addresses to the left of
    that one come from the client and are ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = trusted_proxy_count()
    if not count:
        return remote_addr
    header = get_setting("CLIENT_IP_HEADER") or "HTTP_X_FORWARDED_FOR"
    addresses = [address.strip() for address in request.META.get(header, "").split(",") if address.strip()]
    if len(addresses) < count:
        return remote_addr
    return addresses[-count]


def _cache_key_prefix(scope, request):
    """``seismic:ratelimit:<scope>:<hash of the client address>:``; the window number completes the key."""
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"seismic:ratelimit:{scope}:{digest}:"


def check_rate_limit(request, scope, limit, period, now=None):
    """Count this request; return ``True`` while the client stays within ``limit`` per ``period`` seconds.

    A sliding-window counter (see the module's docstring): two cache keys per client (this window's and the
    previous window's count, the key holds a hash of the address, not the address), one atomic increment per
    request. ``limit`` of ``0`` or ``None`` turns the limit off. ``now`` (a Unix time) is for tests.

    Raises :class:`RateLimitUnavailable` when the cache fails (a server that does not answer).
    """
    if not limit:
        return True
    now = time.time() if now is None else now
    window, elapsed = divmod(now, period)
    window = int(window)
    prefix = _cache_key_prefix(scope, request)
    key = f"{prefix}{window}"
    try:
        cache.add(key, 0, timeout=2 * period + 1)
        try:
            current = cache.incr(key)
        except ValueError:  # expired (or evicted) between add() and incr()
            cache.set(key, 1, timeout=2 * period + 1)
            current = 1
        previous = cache.get(f"{prefix}{window - 1}") or 0
    except Exception as error:
        logger.warning("Rate limit %r cannot count requests, the form refuses them: %r", scope, error)
        raise RateLimitUnavailable(scope) from error
    weight = 1 - elapsed / period
    return current + previous * weight <= limit


def rate_limited_response(request, period, template="seismic_wagtail/core/rate_limited.html", context=None):
    """A 429 page in the site's base template, with a ``Retry-After`` header."""
    response = TemplateResponse(
        request, template, {**base_template_context(), "retry_after": period, **(context or {})}, status=429
    )
    response["Retry-After"] = str(period)
    return response


def unavailable_response(request, template="seismic_wagtail/core/unavailable.html", context=None, retry_after=300):
    """A 503 page in the site's base template ("we cannot accept submissions right now"), with ``Retry-After``."""
    response = TemplateResponse(request, template, {**base_template_context(), **(context or {})}, status=503)
    response["Retry-After"] = str(retry_after)
    return response


def enforce_rate_limit(request, scope, settings_prefix):
    """Count ``request`` against ``scope``; the response to return instead of handling it, else ``None``.

    The limit is ``SEISMIC_WAGTAIL[settings_prefix + "_RATE_LIMIT"]`` requests (``0`` turns it off) per
    ``SEISMIC_WAGTAIL[settings_prefix + "_RATE_PERIOD"]`` seconds; the prefix must be a key of
    :data:`RATE_LIMITED_FORMS`. Over the limit the response is a 429; when the cache cannot count, a 503
    (fail closed: the view stores nothing). Every public form of the package goes through here, so a change
    of counting (another window, another client key) is made in this module alone.
    """
    period = get_setting(f"{settings_prefix}_RATE_PERIOD")
    try:
        allowed = check_rate_limit(request, scope, get_setting(f"{settings_prefix}_RATE_LIMIT"), period)
    except RateLimitUnavailable:
        return unavailable_response(request)
    if allowed:
        return None
    return rate_limited_response(request, period)
