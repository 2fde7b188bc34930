"""Syndication between two real sites (issue #14): two example-site processes talking HTTP on loopback.

Site A serves a copy of the session's demo database (``demo_database``); site B starts empty (migrated, its
home page in every language), gets a "Partner stories" index and a partner pointing at A's read API, and runs
``manage.py seismic_syndicate`` as a cron job would. Every step checks what B really has: its database read
through ``manage.py shell`` (printed as JSON), its pages over HTTP. The steps:

a. the first run copies A's German stories (body, themes, organisations, hero image) with the canonical link
   to A and the attribution; B's index lists and counts them;
b. a second run changes nothing (no new page revision);
c. an edit published at A updates B's copy;
d. an edit at A of a story edited at B too is not applied: the copy is flagged, the local text stays;
e. a story unpublished at A is unpublished at B and flagged;
f. A stops in the middle of a run (a proxy in front of it kills the process after the listing, during the
   stories' details): the run fails with the error on the partner, nothing is half-imported, and the next run
   after A's restart completes without duplicates.

It lives with the browser tests for their example site and demo database; it needs no browser.
"""

import http.server
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from .conftest import EXAMPLE, _free_port

PARTNER = "Partner site A"
COUNTRY = "DE"
#: Step f widens the partner's filter to these countries: stories to fetch, so that A can stop mid-run.
MORE_COUNTRIES = ["DE", "AT", "BE", "CZ"]
#: Step f: A is stopped when this detail request of the run reaches the proxy (the ones before were answered).
STOP_AT_DETAIL = 3
REPORT = re.compile(
    re.escape(PARTNER) + r": created (?P<created>\d+), updated (?P<updated>\d+), flagged (?P<flagged>\d+), "
    r"removed (?P<removed>\d+), unchanged (?P<unchanged>\d+), skipped (?P<skipped>\d+)"
)
DETAIL_PATH = re.compile(r"/api/seismic/v2/stories/\d+/")


def run_manage(site, *args, timeout=120):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


#: The program of a long-lived ``manage.py shell``: runs each snippet it reads (a JSON string a line) in a fresh
#: namespace and answers with what the snippet printed (one process start per site instead of one per snippet).
SHELL_LOOP = """
import contextlib, io, json, sys, traceback
for line in sys.stdin:
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            exec(json.loads(line), {})
        answer = {"output": output.getvalue()}
    except Exception:
        answer = {"error": traceback.format_exc(), "output": output.getvalue()}
    sys.__stdout__.write("SHELL-ANSWER " + json.dumps(answer) + "\\n")
    sys.__stdout__.flush()
"""


class DjangoShell:
    """A ``manage.py shell`` of one site, open for the module: :meth:`__call__` runs a snippet in it and
    returns the JSON document the snippet printed last. The snippets read and write the site's database as
    ``manage.py shell -c`` would (each query sees what the other processes committed)."""

    def __init__(self, site):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", SHELL_LOOP],
            cwd=EXAMPLE,
            env=site.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def __call__(self, code):
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            assert line, "The shell ended before answering."
            if line.startswith("SHELL-ANSWER "):
                break
        answer = json.loads(line.removeprefix("SHELL-ANSWER "))
        assert "error" not in answer, answer["error"]
        return json.loads(answer["output"].strip().splitlines()[-1])

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def shell(site, code):
    """Run the snippet ``code`` in the shell of ``site``; it prints a JSON document last, returned decoded."""
    return site.shell(code)


def syndicate(site_b):
    """``manage.py seismic_syndicate`` at B: (exit status, its output, the partner's counts or None)."""
    result = run_manage(site_b, "seismic_syndicate", timeout=180)
    output = result.stdout + result.stderr
    match = REPORT.search(result.stdout)
    counts = {key: int(value) for key, value in match.groupdict().items()} if match else None
    return result.returncode, output, counts


def get(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.status, response.read().decode()


def get_json(url):
    return json.loads(get(url)[1])


# --- What the shell prints ----------------------------------------------------------------------------

SETUP_B = """
import json
from wagtail.models import Locale, Site
from seismic_wagtail.core.models import Organisation, Theme
from seismic_wagtail.stories.models import StoryIndexPage, SyndicationPartner
english = Locale.objects.get(language_code="en")
for theme in {themes!r}:
    Theme.objects.create(locale=english, **theme)
Organisation.objects.create(locale=english, **{organisation!r})
home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=StoryIndexPage(title="Partner stories", slug="partner-stories", locale=english))
index.save_revision().publish()
SyndicationPartner.objects.create(
    name={partner!r}, api_url={api_url!r}, story_index=index, countries=[{country!r}], languages=["en"], timeout=5
)
print(json.dumps({{"index": index.pk, "url": index.url}}))
"""

A_SNIPPETS = """
import json
from seismic_wagtail.core.models import Organisation, Theme
themes = [{"name": t.name, "slug": t.slug} for t in Theme.objects.filter(locale__language_code="en")]
org = Organisation.objects.get(locale__language_code="en", acronym="HU Berlin")
organisation = {"name": org.name, "acronym": org.acronym, "country": org.country.code, "organisation_type": org.organisation_type}
print(json.dumps({"themes": themes, "organisation": organisation}))
"""

STATE_B = """
import json
from django.db.models import Count
from wagtail.models import Revision
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, SyndicatedStory, SyndicationPartner
index = StoryIndexPage.objects.get(slug="partner-stories")
records = []
for record in SyndicatedStory.objects.select_related("page").order_by("pk"):
    page = record.page
    records.append({
        "source_key": str(record.source_key), "language": record.language, "source_id": record.source_id,
        "source_url": record.source_url, "status": record.status, "source_data": record.source_data,
        "pending_data": record.pending_data, "hero_image_credit": record.hero_image_credit,
        "imported_revision_id": record.imported_revision_id,
        "page": None if page is None else {
            "id": page.pk, "title": page.title, "live": page.live, "summary": page.summary, "city": page.city,
            "country": page.country.code, "start_year": page.start_year, "end_year": page.end_year,
            "themes": page.theme_slugs, "organisations": page.organisation_names,
            "body": [block.block_type for block in page.body], "body_text": str(page.body),
            "hero_file": page.hero_image.file.name if page.hero_image_id else None,
            "url": page.url, "parent_id": page.get_parent().pk, "locale": page.locale.language_code,
            "latest_revision_id": page.latest_revision_id,
        },
    })
partner = SyndicationPartner.objects.get()
print(json.dumps({
    "index": index.pk,
    "records": records,
    "pages_under_index": sorted(StoryPage.objects.descendant_of(index).values_list("pk", flat=True)),
    "revisions": Revision.objects.count(),
    "partner": {"last_error": partner.last_error, "last_report": partner.last_report,
                "failures": partner.failures, "last_success_at": str(partner.last_success_at)},
}, default=str))
"""

#: Publishes a new revision of A's English story ``{source_id}`` with ``{summary}``.
EDIT_A = """
import json
from seismic_wagtail.stories.models import StoryPage
page = StoryPage.objects.get(pk={source_id})
page.summary = {summary!r}
revision = page.save_revision()
revision.publish()
print(json.dumps({{"revision": revision.pk}}))
"""

UNPUBLISH_A = """
import json
from seismic_wagtail.stories.models import StoryPage
page = StoryPage.objects.get(pk={source_id})
page.unpublish()
print(json.dumps({{"live": StoryPage.objects.get(pk={source_id}).live}}))
"""

#: An editor at B changes the copy ``{page_id}`` (a new published revision).
EDIT_B = """
import json
from seismic_wagtail.stories.models import StoryPage
page = StoryPage.objects.get(pk={page_id})
page.summary = {summary!r}
page.save_revision().publish()
print(json.dumps({{"latest_revision_id": StoryPage.objects.get(pk={page_id}).latest_revision_id}}))
"""

WIDEN_PARTNER = """
import json
from seismic_wagtail.stories.models import SyndicationPartner
partner = SyndicationPartner.objects.get()
partner.countries = {countries!r}
partner.api_url = {api_url!r}
partner.save()
print(json.dumps({{"countries": [c.code for c in partner.countries]}}))
"""


# --- A proxy that stops site A mid-run ----------------------------------------------------------------


class StoppingProxy:
    """Forwards GET requests to site A; stops A's process when the ``stop_at``-th story detail arrives (then
    answers 502, like a reverse proxy in front of a stopped application). The Host header is A's own, so
    A's absolute URLs (``html_url``, images) are the same as without the proxy."""

    def __init__(self, site_a, stop_at):
        self.site_a, self.stop_at = site_a, stop_at
        self.details = 0
        self.forwarded = []
        self.stopped = False
        self.armed = False
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.handle(self)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def api_url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/seismic/v2/"

    def handle(self, request):
        if self.armed and DETAIL_PATH.match(request.path):
            self.details += 1
            if self.details == self.stop_at and not self.stopped:
                self.site_a.stop()  # a real stop: the process is terminated and waited for
                self.stopped = True
        upstream = urllib.request.Request(
            self.site_a.base_url + request.path,
            headers={key: value for key, value in request.headers.items() if key.lower() in ("accept", "user-agent")},
        )
        try:
            with urllib.request.urlopen(upstream, timeout=20) as response:
                status, body, content_type = response.status, response.read(), response.headers.get("Content-Type")
        except urllib.error.HTTPError as error:
            status, body, content_type = error.code, error.read(), error.headers.get("Content-Type")
        except (urllib.error.URLError, ConnectionError):
            status, body, content_type = 502, b"Bad gateway", "text/plain"
        else:
            self.forwarded.append(request.path)
        request.send_response(status)
        request.send_header("Content-Type", content_type or "application/octet-stream")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- Fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_a(demo_database, tmp_path_factory):
    """Site A: a copy of the demo database and its media, served on its own port."""
    site = demo_database.copy(tmp_path_factory.mktemp("syndication-site-a")).launch()
    site.shell = DjangoShell(site)
    site.wait_until_up()
    yield site
    site.shell.close()
    site.stop()


@pytest.fixture(scope="module")
def site_b(demo_database, site_a, tmp_path_factory):
    """Site B: an empty site (migrated, its home page in every language) with the themes and one organisation
    of A, a "Partner stories" index and the partner pointing at A's read API; served on its own port."""
    site = demo_database.empty.copy(tmp_path_factory.mktemp("syndication-site-b")).launch()
    site.shell = DjangoShell(site)
    snippets = shell(site_a, A_SNIPPETS)
    site.index = shell(
        site,
        SETUP_B.format(
            themes=snippets["themes"],
            organisation=snippets["organisation"],
            partner=PARTNER,
            api_url=site_a.base_url + "/api/seismic/v2/",
            country=COUNTRY,
        ),
    )
    site.wait_until_up()
    yield site
    site.shell.close()
    site.stop()


@pytest.fixture
def proxy_factory():
    proxies = []

    def make(site_a, stop_at):
        proxies.append(StoppingProxy(site_a, stop_at))
        return proxies[-1]

    yield make
    for proxy in proxies:
        proxy.close()


def a_stories(site_a, *countries):
    """A's live English stories of ``countries`` as its read API gives them (details), by translation key."""
    stories = {}
    for country in countries:
        listing = get_json(f"{site_a.base_url}/api/seismic/v2/stories/?country={country}&locale=en&limit=20")
        for item in listing["items"]:
            detail = get_json(item["meta"]["detail_url"])
            stories[detail["meta"]["translation_key"]] = detail
    return stories


def by_key(state):
    return {record["source_key"]: record for record in state["records"]}


def assert_counts(counts, output, **expected):
    assert counts is not None, output
    assert {key: counts[key] for key in expected} == expected, output


def assert_nothing_half_imported(state):
    """Every copy is whole: a page under the index with a body and the snapshot it came from; every story page
    under the index is a copy; one record per source story and language."""
    keys = [(record["source_key"], record["language"]) for record in state["records"]]
    assert len(keys) == len(set(keys)), keys
    pages = []
    for record in state["records"]:
        page = record["page"]
        assert page is not None, record
        assert page["parent_id"] == state["index"], record
        assert page["body"], record
        assert page["title"] and page["summary"], record
        assert record["source_data"].get("title"), record
        pages.append(page["id"])
    assert sorted(pages) == state["pages_under_index"]


# --- The test -----------------------------------------------------------------------------------------


def test_two_sites_syndicate(site_a, site_b, proxy_factory):
    index_url = site_b.base_url + site_b.index["url"]
    source = a_stories(site_a, COUNTRY)
    assert len(source) >= 3

    # a. The first run copies A's German stories. -------------------------------------------------------
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=len(source), updated=0, flagged=0, removed=0)
    state = shell(site_b, STATE_B)
    assert_nothing_half_imported(state)
    records = by_key(state)
    assert set(records) == set(source)
    for key, story in source.items():
        record, page = records[key], records[key]["page"]
        assert record["status"] == "current"
        assert record["language"] == "en"
        assert record["source_id"] == story["id"]
        assert record["source_url"] == story["meta"]["html_url"]
        assert page["live"] and page["locale"] == "en"
        for field in ("title", "summary", "city", "country", "start_year", "end_year"):
            assert page[field] == story[field], (field, page[field], story[field])
        assert page["themes"] == story["theme_slugs"]
        # Matched by name: B has A's Humboldt-Universität (and no other organisation).
        assert page["organisations"] == story["organisation_names"]
        assert page["body"] == [block["type"] for block in story["body"]]
        for block in story["body"]:
            if block["type"] == "challenge":
                text = re.sub(r"<[^>]+>", "", block["value"]["text"])
                assert text in page["body_text"]
        assert bool(page["hero_file"]) == bool(story["hero_image"])
        if story["hero_image"]:
            assert (site_b.media / page["hero_file"]).stat().st_size > 0
            # The image's credit at A, else the partner (the demo's images have none).
            assert record["hero_image_credit"] == (story["hero_image"]["credit"] or PARTNER)
        # B's copy over HTTP: the canonical link is A's page, which answers; the partner is named.
        status, html = get(site_b.base_url + page["url"])
        assert status == 200
        assert f'<link rel="canonical" href="{story["meta"]["html_url"]}">' in html
        body = html.split("</head>", 1)[1]
        assert PARTNER in body
        assert f'href="{story["meta"]["html_url"]}"' in body
        assert get(story["meta"]["html_url"])[0] == 200
    status, html = get(index_url)
    assert status == 200
    for story in source.values():
        assert story["title"].replace("'", "&#x27;") in html
    assert re.search(rf'value="{COUNTRY}"[^>]*>\s*<label[^>]*>[^<]*<span class="seismic-muted">\({len(source)}<', html)

    # b. A second run changes nothing. --------------------------------------------------------------------
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=0, updated=0, flagged=0, removed=0, unchanged=len(source), skipped=0)
    again = shell(site_b, STATE_B)
    assert again["revisions"] == state["revisions"]
    assert again["records"] == state["records"]

    # c. An edit published at A updates B's copy. -----------------------------------------------------------
    edited, flagged, removed = sorted(source)[:3]
    shell(site_a, EDIT_A.format(source_id=source[edited]["id"], summary="Changed at the source: a new summary."))
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=0, updated=1, flagged=0, removed=0, unchanged=len(source) - 1)
    state = shell(site_b, STATE_B)
    record = by_key(state)[edited]
    assert record["page"]["summary"] == "Changed at the source: a new summary."
    assert record["source_data"]["summary"] == "Changed at the source: a new summary."
    assert record["status"] == "current"
    assert record["page"]["latest_revision_id"] == record["imported_revision_id"]
    assert state["revisions"] == again["revisions"] + 1
    assert "Changed at the source: a new summary." in get(site_b.base_url + record["page"]["url"])[1]

    # d. A local edit at B, then a change at A: the copy is flagged and keeps the local text. ----------------
    local = by_key(state)[flagged]
    shell(site_b, EDIT_B.format(page_id=local["page"]["id"], summary="Edited here, at site B."))
    shell(site_a, EDIT_A.format(source_id=source[flagged]["id"], summary="Changed at the source again."))
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=0, updated=0, flagged=1, removed=0)
    state = shell(site_b, STATE_B)
    record = by_key(state)[flagged]
    assert record["status"] == "source_updated"
    assert record["page"]["summary"] == "Edited here, at site B."
    assert record["page"]["live"]
    assert record["pending_data"]["summary"] == "Changed at the source again."
    assert record["source_data"]["summary"] == local["source_data"]["summary"]

    # e. A story unpublished at A is unpublished at B and flagged. -------------------------------------------
    shell(site_a, UNPUBLISH_A.format(source_id=source[removed]["id"]))
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=0, updated=0, removed=1)
    state = shell(site_b, STATE_B)
    record = by_key(state)[removed]
    assert record["status"] == "source_removed"
    assert not record["page"]["live"]
    assert source[removed]["title"].replace("'", "&#x27;") not in get(index_url)[1]
    assert_nothing_half_imported(state)
    before_failure = state

    # f. A stops in the middle of a run: nothing half-imported; the next run completes. ---------------------
    more = a_stories(site_a, *MORE_COUNTRIES)
    expected = set(more) | {removed}
    assert len(expected - set(by_key(before_failure))) > STOP_AT_DETAIL
    proxy = proxy_factory(site_a, STOP_AT_DETAIL)
    shell(site_b, WIDEN_PARTNER.format(countries=MORE_COUNTRIES, api_url=proxy.api_url))
    proxy.armed = True
    status, output, counts = syndicate(site_b)
    assert proxy.stopped, (proxy.details, proxy.forwarded)
    assert site_a.server is None
    assert status == 1, output
    assert f"{PARTNER}: failed:" in output
    state = shell(site_b, STATE_B)
    assert state["partner"]["last_error"]
    assert state["partner"]["failures"] >= 1
    assert_nothing_half_imported(state)
    after_failure = by_key(state)
    assert set(by_key(before_failure)) <= set(after_failure)
    assert set(after_failure) < expected  # really mid-way: not everything arrived
    for key in set(after_failure) - {removed, flagged}:
        assert after_failure[key]["page"]["live"], after_failure[key]
        assert after_failure[key]["status"] == "current", after_failure[key]

    site_a.start(port=site_a.port)  # the same address: the proxy forwards to it again
    status, output, counts = syndicate(site_b)
    assert status == 0, output
    assert_counts(counts, output, created=len(expected) - len(after_failure), updated=0, removed=0)
    state = shell(site_b, STATE_B)
    assert_nothing_half_imported(state)
    records = by_key(state)
    assert set(records) == expected
    assert not state["partner"]["last_error"]
    assert state["partner"]["failures"] == 0
    titles = [record["page"]["title"] for record in state["records"]]
    assert len(titles) == len(set(titles)), titles
    for key, story in more.items():
        assert records[key]["page"]["live"], records[key]
        assert records[key]["page"]["title"] == story["title"]
        assert records[key]["page"]["country"] in MORE_COUNTRIES
    assert records[flagged]["page"]["summary"] == "Edited here, at site B."
    assert records[removed]["status"] == "source_removed"
    assert not records[removed]["page"]["live"]
