"""Install the package into existing Wagtail sites by following the README, as a city's developer would.

Each host is a real site in a temporary folder, run in subprocesses with the host's Python
(``SEISMIC_HOST_PYTHON``: CI's fresh virtualenv with the built wheel; else this interpreter):

- ``wagtail_start``: a site made by ``wagtail start``;
- ``dark_rtl``: a city site with other block names, a dark theme, Arabic (right to left) beside English and
  French, ``simple_translation``, its own routable page and search route, and a custom image model;
- ``multilingual``: a site already run with wagtail-localize, a URL prefix for every language, Brazilian
  Portuguese (no interface translation in the package) and a base template without extra_css/extra_js.

The flow: migrate and load the host's content; snapshot it; apply the README's blocks (``.ci/
follow_readme.py``) and the host's own README steps (its ``install/`` folder); migrate; ``check``; the host is
unchanged; ``seismic_demo --dry-run`` changes nothing; ``seismic_demo``; every page type of the package in
every host language answers with its stylesheet, hreflang links and feed/iCal alternates, reached through
Wagtail's page view; axe-core finds nothing in the host's audits (dark theme, right to left, ...);
``seismic_demo --remove`` leaves the database exactly as before the demo, and the host answers as before.
"""

import re

import pytest

from .hostsite import Host, audit_in_browser, differences, http_snapshot, inspect_package_page, labelled, timed

pytestmark = pytest.mark.hostsite

#: What a host's own URLs must keep answering with while the demo is installed (search results and
#: sitemaps may then list the demo's pages too).
STABLE_WITH_DEMO = ("status", "location", "title", "h1")

#: The package's check warnings a README install may still get: W010 (rate limits counted per process)
#: is about the production cache, and these hosts run with Django's default LocMemCache.
ALLOWED_WARNINGS = {"seismic_wagtail.W010"}


def check_problems(output, when):
    """The package's system-check errors and integration warnings in ``manage.py check`` output."""
    found = (re.search(r"seismic_wagtail\.[EW]\d+", line) for line in output.splitlines())
    return [f"check {when}: {match.string.strip()}" for match in found if match and match[0] not in ALLOWED_WARNINGS]


@pytest.mark.parametrize("name", ["wagtail_start", "dark_rtl", "multilingual"])
def test_readme_install_into_existing_site(name, workdir, browser, axe_source):
    with timed(name, "make the host"):
        host = Host.wagtail_start(workdir) if name == "wagtail_start" else Host.from_fixture(name, workdir)
    problems = []

    with host.step("migrate the host as it is"):
        host.manage("migrate", "--noinput")
        if host.overlay:
            host.manage("load_host_content")
    site = host.probe("site")
    paths = site["page_urls"] + host.routes
    with host.step(f"snapshot the host ({len(paths)} URLs)"), host.serve() as url:
        before = http_snapshot(url, paths)
    db_before = host.probe("db")
    # The host's languages: its Locale rows, and its settings where it sets LANGUAGES (a wagtail start
    # site does not: the README's languages block gives it some).
    compared = ["locales", "LANGUAGE_CODE", "LANGUAGES"] if host.sets_languages() else ["locales"]

    with host.step("follow the README and the host's own install steps"):
        print(host.follow_readme(), "install/:", host.apply_overlay())
        host.manage("migrate", "--noinput")
    with host.step("manage.py check"):
        check = host.manage("check")
    print(check)
    assert "seismic_wagtail.E" not in check, check
    problems += check_problems(check, "after the install")

    languages = site["locales"]
    site_installed = host.probe("site")
    print(f"{name} runs seismic_wagtail from {site_installed['package']}")
    problems += labelled("the install changed ", differences(site, site_installed, only=compared))
    with host.serve() as url:
        with host.step("the host after the install"):
            problems += labelled("after the install, ", differences(before, http_snapshot(url, paths)))
            db_installed = host.probe("db")
            host_objects = [key for key in db_before.keys() | db_installed.keys() if not key.startswith("count:")]
            problems += labelled("the install changed ", differences(db_before, db_installed, only=host_objects))

        with host.step("seismic_demo --dry-run"):
            print(host.manage("seismic_demo", "--dry-run", problems=problems))
            problems += labelled("--dry-run changed ", differences(db_installed, host.probe("db")))
        with host.step("seismic_demo, then check again"):
            print(host.manage("seismic_demo"))
            problems += check_problems(host.manage("check", problems=problems) or "", "with the demo")

        with host.step(f"every package page type in {', '.join(languages)}"):
            entries = host.probe("package", HOSTSITE_LANGUAGES=",".join(languages))
            for entry in entries:
                problems += inspect_package_page(url, entry)
            problems += labelled("the demo changed ", differences(site, host.probe("site"), only=compared))
            during = http_snapshot(url, paths)
            problems += labelled("with the demo, ", differences(before, during, STABLE_WITH_DEMO))
        for audit in host.audits:
            with host.step(f"axe-core: {audit['label']}"):
                problems += audit_in_browser(browser, axe_source, url, entries, audit)

        with host.step("seismic_demo --remove"):
            print(host.manage("seismic_demo", "--remove", problems=problems))
            problems += labelled("after --remove, ", differences(db_installed, host.probe("db")))
            problems += labelled("after --remove, ", differences(before, http_snapshot(url, paths)))

    if problems:
        pytest.fail(f"{len(problems)} problems on {name}:\n" + "\n".join(problems), pytrace=False)
