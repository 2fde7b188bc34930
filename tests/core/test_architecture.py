"""The package's architecture, read from its imports with ``ast`` and held against
``docs/concepts/architecture.md``: one-way dependencies between apps, no import loops inside an app other
than those the document justifies, and one file per concern in every app."""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

import seismic_wagtail

PACKAGE = Path(seismic_wagtail.__file__).parent
ROOT = PACKAGE.parent
DOC = ROOT / "docs" / "concepts" / "architecture.md"
CORE = "core"
DOMAIN_APPS = ("networks", "stories", "consultations", "search")
APPS = (CORE, *DOMAIN_APPS)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported_modules(path):
    """The package's modules that ``path`` imports, at module level or inside a function."""
    tree = ast.parse(path.read_text(), filename=str(path))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # ``from . import checks`` imports a module; ``from .models import Theme`` a name of one.
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # a name inside a module: the module
                name = name.rpartition(".")[0]
            if name.startswith("seismic_wagtail.") and name != here:
                found.add(name)
    return found


IMPORTS = {name: imported_modules(path) for name, path in MODULES.items()}


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in APPS else None


def code_edges():
    edges = set()
    for module, targets in IMPORTS.items():
        for target in targets:
            if app_of(module) and app_of(target) and app_of(module) != app_of(target):
                edges.add((app_of(module), app_of(target)))
    return edges


def doc_table(heading):
    """The rows of the first table under ``heading`` in architecture.md, as lists of cells."""
    text = DOC.read_text()
    section = text.split(f"\n{heading}\n", 1)[1]
    rows = []
    for line in section.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not set(cells[0]) <= set("-: "):
            rows.append(cells)
    return rows[1:]  # without the header


def names(cell):
    return re.findall(r"`([^`]+)`", cell)


def test_core_imports_no_domain_app():
    offending = sorted(
        f"{module} -> {target}"
        for module, targets in IMPORTS.items()
        if app_of(module) == CORE
        for target in targets
        if app_of(target) in DOMAIN_APPS
    )
    assert offending == []


def test_domain_apps_import_only_core():
    offending = sorted(
        f"{module} -> {target}"
        for module, targets in IMPORTS.items()
        if app_of(module) in DOMAIN_APPS
        for target in targets
        if app_of(target) not in (CORE, app_of(module))
    )
    assert offending == []


def test_core_names_domain_models_only_as_setting_defaults():
    """Core reaches the domain apps through hooks, registries and ``core.swappable``; labels such as
    ``"seismic_networks.NetworkPage"`` appear only as defaults of settings in ``core/conf.py``."""
    label = re.compile(
        r"seismic_(networks|stories|consultations|search)\b|seismic_wagtail\.(networks|stories|consultations|search)\b"
    )
    offending = []
    for module, path in MODULES.items():
        if app_of(module) != CORE or ".migrations." in module or module == "seismic_wagtail.core.conf":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and label.search(node.value):
                offending.append(f"{module}: {node.value[:60]!r}")
    assert offending == []


def test_the_documented_dependencies_are_the_code_dependencies():
    documented = {
        (app, target)
        for app_cell, targets_cell, *_rest in doc_table("## Dependencies")
        for app in names(app_cell)
        for target in names(targets_cell)
    }
    assert {app for row in doc_table("## Dependencies") for app in names(row[0])} == set(APPS)
    assert documented == code_edges()


def strongly_connected(graph):
    """Tarjan's algorithm: the strongly connected components of ``graph`` with more than one node."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return components


def test_no_import_loops_inside_an_app_but_the_documented_ones():
    """Imports inside functions count too: a loop broken only by a late import is still a loop."""
    graph = defaultdict(set)
    for module, targets in IMPORTS.items():
        for target in targets:
            if app_of(module) and app_of(module) == app_of(target):
                graph[module].add(target)
    allowed = [
        {f"seismic_wagtail.{app}.{name}" for name in names(modules_cell)}
        for app_cell, modules_cell, *_why in doc_table("## Import loops inside an app")
        for app in names(app_cell)
    ]
    unexplained = [sorted(loop) for loop in strongly_connected(graph) if not any(loop <= ok for ok in allowed)]
    assert unexplained == []


# -- One file per concern (the table "Where things go" in architecture.md) ---------------------------------------


def app_modules():
    return [(module, path) for module, path in MODULES.items() if app_of(module) and ".migrations." not in module]


def test_wagtail_hooks_only_register():
    hooks_modules = [path for module, path in app_modules() if module.endswith(".wagtail_hooks")]
    assert len(hooks_modules) >= 3
    for path in hooks_modules:
        classes = [node.name for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ClassDef)]
        assert classes == [], f"{path.relative_to(ROOT)} defines {classes}: put them in viewsets.py or admin_views.py"


def test_viewsets_live_in_viewsets_py():
    """Admin viewsets in ``viewsets.py``; the read API's endpoints (Wagtail's ``PagesAPIViewSet``) in ``api.py``."""
    for module, path in app_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            bases = [ast.unparse(base) for base in node.bases] if isinstance(node, ast.ClassDef) else []
            if any(base.endswith("ViewSet") for base in bases):
                home = ".api" if any(base.endswith("APIViewSet") for base in bases) else ".viewsets"
                assert module.endswith(home), f"{node.name} in {module}"


def test_signal_receivers_are_connected_in_signal_handlers_py_with_a_sender():
    """Receivers that stay connected; a module that connects one for a while (and disconnects it), such as
    the demo's recording context manager, is not a place receivers live."""
    for module, path in app_modules():
        calls = [
            node
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        ]
        if any(call.func.attr == "disconnect" for call in calls):
            continue
        for call in calls:
            if call.func.attr == "connect":
                assert module.endswith(".signal_handlers"), f"a receiver connected in {module}"
                assert "sender" in {keyword.arg for keyword in call.keywords}, f"{module} connects without sender="


@pytest.mark.parametrize("app", APPS)
def test_no_admin_py_for_django_admin_autodiscovery(app):
    """``admin.py`` is what Django's admin imports; the package registers with Wagtail. Core keeps a
    deprecated shim for the old import path of the menu group."""
    path = PACKAGE / app / "admin.py"
    assert not path.exists() or (app == CORE and "Deprecated" in path.read_text())
