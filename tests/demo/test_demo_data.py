"""The demo's data files (``seismic_wagtail/<app>/demo/*.json``): each parses, has the keys its plug-in reads,
and every language's file covers what the other languages translate; and a production site never imports
the demo or reads these files. No database: these tests read files and run a subprocess."""

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

APPS = ["core", "networks", "stories", "consultations", "search"]
#: The ten network languages, English included: every one has its file in the apps below.
LANGUAGES = {"en", "cs", "de", "fr", "hu", "it", "nb", "nl", "sv", "tr"}

#: The groups of a language file that every language translates (shared pages and snippets)...
EVERY_LANGUAGE = {"core": ["themes"], "networks": ["index", "body_heading"], "stories": ["index"], "search": ["page"]}
#: ... and the collections whose items are translated into some languages only (a network into its national
#: languages, a story into its country's): such an item is translated whole. Other groups (the consultation
#: form) are one item each.
COLLECTIONS = {
    "core": ["partners"],
    "networks": ["networks"],
    "stories": ["stories"],
    "consultations": ["consultations"],
}


def read_files():
    """``{app: {file name without .json: data}}`` for every data file of the package's demo."""
    files = {}
    for app in APPS:
        folder = resources.files(f"seismic_wagtail.{app}") / "demo"
        files[app] = {
            entry.name.removesuffix(".json"): json.loads(entry.read_text(encoding="utf-8"))
            for entry in folder.iterdir()
            if entry.name.endswith(".json")
        }
    return files


def leaves(data, prefix=()):
    """``{path: value}`` for every text (or list) of a nested dict; a path is a tuple of keys."""
    found = {}
    for key, value in data.items():
        if isinstance(value, dict):
            found.update(leaves(value, (*prefix, key)))
        else:
            found[(*prefix, key)] = value
    return found


def split(app, path):
    """``(item, field)`` of a text's path: an item of a collection is ``(group, id)``, any other group is one
    item ``(group,)``; ``field`` is the key below the item (``None`` for a group that is one text)."""
    size = 2 if path[0] in COLLECTIONS.get(app, []) else 1
    return path[:size], (path[size] if len(path) > size else None)


def dotted(path):
    return ".".join(str(part) for part in path)


def english_problems(app, content, english):
    """What ``en.json`` lacks of what ``content.json`` lists and the plug-in reads."""
    expected = {
        "core": [("themes", content.get("themes", []), ["name", "description"])]
        + [("partners", [partner["acronym"] for partner in content.get("partners", [])], ["name"])],
        "networks": [("index", [None], ["title", "intro"])]
        # A network's title is not text of the files: "SEiSMiC" and django-countries' name of its country.
        + [("networks", [network["slug"] for network in content.get("networks", [])], ["intro", "body"])]
        + [
            (f"networks.{network['slug']}.members", [member["person_name"]], field_names)
            for network in content.get("networks", [])
            for member in network["members"]
            for field_names in [["role", "project_title", "project_description", "city"]]
        ]
        + [
            (f"networks.{network['slug']}.events", [event["slug"]], ["title", "description"])
            for network in content.get("networks", [])
            for event in network["events"]
        ],
        "stories": [("index", [None], ["title", "intro"]), ("contact", [None], ["name", "role"])]
        + [
            (
                "stories",
                [story["slug"] for story in content.get("stories", [])],
                ["title", "summary", "city", "alt", "challenge", "approach", "results", "lessons", "figures"],
            )
        ],
        "consultations": [
            ("consultations", [item["slug"] for item in content.get("consultations", [])], ["title", "intro"]),
            ("form", [None], ["privacy", "thanks", "sections", "rating", "scale", "actors", "methods", "missing"]),
            ("respondents", [None], ["names", "answers"]),
        ],
        "search": [("page", [None], ["title", "slug", "intro"])],
    }[app]
    problems = []
    for group, item_ids, field_names in expected:
        for item_id in item_ids:
            item = english
            for key in [*group.split("."), *([] if item_id is None else [item_id])]:
                item = item.get(key, {}) if isinstance(item, dict) else {}
            for name in field_names:
                if not item.get(name):
                    problems.append(
                        f"{app}/demo/en.json: {group}{'' if item_id is None else f'.{item_id}'} lacks {name}"
                    )
    if app == "networks" and not english.get("body_heading"):
        problems.append("networks/demo/en.json lacks body_heading")
    return problems


CONTENT_KEYS = {
    "core": {"themes": None, "partners": {"acronym", "organisation_type", "country", "city", "website"}},
    "networks": {"networks": {"slug", "country", "time_zone", "coordinators", "themes", "contact_email", "members"}},
    "stories": {"stories": {"slug", "country", "start_year", "end_year", "published", "themes", "organisations"}},
    "consultations": {"consultations": {"slug", "opens_at", "closes_at", "results_visibility", "responses", "seed"}},
}


def content_problems(app, content):
    problems = []
    for group, keys in CONTENT_KEYS.get(app, {}).items():
        items = content.get(group)
        if not isinstance(items, list) or not items:
            problems.append(f"{app}/demo/content.json: no list {group!r}")
            continue
        for number, item in enumerate(items, 1):
            missing = sorted((keys or set()) - set(item if isinstance(item, dict) else {}))
            if missing:
                problems.append(f"{app}/demo/content.json: {group} item {number} lacks {', '.join(missing)}")
    nested = {"members": {"person_name", "public"}, "events": {"slug", "days", "start", "hours", "address"}}
    for network in content.get("networks", []) if app == "networks" else []:
        for group, keys in nested.items():
            for number, item in enumerate(network.get(group, []), 1):
                if keys - set(item):
                    missing = ", ".join(sorted(keys - set(item)))
                    problems.append(
                        f"networks/demo/content.json: {network.get('slug')} {group} item {number} lacks {missing}"
                    )
    if app == "consultations":
        respondents = content.get("respondents", {})
        for key in ("countries", "cities", "organisations"):
            if key not in respondents:
                problems.append(f"consultations/demo/content.json: respondents lacks {key}")
    return problems


def translation_problems(files):
    """Every problem of the language files, each naming the file and the item: a text that ``en.json`` does not
    have (a misspelt item or field), an empty text, and a missing translation."""
    problems = []
    languages = {name for app_files in files.values() for name in app_files} - {"content", "en"}
    for app, app_files in files.items():
        english = leaves(app_files.get("en", {}))
        translated = {name: leaves(data) for name, data in app_files.items() if name not in ("content", "en")}
        for name, texts in translated.items():
            for path, value in texts.items():
                if path not in english:
                    problems.append(f"{app}/demo/{name}.json: {dotted(path)} is not in en.json")
                elif type(value) is not type(english[path]) or not value:
                    problems.append(f"{app}/demo/{name}.json: {dotted(path)} is empty or not like en.json's")
        # Shared groups: every language translates what any language translates.
        for group in EVERY_LANGUAGE.get(app, []):
            wanted = {path for texts in translated.values() for path in texts if path[0] == group}
            for name in sorted(languages):
                if name not in translated:
                    problems.append(f"{app}/demo/{name}.json is missing (the demo has {name} text in other apps)")
                    continue
                problems += [
                    f"{app}/demo/{name}.json: missing translation of {dotted(path)}"
                    for path in sorted(wanted - set(translated[name]))
                ]
        # Other items: translated whole, i.e. under every field that translations of their group have.
        carried = {}
        for texts in translated.values():
            for path in texts:
                item, field = split(app, path)
                carried.setdefault(item[0], set()).add(field)
        for name, texts in translated.items():
            items = {split(app, path)[0] for path in texts if path[0] not in EVERY_LANGUAGE.get(app, [])}
            for item in sorted(items):
                problems += [
                    f"{app}/demo/{name}.json: missing translation of {dotted(path)}"
                    for path in sorted(english)
                    if split(app, path)[0] == item and split(app, path)[1] in carried[item[0]] and path not in texts
                ]
    return problems


def test_every_file_parses_and_has_the_expected_keys():
    files = read_files()
    problems = []
    for app, app_files in files.items():
        if app != "search" and "content" not in app_files:
            problems.append(f"{app}/demo/content.json is missing")
        problems += content_problems(app, app_files.get("content", {}))
        problems += english_problems(app, app_files.get("content", {}), app_files.get("en", {}))
    assert problems == []
    for app in ("core", "networks", "stories", "search"):
        assert set(files[app]) - {"content"} == LANGUAGES, app
    assert set(files["consultations"]) - {"content"} == {"en", "sv", "tr", "de"}
    # The generated responses come in languages whose file names respondents and their free-text answers.
    for consultation in files["consultations"]["content"]["consultations"]:
        for code in consultation["responses"]:
            assert set(files["consultations"][code]["respondents"]) == {"names", "answers"}, code
            assert code in files["consultations"]["content"]["respondents"]["countries"], code


def test_every_language_covers_the_same_items():
    assert translation_problems(read_files()) == []


def test_a_missing_or_misspelt_translation_is_named():
    files = read_files()
    del files["core"]["tr"]["themes"]["welfare"]["name"]  # a shared text
    del files["networks"]["tr"]["networks"]["turkey"]["members"]["Elif Demir"]["city"]  # part of a network
    files["stories"]["sv"]["stories"]["welcome-neighbour"] = files["stories"]["sv"]["stories"].pop(
        next(iter(files["stories"]["sv"]["stories"]))
    )  # an item en.json does not have
    del files["search"]["nb"]
    problems = translation_problems(files)
    del files["stories"]["en"]["stories"]["repair-cafes-in-every-district"]["summary"]
    assert english_problems("stories", files["stories"]["content"], files["stories"]["en"]) == [
        "stories/demo/en.json: stories.repair-cafes-in-every-district lacks summary"
    ]
    assert "core/demo/tr.json: missing translation of themes.welfare.name" in problems
    assert "networks/demo/tr.json: missing translation of networks.turkey.members.Elif Demir.city" in problems
    assert "stories/demo/sv.json: stories.welcome-neighbour.title is not in en.json" in problems
    assert "search/demo/nb.json is missing (the demo has nb text in other apps)" in problems


ISOLATION = r"""
import importlib, json, pkgutil, re, sys

opened = []
sys.addaudithook(lambda event, args: opened.append(args[0]) if event == "open" and isinstance(args[0], str) else None)
import django

django.setup()
import seismic_wagtail
from django.conf import settings
from django.core.management import call_command

DEMO = re.compile(r"^seismic_wagtail\.\w+\.(demo(\..*)?|demo_\w+|management\.commands\.seismic_demo)$")


# Each database's search backend imports models that exist only on that database (as Wagtail's own do).
DATABASE_SPECIFIC = {"seismic_wagtail.search.backends.sqlite", "seismic_wagtail.search.backends.postgres"}


def walk(package):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if not DEMO.match(info.name) and info.name not in DATABASE_SPECIFIC:
            module = importlib.import_module(info.name)
            if info.ispkg:
                walk(module)


def state():
    return {
        "modules": sorted(name for name in sys.modules if DEMO.match(name)),
        "files": [path for path in opened if "/demo/" in path and path.endswith(".json")],
    }


walk(seismic_wagtail)
importlib.import_module(settings.ROOT_URLCONF)
call_command("check", stdout=open("/dev/null", "w"))
production = state()
importlib.import_module("seismic_wagtail.core.management.commands.seismic_demo")
command = state()
from seismic_wagtail.core.demo_context import load

load("seismic_wagtail.core.demo", "en")
print(json.dumps({"production": production, "command": command, "loaded": state()}))
"""


def test_a_production_site_never_imports_the_demo_nor_reads_its_files():
    """Every module of the package but the demo's, the URLs and the system checks: no demo module, no data file.
    The ``seismic_demo`` command imports its context when Django loads it to run it, the plug-ins and their
    files only when it runs."""
    root = Path(__file__).parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.testapp.settings", "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", ISOLATION], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["production"] == {"modules": [], "files": []}
    assert report["command"]["modules"] == [
        "seismic_wagtail.core.demo_context",
        "seismic_wagtail.core.management.commands.seismic_demo",
    ]
    assert report["command"]["files"] == []
    # The check sees what it looks for: loading a file imports the demo package and opens the file.
    assert "seismic_wagtail.core.demo" in report["loaded"]["modules"]
    assert report["loaded"]["files"] == [str(resources.files("seismic_wagtail.core") / "demo" / "en.json")]
