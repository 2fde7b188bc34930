"""The package's interface strings: one catalogue, complete and compiled, for all ten languages."""

import re
import shutil
import subprocess

import polib
import pytest

from tests.i18n.catalogue import LANGUAGES, LOCALE_DIR, PACKAGE_DIR, catalogue_key, package_messages

PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[sdifrxXeEgGc]|(?<!\{)\{(\w*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def placeholders(text):
    return sorted(next(group for group in match.groups() if group is not None) for match in PLACEHOLDER.finditer(text))


def po(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.fixture(scope="module")
def messages():
    return package_messages()


def test_the_extractor_finds_strings_of_python_and_templates(messages):
    assert (None, "SEiSMiC", None) in messages  # core/admin.py
    assert (None, "There is a problem", None) in messages  # a template's {% translate %}
    plural = [key for key in messages if key[2]]
    assert (
        None,
        "We received too many submissions from your connection. Please try again in %(seconds)s second.",
        "We received too many submissions from your connection. Please try again in %(seconds)s seconds.",
    ) in plural


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    catalogue = po(language)
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy}"
    assert catalogue.metadata["Language"] == language
    assert "fuzzy" not in catalogue.metadata_as_entry().flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match(language):
    wrong = []
    for entry in po(language).translated_entries():
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            assert placeholders(entry.msgid) == expected or not placeholders(entry.msgid)
            for index, text in entry.msgstr_plural.items():
                if placeholders(text) != expected:
                    wrong.append((entry.msgid, index, text))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert not wrong, f"{language}: placeholders differ in {wrong}"


def test_placeholder_pattern():
    assert placeholders("%(count)d items in {name} and {0}, 100%") == ["0", "count", "name"]
    assert placeholders("In %(seconds)s s, {name!r:>10}") == ["name", "seconds"]
    assert placeholders("{{ literal }} braces") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_files_match_their_po_files(language):
    """The committed .mo is the compiled .po: same messages, same translations."""
    directory = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = polib.mofile(str(directory / "django.mo"))
    expected = {catalogue_key(e): (e.msgstr, dict(e.msgstr_plural)) for e in po(language).translated_entries()}
    actual = {
        catalogue_key(e): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()}) for e in compiled if e.msgid
    }
    assert actual == expected, f"{language}: run `make messages` (or compilemessages) to rebuild django.mo"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalogue(messages, language):
    """A new gettext-marked string fails here until `make messages` has been run and it is translated."""
    in_catalogue = {catalogue_key(entry) for entry in po(language) if not entry.obsolete}
    missing = {key: where for key, where in messages.items() if key not in in_catalogue}
    assert not missing, f"{language}: not in the catalogue (run `make messages`): {missing}"
    stale = in_catalogue - set(messages)
    assert not stale, f"{language}: in the catalogue but no longer in the code: {stale}"


@pytest.mark.skipif(
    not shutil.which("xgettext"),
    reason="GNU gettext (xgettext) is not installed: the pure-Python extraction above still runs",
)
def test_pure_python_extraction_agrees_with_makemessages(messages, tmp_path):
    """Cross-check the extractor against Django's makemessages (xgettext) where gettext is installed."""
    import os
    import sys

    work = tmp_path / "seismic_wagtail"
    shutil.copytree(PACKAGE_DIR, work, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (work / "locale").mkdir()
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_DIR.parent), "DJANGO_SETTINGS_MODULE": "tests.testapp.settings"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--locale=de", "--ignore=migrations/*", "--no-location"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    extracted = {
        catalogue_key(entry) for entry in polib.pofile(str(work / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    }
    assert extracted == set(messages)
