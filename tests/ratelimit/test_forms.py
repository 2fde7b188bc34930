"""The public forms behind a proxy, and with the cache server down.

* 60 POSTs whose ``X-Forwarded-For`` starts with a random (spoofed) address, behind one trusted proxy that
  appends the real client's address, store at most the limit.
* With ``CACHES`` pointing at a closed port, every package page type is still served (200), while the
  rate-limited forms answer 503 and store nothing.
"""

import logging
import random
import uuid

import pytest
from django.utils import translation

from seismic_wagtail.consultations.models import ConsultationResponse
from seismic_wagtail.core import cache as resilient_cache
from seismic_wagtail.core.ratelimit import unavailable_response
from seismic_wagtail.networks.models import NetworkJoinRequest
from tests.consultations.conftest import answer_data
from tests.networks.test_join import VALID

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
CLOSED_PORT = "redis://127.0.0.1:1/0"


def spoofed_post(client, url, data):
    fake = ".".join(str(random.randint(1, 254)) for _ in range(4))
    return client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{fake}, 203.0.113.9")


def test_sixty_spoofed_join_posts_store_at_most_the_limit(client, fuzz_site, settings):
    settings.SEISMIC_WAGTAIL = {"TRUSTED_PROXY_COUNT": 1, "JOIN_REQUEST_RATE_LIMIT": 5}
    before = NetworkJoinRequest.objects.count()
    url = fuzz_site.network.url + "join/"
    statuses = [spoofed_post(client, url, {**VALID, "email": f"bot{i}@example.org"}).status_code for i in range(60)]
    stored = NetworkJoinRequest.objects.count() - before
    assert stored == 5 and statuses.count(302) == 5 and statuses.count(429) == 55
    # Another client behind the same proxy is counted on its own.
    other = client.post(url, VALID, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20")
    assert other.status_code == 302


def test_sixty_spoofed_consultation_posts_store_at_most_the_limit(client, fuzz_site, settings):
    settings.SEISMIC_WAGTAIL = {"TRUSTED_PROXY_COUNT": 1, "CONSULTATION_RATE_LIMIT": 5}
    before = ConsultationResponse.objects.count()
    url = fuzz_site.consultation.url
    statuses = [spoofed_post(client, url, answer_data(email=f"bot{i}@example.org")).status_code for i in range(60)]
    stored = ConsultationResponse.objects.count() - before
    assert stored == 5 and statuses.count(302) == 5 and statuses.count(429) == 55


@pytest.fixture
def cache_down(fuzz_site, settings):
    """The site, its cache a Redis server that refuses connections (a closed port)."""
    pytest.importorskip("redis", reason="the redis package is not installed (pip install redis)")
    settings.SEISMIC_WAGTAIL = {"CONSULTATION_RATE_LIMIT": 10, "JOIN_REQUEST_RATE_LIMIT": 5}
    settings.CACHES = {
        "default": {
            "BACKEND": "seismic_wagtail.core.cache.ResilientRedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    resilient_cache._state["down"] = False
    return fuzz_site


PAGES = {
    "story index": lambda site: site.story_index.url,
    "story index, filtered": lambda site: site.story_index.url + "?theme=environment&q=solar",
    "story rss.xml": lambda site: site.story_index.url + "rss.xml",
    "story atom.xml": lambda site: site.story_index.url + "atom.xml",
    "story page": lambda site: site.story.url,
    "network index": lambda site: site.network_index.url,
    "network page": lambda site: site.network.url,
    "calendar.ics": lambda site: site.network.url + "calendar.ics",
    "event page": lambda site: site.event.url,
    "event.ics": lambda site: site.event.url + "event.ics",
    "join form": lambda site: site.network.url + "join/",
    "join thanks": lambda site: site.network.url + "join/thanks/",
    "consultation": lambda site: site.consultation.url,
    "consultation thanks": lambda site: site.consultation.url + "thanks/",
    "consultation results": lambda site: site.consultation.url + "results/",
    "search page": lambda site: site.search.url + "?q=solar",
}


def test_pages_keep_serving_with_the_cache_server_down(client, cache_down, caplog):
    caplog.set_level(logging.WARNING, logger="seismic_wagtail.core.cache")
    statuses = {name: client.get(url(cache_down)).status_code for name, url in PAGES.items()}
    assert statuses == dict.fromkeys(PAGES, 200)
    warnings = [record for record in caplog.records if record.name == "seismic_wagtail.core.cache"]
    assert len(warnings) == 1 and "does not answer" in warnings[0].getMessage()


def test_forms_fail_closed_with_the_cache_server_down(client, cache_down):
    join_before, responses_before = NetworkJoinRequest.objects.count(), ConsultationResponse.objects.count()
    join = client.post(cache_down.network.url + "join/", {**VALID, "email": f"{uuid.uuid4().hex}@example.org"})
    consultation = client.post(cache_down.consultation.url, answer_data())
    for response in (join, consultation):
        html = response.content.decode()
        assert response.status_code == 503 and response["Retry-After"] == "300"
        assert "We cannot accept submissions right now" in html and "Nothing you sent was stored" in html
    assert NetworkJoinRequest.objects.count() == join_before
    assert ConsultationResponse.objects.count() == responses_before


@pytest.mark.parametrize(("language", "text"), [("de", "Wir können gerade keine"), ("tr", "Şu anda gönderim")])
def test_the_503_page_is_translated(rf, language, text):
    with translation.override(language):
        response = unavailable_response(rf.post("/")).render()
    assert response.status_code == 503 and text in response.content.decode()


def test_facet_cache_failures_do_not_break_saving(settings, caplog):
    """Django's own RedisCache raises when its server is down; the facet cache logs and goes on."""
    pytest.importorskip("redis")
    from seismic_wagtail.stories.filters import clear_facet_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED_PORT}}
    clear_facet_cache()  # no exception
