"""Drive an existing Wagtail site (a "host") from the outside, as its developer would.

A :class:`Host` is a copy of a fixture (or a fresh ``wagtail start`` site) in a temporary folder, run with
the host's own Python (``SEISMIC_HOST_PYTHON``, else this interpreter) in subprocesses only: ``manage.py``
commands, ``runserver`` on a free loopback port, and :mod:`probe` for what only the host's own process
can see. :func:`http_snapshot` and :func:`inspect_page` look at the served HTML.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
README = ROOT / "README.md"
FOLLOW_README = ROOT / ".ci" / "follow_readme.py"
PROBE = HERE / "probe.py"

#: What the flow knows about a ``wagtail start`` site (a fixture says the same in its hostsite.toml).
WAGTAIL_START = {
    "settings": "citysite/settings/base.py",
    "urls": "citysite/urls.py",
    "routes": ["/search/?query=home"],
}

#: Every step's duration, for the summary at the end of the session (see conftest.py).
TIMINGS = []


@contextmanager
def timed(host_name, label):
    """Time one step of the flow; printed at once and in the session's summary."""
    started = time.monotonic()
    print(f"[{host_name}] {label} ...", flush=True)
    try:
        yield
    finally:
        seconds = time.monotonic() - started
        TIMINGS.append((host_name, label, seconds))
        print(f"[{host_name}] {label}: {seconds:.1f} s", flush=True)


def host_python():
    """The Python the hosts run with: CI's fresh virtualenv with the built wheel, else this one."""
    return os.environ.get("SEISMIC_HOST_PYTHON") or sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Host:
    name: str
    path: Path  #: the folder with manage.py
    settings: Path  #: the settings module the README's blocks are appended to
    urls: Path
    routes: list  #: the host's own non-page URLs that must keep answering as before
    audits: list = field(default_factory=list)  #: browser audits (hostsite.toml's [[audit]] tables)
    overlay: Path | None = None  #: the fixture's install/ folder: the host-specific README steps
    python: str = field(default_factory=host_python)

    @classmethod
    def from_fixture(cls, name, workdir):
        """Copy the fixture ``tests/hostsites/<name>/`` (without its install/ overlay) into ``workdir``."""
        fixture = HERE / name
        path = workdir / name
        shutil.copytree(fixture, path, ignore=shutil.ignore_patterns("install", "__pycache__", "db.sqlite3*", "media"))
        spec = tomllib.loads((fixture / "hostsite.toml").read_text())
        return cls(
            name=name,
            path=path,
            settings=path / spec["settings"],
            urls=path / spec["urls"],
            routes=spec.get("routes", []),
            audits=spec.get("audit", []),
            overlay=fixture / "install",
        )

    @classmethod
    def wagtail_start(cls, workdir):
        """A site made by ``wagtail start citysite``, as the Wagtail tutorial makes one."""
        python = host_python()
        wagtail = Path(python).parent / "wagtail"
        command = [str(wagtail)] if wagtail.exists() else [python, "-c", "from wagtail.bin.wagtail import main; main()"]
        _run([*command, "start", "citysite"], cwd=workdir, env=_clean_env())
        path = workdir / "citysite"
        return cls(
            name="wagtail_start",
            path=path,
            settings=path / WAGTAIL_START["settings"],
            urls=path / WAGTAIL_START["urls"],
            routes=WAGTAIL_START["routes"],
            python=python,
        )

    # -- running the host --------------------------------------------------------------------------------

    def step(self, label):
        """Time one step of the flow on this host (see :func:`timed`)."""
        return timed(self.name, label)

    def manage(self, *args, env=None, timeout=600, problems=None):
        """Run ``manage.py`` with the host's Python and return its output (stdout and stderr). A failure
        raises, or with a ``problems`` list is added to it (the flow goes on) and returns ``None``."""
        try:
            return _run(
                [self.python, "manage.py", *args], cwd=self.path, env={**_clean_env(), **(env or {})}, timeout=timeout
            )
        except AssertionError as error:
            if problems is None:
                raise
            problems.append(str(error))
            return None

    def probe(self, report, **env):
        """Run :mod:`probe` in the host's process and return its JSON report."""
        output = self.manage(
            "shell", "-c", f"import runpy; runpy.run_path({str(PROBE)!r})", env={"HOSTSITE_PROBE": report, **env}
        )
        for line in output.splitlines():
            if line.startswith("HOSTSITE-JSON:"):
                return json.loads(line.removeprefix("HOSTSITE-JSON:"))
        raise AssertionError(f"probe {report!r} printed no report:\n{output[-3000:]}")

    def sets_languages(self):
        """Whether the host's settings module sets LANGUAGES itself (a ``wagtail start`` site does not)."""
        return re.search(r"^LANGUAGES\b", self.settings.read_text(), re.M) is not None

    def follow_readme(self):
        """The README's copy-paste blocks, applied by CI's script exactly as the README marks them."""
        return _run(
            [self.python, str(FOLLOW_README), str(README), str(self.settings), str(self.urls)],
            cwd=self.path,
            env=_clean_env(),
        )

    def apply_overlay(self):
        """The host-specific README steps: ``install/settings.py`` is appended to the settings module, every
        other file of ``install/`` replaces (or adds) the file at the same place in the project."""
        if self.overlay is None or not self.overlay.exists():
            return []
        applied = []
        for source in sorted(p for p in self.overlay.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            relative = source.relative_to(self.overlay)
            if relative == Path("settings.py"):
                self.settings.write_text(self.settings.read_text() + "\n\n" + source.read_text())
            else:
                target = self.path / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            applied.append(str(relative))
        return applied

    @contextmanager
    def serve(self):
        """Serve the host with ``runserver`` on a free loopback port; yield its base URL."""
        port = free_port()
        log_path = self.path / f"runserver-{port}.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [self.python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
                cwd=self.path,
                env={**_clean_env(), "PYTHONUNBUFFERED": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            base_url = f"http://127.0.0.1:{port}"
            try:
                deadline = time.monotonic() + 60
                while fetch(base_url + "/") is None:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise AssertionError(f"{self.name} did not start:\n{log_path.read_text()[-3000:]}")
                    time.sleep(0.2)
                yield base_url
            finally:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()


def _clean_env():
    """This process's environment without what would point the host at the package's test settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
    env.pop("DATABASE_URL", None)
    env.pop("PYTHONPATH", None)
    return {**env, "PYTHONDONTWRITEBYTECODE": "1"}


def _run(command, *, cwd, env, timeout=600):
    result = subprocess.run(command, cwd=cwd, env=env, timeout=timeout, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise AssertionError(
            f"`{' '.join(str(part) for part in command)}` exited {result.returncode} in {cwd}:\n{output[-5000:]}"
        )
    return output


# -- looking at what the host serves ----------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def quote_url(url):
    """Percent-encode a URL with non-ASCII characters (Arabic slugs and queries) for urllib."""
    return urllib.parse.quote(url, safe="/:?=&%#+")


def fetch(url, headers=None):
    """GET ``url`` without following redirects; ``None`` when nothing answers."""
    request = urllib.request.Request(quote_url(url), headers=headers or {})
    try:
        with _opener.open(request, timeout=30) as response:
            return Response(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read())
    except (urllib.error.URLError, ConnectionError):
        return None


class PageInfo(HTMLParser):
    """What the flow checks in a page: <html> attributes, <title>, <h1>, <link>s, classes, search results."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html_attrs, self.links, self.classes = {}, [], set()
        self.title = self.h1 = ""
        self.results, self._capture, self._result = [], None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.classes.update(attrs.get("class", "").split())
        if tag == "html":
            self.html_attrs = attrs
        elif tag == "link":
            self.links.append(attrs)
        elif tag in ("title", "h1") and not getattr(self, tag):
            self._capture = tag
        elif tag == "a" and "search-result" in attrs.get("class", "").split():
            self._result = True
            self.results.append("")

    def handle_endtag(self, tag):
        if tag == self._capture:
            self._capture = None
        if tag == "a":
            self._result = False

    def handle_data(self, data):
        if self._capture:
            setattr(self, self._capture, " ".join((getattr(self, self._capture) + " " + data).split()))
        if self._result:
            self.results[-1] = (self.results[-1] + data).strip()

    def alternates(self):
        """``{type or hreflang: href}`` of the ``<link rel="alternate">`` elements."""
        return {
            link.get("type") or f"hreflang={link.get('hreflang')}": link.get("href", "")
            for link in self.links
            if "alternate" in link.get("rel", "").split()
        }


def http_snapshot(base_url, paths):
    """How each of ``paths`` answers: status, redirect target, <title>, <h1> and search results."""
    snapshot = {}
    for path in paths:
        response = fetch(base_url + path)
        info = PageInfo(response.text) if response.headers.get("Content-Type", "").startswith("text/html") else None
        snapshot[path] = {
            "status": response.status,
            "location": response.headers.get("Location"),
            "title": info.title if info else None,
            "h1": info.h1 if info else None,
            "results": info.results if info else None,
        }
    return snapshot


def differences(before, after, keys=None, only=None):
    """The entries of two snapshots that differ, as readable lines: of the entries named in ``only`` if
    given, comparing only ``keys`` of each entry if given."""
    lines = []
    for name in sorted(set(before) | set(after) if only is None else only):
        old, new = before.get(name), after.get(name)
        if keys and isinstance(old, dict) and isinstance(new, dict):
            old, new = {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
        if old != new:
            lines.append(f"{name}: {json.dumps(old, ensure_ascii=False)} -> {json.dumps(new, ensure_ascii=False)}")
    return lines


def labelled(label, lines, most=25):
    """``lines`` prefixed with ``label``, at most ``most`` of them (then how many more there are)."""
    shown = [f"{label}{line}" for line in lines[:most]]
    return shown + ([f"{label}... and {len(lines) - most} more"] if len(lines) > most else [])


#: The file routes each page type must announce as <link rel="alternate"> and answer at.
ALTERNATES = {
    "StoryIndexPage": {"application/rss+xml": "rss.xml", "application/atom+xml": "atom.xml"},
    "StoryIndexPage (network section)": {"application/rss+xml": "rss.xml", "application/atom+xml": "atom.xml"},
    "NetworkPage": {"text/calendar": "calendar.ics"},
    "EventPage": {"text/calendar": "event.ics"},
}


def inspect_package_page(base_url, entry):
    """Problems with one package page (a :mod:`probe` ``package`` entry) as served: [] when it is right."""
    where = f"{entry['model']} [{entry['language']}]"
    if not entry["url"]:
        return [f"{where}: no live page after seismic_demo"] if entry.get("required", True) else []
    url = urllib.parse.urljoin(base_url + "/", entry["url"])
    problems = []
    if entry["serve"] is not True:
        problems.append(f"{where}: {entry['url']} does not resolve to Wagtail's serve view but to {entry['serve']}")
    response = fetch(url)
    if response is None or response.status != 200:
        return problems + [f"{where}: GET {entry['url']} -> {response and response.status}"]
    info = PageInfo(response.text)
    if "seismic" not in info.classes:
        problems.append(f"{where}: {entry['url']} is not the package's page (no .seismic element)")
    stylesheets = [
        link["href"]
        for link in info.links
        if "stylesheet" in link.get("rel", "").split() and "seismic_wagtail/" in link.get("href", "")
    ]
    if not stylesheets:
        problems.append(f"{where}: {entry['url']} has no <link rel=stylesheet> of the package")
    alternates = info.alternates()
    if not any(key.startswith("hreflang=") for key in alternates):
        problems.append(f"{where}: {entry['url']} has no <link rel=alternate hreflang>")
    for mime, name in ALTERNATES.get(entry["model"], {}).items():
        href = alternates.get(mime, "")
        if not href.endswith(name):
            problems.append(
                f"{where}: {entry['url']} announces no {mime} alternate ending in {name} (has {alternates})"
            )
            continue
        feed = fetch(urllib.parse.urljoin(url, href))
        if feed is None or feed.status != 200:
            problems.append(f"{where}: GET {href} -> {feed and feed.status}")
    return problems


# -- in the browser ---------------------------------------------------------------------------------------

#: axe-core's rule tags audited: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

#: The page's direction and that of the package's content, as the browser computes them.
_DIRECTIONS = """() => ({
    html: document.documentElement.getAttribute("dir"),
    seismic: (el => el && getComputedStyle(el).direction)(document.querySelector(".seismic")),
})"""


def _describe(node):
    """An axe-core node as ``selector`` plus, for contrast, ``(#fg on #bg: 2.3:1)``."""
    selector = " ".join(node["target"][-1:]) if node["target"] else "?"
    data = next((check.get("data") for check in node.get("any", []) if isinstance(check.get("data"), dict)), None)
    if data and "contrastRatio" in data:
        return f"{selector} ({data.get('fgColor')} on {data.get('bgColor')}: {data['contrastRatio']}:1)"
    return selector


def audit_in_browser(browser, axe_source, base_url, entries, audit):
    """Problems found by axe-core (and the direction check) on the package pages of ``audit["language"]``,
    in a browser context with the audit's colour scheme and cookies: [] when there are none."""
    context = browser.new_context(
        base_url=base_url, locale=audit["language"], color_scheme=audit.get("color_scheme", "light")
    )
    context.add_cookies([{"name": k, "value": v, "url": base_url} for k, v in audit.get("cookies", {}).items()])
    problems = []
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        for entry in entries:
            if entry["language"] != audit["language"] or entry["serve"] is not True:
                continue  # no page, or a host's view in its place: inspect_package_page reports those
            where = f"{audit['label']}: {entry['model']} {entry['url']}"
            page.goto(quote_url(entry["url"]))
            if audit.get("dir"):
                directions = page.evaluate(_DIRECTIONS)
                if directions != {"html": audit["dir"], "seismic": audit["dir"]}:
                    problems.append(f"{where}: direction {directions}, expected {audit['dir']}")
            page.add_script_tag(content=axe_source)
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
            for violation in result["violations"]:
                nodes = ", ".join(_describe(node) for node in violation["nodes"][:3])
                more = f" and {len(violation['nodes']) - 3} more" if len(violation["nodes"]) > 3 else ""
                problems.append(
                    f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}: {nodes}{more}"
                )
    finally:
        context.close()
    return problems
