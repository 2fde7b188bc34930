"""Counts the fuzz suite's generated inputs and prints the total in pytest's summary (also under xdist).

``record(route)`` is called once per request the suite sends. Imported by ``tests/conftest.py``, so that the
hooks run in the main process, which under pytest-xdist collects the workers' counts.
"""

import pytest

_counts = {"inputs": 0}
_routes = set()
_from_workers = {"inputs": 0, "routes": set()}


def record(route):
    _counts["inputs"] += 1
    _routes.add(route)


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["seismic_fuzz_inputs"] = _counts["inputs"]
        workeroutput["seismic_fuzz_routes"] = sorted(_routes)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", None) or {}
    _from_workers["inputs"] += output.get("seismic_fuzz_inputs", 0)
    _from_workers["routes"].update(output.get("seismic_fuzz_routes", []))


def pytest_terminal_summary(terminalreporter):
    inputs = _counts["inputs"] + _from_workers["inputs"]
    routes = _routes | _from_workers["routes"]
    if inputs:
        terminalreporter.write_line(
            f"fuzz: {inputs} generated inputs sent to {len(routes)} public URL kinds of the package "
            f"({', '.join(sorted(routes))})"
        )
