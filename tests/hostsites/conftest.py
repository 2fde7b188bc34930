"""The package installed into existing Wagtail sites by the README alone (marker ``hostsite``).

Chromium and axe-core come from the browser tests' setup (``tests/browser/conftest.py``): without them
these tests are skipped, unless ``SEISMIC_REQUIRE_BROWSER=1``.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import axe_source, browser  # noqa: F401 (the session's Chromium and axe-core)

from .hostsite import TIMINGS


@pytest.fixture
def workdir(tmp_path):
    """Where the host site lives: in memory (/dev/shm) when there is one, which halves the time SQLite
    takes to migrate a Wagtail site; else pytest's temporary folder."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    path = Path(tempfile.mkdtemp(prefix="seismic-hostsite-", dir=shm))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS:
        return
    terminalreporter.section("hostsite timings")
    for host in dict.fromkeys(name for name, _label, _seconds in TIMINGS):
        steps = [(label, seconds) for name, label, seconds in TIMINGS if name == host]
        terminalreporter.write_line(f"{host}: {sum(s for _l, s in steps):.0f} s")
        for label, seconds in steps:
            terminalreporter.write_line(f"  {seconds:6.1f} s  {label}")
