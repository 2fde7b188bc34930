"""A per-client rate limit on Django's cache, for the package's public forms.

Views call :func:`enforce_rate_limit` (the one enforcement path): it reads the form's limit and period from
``SEISMIC_WAGTAIL`` (``<PREFIX>_RATE_LIMIT`` requests per ``<PREFIX>_RATE_PERIOD`` seconds), counts the
request with :func:`check_rate_limit` and, once the client is over the limit, returns the response to send,
:func:`rate_limited_response` (a 429 page that says when to try again)::

    limited = enforce_rate_limit(request, "network-join", "JOIN_REQUEST")
    if limited is not None:
        return limited

The counter lives in the default cache, so it is shared between processes when the cache is (Redis,
Memcached, the database); with ``LocMemCache`` each process counts on its own. Behind a proxy, set
``SEISMIC_WAGTAIL["CLIENT_IP_HEADER"]`` (e.g. ``"HTTP_X_FORWARDED_FOR"``) so clients are told apart.
"""

import hashlib
import time

from django.core.cache import cache
from django.template.response import TemplateResponse

from .conf import get_setting
from .templating import base_template_context


def client_ip(request):
    """The client's IP address: the first address of the configured proxy header, else ``REMOTE_ADDR``."""
    header = get_setting("CLIENT_IP_HEADER")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _cache_key(scope, request, window):
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"seismic:ratelimit:{scope}:{digest}:{window}"


def check_rate_limit(request, scope, limit, period):
    """Count this request; return ``True`` while the client stays within ``limit`` per ``period`` seconds.

    A fixed window of ``period`` seconds: simple, one cache key per client and window, no stored IPs (the
    key holds a hash). ``limit`` of ``0`` or ``None`` turns the limit off.
    """
    if not limit:
        return True
    window = int(time.time() // period)
    key = _cache_key(scope, request, window)
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period + 1)
        count = 1
    return count <= limit


def rate_limited_response(request, period, template="seismic_wagtail/core/rate_limited.html", context=None):
    """A 429 page in the site's base template, with a ``Retry-After`` header."""
    response = TemplateResponse(
        request, template, {**base_template_context(), "retry_after": period, **(context or {})}, status=429
    )
    response["Retry-After"] = str(period)
    return response


def enforce_rate_limit(request, scope, settings_prefix):
    """Count ``request`` against ``scope``; the 429 response to return when the client is over the limit, else ``None``.

    The limit is ``SEISMIC_WAGTAIL[settings_prefix + "_RATE_LIMIT"]`` requests (``0`` turns it off) per
    ``SEISMIC_WAGTAIL[settings_prefix + "_RATE_PERIOD"]`` seconds; both keys must be in
    :data:`~seismic_wagtail.core.conf.DEFAULTS`. Every public form of the package goes through here, so a
    change of counting (another window, another client key) is made in this module alone.
    """
    period = get_setting(f"{settings_prefix}_RATE_PERIOD")
    if check_rate_limit(request, scope, get_setting(f"{settings_prefix}_RATE_LIMIT"), period):
        return None
    return rate_limited_response(request, period)
