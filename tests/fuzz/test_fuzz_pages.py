"""Every public URL of the package, with generated query strings: no server error, whatever is sent.

The URLs: the story index (every facet parameter, search, page) and its RSS/Atom feeds, a story, the network
index, a network and its calendar.ics, an event and its event.ics, the join form and its thank-you page, a
consultation, its thank-you and results pages, the search page, and the confirmation links (real, tampered
and garbage tokens, shown and posted).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seismic_wagtail.consultations.models import ConsultationResponse

from .inputs import confirmation_tokens, query_strings
from .reporting import record

pytestmark = pytest.mark.django_db

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

STORY_PARAMS = ["year", "network", "theme", "city", "country", "orgtype", "q", "page"]
OTHER_PARAMS = ["page", "q", "pending", "lang", "type", "utm_source"]
SEARCH_PARAMS = ["q", "lang", "type", "page"]

#: Route name -> (URL of the fuzz site, the query parameters it reads).
ROUTES = {
    "story index": (lambda site: site.story_index.url, STORY_PARAMS),
    "story rss.xml": (lambda site: site.story_index.url + "rss.xml", STORY_PARAMS),
    "story atom.xml": (lambda site: site.story_index.url + "atom.xml", STORY_PARAMS),
    "story rss/": (lambda site: site.story_index.url + "rss/", STORY_PARAMS),
    "story page": (lambda site: site.story.url, OTHER_PARAMS),
    "network index": (lambda site: site.network_index.url, OTHER_PARAMS),
    "network page": (lambda site: site.network.url, OTHER_PARAMS),
    "calendar.ics": (lambda site: site.network.url + "calendar.ics", OTHER_PARAMS),
    "event page": (lambda site: site.event.url, OTHER_PARAMS),
    "event.ics": (lambda site: site.event.url + "event.ics", OTHER_PARAMS),
    "join form": (lambda site: site.network.url + "join/", OTHER_PARAMS),
    "join thanks": (lambda site: site.network.url + "join/thanks/", OTHER_PARAMS),
    "consultation": (lambda site: site.consultation.url, OTHER_PARAMS),
    "consultation thanks": (lambda site: site.consultation.url + "thanks/", OTHER_PARAMS),
    "consultation results": (lambda site: site.consultation.url + "results/", OTHER_PARAMS),
    "search page": (lambda site: site.search.url, SEARCH_PARAMS),
}


def get(client, route, path, query_string):
    record(route)
    response = client.generic("GET", path, QUERY_STRING=query_string)
    assert response.status_code < 500, (route, path, query_string[:300])
    return response


@pytest.mark.parametrize("route", list(ROUTES))
def test_get_with_generated_query_strings(client, fuzz_site, route):
    url_of, params = ROUTES[route]
    path = url_of(fuzz_site)
    assert get(client, route, path, "").status_code == 200

    @FUZZ
    @given(query_string=query_strings(params))
    def run(query_string):
        response = get(client, route, path, query_string)
        assert response.status_code in (200, 404), (route, query_string[:300])

    run()


def test_confirmation_links_with_generated_tokens(client, fuzz_site):
    page = fuzz_site.consultation
    valid = fuzz_site.tokens[0]

    @FUZZ
    @given(token=confirmation_tokens(fuzz_site.tokens), method=st.sampled_from(["GET", "POST"]))
    def run(token, method):
        confirmed_before = ConsultationResponse.objects.filter(confirmed=True).count()
        path = page.url + "confirm/" + token + "/"
        record("confirmation link")
        response = client.generic(method, path)
        assert response.status_code in (200, 400, 404), (token[:100], response.status_code)
        confirmed_after = ConsultationResponse.objects.filter(confirmed=True).count()
        if token != valid:
            assert response.status_code != 200 or method == "GET" or confirmed_after == confirmed_before
            assert confirmed_after == confirmed_before, token[:100]

    run()
