"""Absolute URLs come from SEISMIC_WAGTAIL["BASE_URL"], else the request's host, else the Site record: in the
canonical and Open Graph tags, feeds, iCal files and JSON-LD, never the Site record's localhost:80 while a
request is there."""

import json
import re

import feedparser
import icalendar
import pytest
from django.test import RequestFactory

from seismic_wagtail.core.absolute_urls import absolute_url
from tests.factories.core import ImageFactory
from tests.factories.networks import EventPageFactory, NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

HOST = "city.example"


@pytest.fixture(autouse=True)
def city_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]


@pytest.fixture
def pages(root_page, locales):
    stories = StoryIndexPageFactory(parent=root_page, title="Stories", slug="stories")
    story = StoryPageFactory(parent=stories, title="Repair cafés", slug="repair-cafes", hero_image=ImageFactory())
    networks = NetworkIndexPageFactory(parent=root_page, title="Networks", slug="networks")
    network = NetworkPageFactory(parent=networks, title="SEiSMiC Austria", slug="austria")
    event = EventPageFactory(parent=network, title="Kick-off", slug="kick-off")
    return {"stories": stories, "story": story, "networks": networks, "network": network, "event": event}


def head_urls(html):
    """The canonical link and og:url/og:image of a page."""
    found = {}
    for name, pattern in [
        ("canonical", r'<link rel="canonical" href="([^"]*)">'),
        ("og:url", r'<meta property="og:url" content="([^"]*)">'),
        ("og:image", r'<meta property="og:image" content="([^"]*)">'),
    ]:
        match = re.search(pattern, html)
        if match:
            found[name] = match.group(1)
    return found


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def every_url(client, pages, base):
    """All the absolute URLs the package prints for pages, fetched with the Host header city.example."""
    urls = {}
    get = lambda url: client.get(url, HTTP_HOST=HOST)  # noqa: E731
    story_html = get(pages["story"].url).content.decode()
    for key, value in head_urls(story_html).items():
        urls[f"story {key}"] = value
    data = json_ld(story_html)
    urls["story json-ld url"], urls["story json-ld image"] = data["url"], data["image"]
    urls["index canonical"] = head_urls(get(pages["stories"].url).content.decode())["canonical"]
    rss = feedparser.parse(get(pages["stories"].url + "rss.xml").content)
    urls["rss link"], urls["rss item"] = rss.feed.link, rss.entries[0].link
    atom = feedparser.parse(get(pages["stories"].url + "atom.xml").content)
    urls["atom self"] = next(link.href for link in atom.feed.links if link.rel == "self")
    urls["atom item"] = atom.entries[0].link
    for name in ("network", "event", "networks"):
        for key, value in head_urls(get(pages[name].url).content.decode()).items():
            urls[f"{name} {key}"] = value
    event_data = json_ld(get(pages["event"].url).content.decode())
    urls["event json-ld url"], urls["event organizer"] = event_data["url"], event_data["organizer"]["url"]
    for url in (pages["event"].url + "event.ics", pages["network"].url + "calendar.ics", "/networks/calendar.ics"):
        for component in icalendar.Calendar.from_ical(get(url).content).walk("VEVENT"):
            urls[f"{url} URL"] = str(component["URL"])
    assert urls["story canonical"] == base + "/stories/repair-cafes/"
    assert urls["event canonical"] == base + "/networks/austria/kick-off/"
    return urls


def test_urls_come_from_the_request_host(client, pages):
    urls = every_url(client, pages, f"http://{HOST}")
    assert len(urls) == 20
    wrong = {name: url for name, url in urls.items() if not url.startswith(f"http://{HOST}/")}
    assert wrong == {}


def test_base_url_setting_wins_over_the_request_host(client, settings, pages):
    settings.SEISMIC_WAGTAIL = {"BASE_URL": "https://www.city.example/"}
    urls = every_url(client, pages, "https://www.city.example")
    wrong = {name: url for name, url in urls.items() if not url.startswith("https://www.city.example/")}
    assert wrong == {}


def test_without_a_request_the_site_record_is_used(pages, settings):
    assert absolute_url(pages["story"]) == "http://localhost/stories/repair-cafes/"
    assert absolute_url("/media/x.jpg") == "http://localhost/media/x.jpg"
    assert pages["event"].get_json_ld()["url"] == "http://localhost/networks/austria/kick-off/"
    settings.SEISMIC_WAGTAIL = {"BASE_URL": "https://www.city.example"}
    assert absolute_url(pages["story"]) == "https://www.city.example/stories/repair-cafes/"
    assert absolute_url("media/x.jpg") == "https://www.city.example/media/x.jpg"


def test_helper_rules(pages, settings):
    request = RequestFactory().get("/", HTTP_HOST=HOST, secure=True)
    assert absolute_url(pages["story"], request) == "https://city.example/stories/repair-cafes/"
    assert absolute_url("https://cdn.example/x.jpg", request) == "https://cdn.example/x.jpg"  # already absolute
    assert absolute_url(None, request) is None
    orphan = StoryPageFactory.build(title="Nowhere")  # not in the tree: no site serves it
    assert absolute_url(orphan, request) is None


@pytest.mark.parametrize("value", ["city.example", "ftp://city.example", "https://city.example/stories/", "https://"])
def test_base_url_that_is_not_a_site_address_is_a_settings_error(settings, value):
    from seismic_wagtail.core import checks

    settings.SEISMIC_WAGTAIL = {"BASE_URL": value}
    [error] = checks.check_package_settings()
    assert error.id == "seismic_wagtail.E004" and "BASE_URL" in error.msg


@pytest.mark.parametrize("value", [None, "https://city.example", "http://city.example:8000/"])
def test_good_base_urls_are_quiet(settings, value):
    from seismic_wagtail.core import checks

    settings.SEISMIC_WAGTAIL = {"BASE_URL": value}
    assert checks.check_package_settings() == []
