"""A per-client rate limit on Django's cache, for the package's public forms.

``check_rate_limit(request, scope, limit, period)`` counts a request against ``scope`` for the client's IP
address and returns ``False`` once more than ``limit`` requests came in ``period`` seconds. Views then
return :func:`rate_limited_response`, a 429 page that says when to try again.

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
