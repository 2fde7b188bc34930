"""The reference table of translated and synchronised fields is derived from the models and kept current."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from seismic_wagtail.core.translatable_fields import SYNCHRONISED, TRANSLATED, field_rows, render_markdown
from tests.i18napp.models import TestStoryPage, TestStoryTheme

DOC = Path(__file__).resolve().parents[2] / "docs" / "reference" / "translatable-fields.md"


def test_reference_page_matches_the_models():
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/reference/translatable-fields.md is out of date: run `make translatable-fields`"
    )


def test_check_option_of_the_command(tmp_path):
    call_command("seismic_translatable_fields", check=str(DOC))
    stale = tmp_path / "stale.md"
    stale.write_text("# Old\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("seismic_translatable_fields", check=str(stale))


def test_rows_follow_override_translatable_fields():
    rows = {row.name: row for row in field_rows(TestStoryPage)}
    assert (rows["title"].treatment, rows["body"].treatment) == (TRANSLATED, TRANSLATED)
    assert (rows["country"].treatment, rows["country"].overridable) == (SYNCHRONISED, False)
    assert (rows["published_on"].treatment, rows["published_on"].overridable) == (SYNCHRONISED, False)
    assert rows["network"].treatment == SYNCHRONISED and "same page in every language" in rows["network"].note
    assert rows["story_themes"].treatment == TRANSLATED and "TestStoryTheme" in rows["story_themes"].note
    theme = {row.name: row for row in field_rows(TestStoryTheme)}
    assert theme["theme"].treatment == TRANSLATED and "translation of the `Theme`" in theme["theme"].note


def test_markdown_lists_inlines_and_untranslatable_models():
    text = render_markdown(prefix="i18napp")
    assert "### `TestStoryPage` (page)" in text
    assert "### `TestStoryTheme` (inline)" in text
    assert "| `country` | synchronised | no |  |" in text
