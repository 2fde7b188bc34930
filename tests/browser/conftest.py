"""Real-browser tests: Debian's Chromium driven by Playwright, against the example site with its demo content.

The session builds the example project's database once (``demo_database``: a fresh SQLite database in a
temporary folder, migrated and loaded with ``seismic_demo``) and serves a copy of it (``example.settings.test``)
on a free loopback port (``example_server``); tests that need a site of their own copy it too
(``test_syndication_two_sites``). Nothing reaches the network: Chromium runs with the background-networking
features off.

Without Playwright, Chromium or axe-core (``npm ci --prefix tests/browser``) the tests are skipped with the
reason; ``SEISMIC_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns those skips into failures.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "example_project"
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SEISMIC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ADMIN = {"username": "admin", "password": "seismic-browser-tests"}
#: The axe-core rule tags audited: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if str(item.fspath).startswith(str(Path(__file__).parent)):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason):
    if os.environ.get("SEISMIC_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browser tests required but unavailable: {reason}")
    pytest.skip(reason)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, timeout=600):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )


class ExampleSite:
    """One example site (``example.settings.test``): its SQLite database and media folder in ``workdir``, and
    its ``runserver`` process once started (:meth:`start`). Several can run side by side on free loopback ports."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database = self.workdir / "db.sqlite3"
        self.media = self.workdir / "media"
        self.server = None
        self.port = None
        self._log = None
        #: Set on ``demo_database``: the same site before the demo content (an empty site to copy).
        self.empty = None

    @property
    def env(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "example.settings.test",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "SEISMIC_MEDIA_ROOT": str(self.media),
            "DEMO_ADMIN_USERNAME": ADMIN["username"],
            "DEMO_ADMIN_PASSWORD": ADMIN["password"],
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DJANGO_CONFIGURATION", None)
        return env

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args, timeout=600):
        _manage(self.env, *args, timeout=timeout)

    def copy(self, workdir):
        """A copy of this site's database and media in ``workdir`` (not started)."""
        site = ExampleSite(workdir)
        shutil.copyfile(self.database, site.database)
        if self.media.exists():
            shutil.copytree(self.media, site.media, dirs_exist_ok=True)
        return site

    def start(self, port=None):
        """Serve the site on ``port`` (a free one by default) and wait until it answers."""
        return self.launch(port).wait_until_up()

    def launch(self, port=None):
        """Start serving the site on ``port`` (a free one by default) without waiting for it."""
        self.port = port or self.port or _free_port()
        self._log = open(self.workdir / "server.log", "a")
        self.server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--insecure"],
            cwd=EXAMPLE,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        return self

    def wait_until_up(self):
        """Wait until the launched site answers (at most a minute); fail the test with its log if it does not."""
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.base_url + "/", timeout=5)
                return self
            except (urllib.error.URLError, ConnectionError):
                if self.server.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail("The example site did not start: " + (self.workdir / "server.log").read_text()[-2000:])
                time.sleep(0.3)

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server = None
        if self._log is not None:
            self._log.close()
            self._log = None


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """The example site's database with the demo content and the admin user, built once per session and never
    served: copy it (``demo_database.copy(folder)``) to run a site on it. ``demo_database.empty`` is the same
    site before the demo (migrated, the home page in every language): a fresh site to copy."""
    site = ExampleSite(tmp_path_factory.mktemp("demo-database"))
    site.manage("migrate", "--noinput")
    site.manage("example_languages")
    site.empty = ExampleSite(site.workdir / "empty")
    shutil.copyfile(site.database, site.empty.database)
    site.manage("seismic_demo")
    site.manage("demo_admin")
    return site


@pytest.fixture(scope="session")
def example_server(demo_database, tmp_path_factory):
    """The base URL of the example site, served with the demo content for the whole session."""
    site = demo_database.copy(tmp_path_factory.mktemp("example-site")).start()
    yield site.base_url
    site.stop()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]').")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        _unavailable(f"No Chromium at {CHROMIUM} (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, example_server):
    """A fresh browser context (no cookies) with English as the browser language."""
    context = browser.new_context(base_url=example_server, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, example_server):
    """A factory for pages in contexts with a given browser language: ``new_page(locale="sv-SE")``."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=example_server, accept_downloads=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        _unavailable("axe-core is not installed (npm ci --prefix tests/browser).")
    return AXE_JS.read_text()


@pytest.fixture
def axe(axe_source):
    """``axe(page)`` runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page and returns the violations."""

    def run(page):
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
        ]

    return run


def format_violations(violations):
    return json.dumps(violations, indent=2, ensure_ascii=False)
