"""The demo content, built once per module (it takes seconds): the site's root page is translated into the
languages a test asks for, as a multilingual host site would have it, then ``seismic_demo`` runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page, Site

from seismic_wagtail.core.translation import translate


def translate_root(language_codes):
    """The default site's root page, live in each of ``language_codes`` (the host's own translations)."""
    root = Site.objects.get(is_default_site=True).root_page.specific
    for code in language_codes:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale.pk != root.locale_id and root.get_translation_or_none(locale) is None:
            page = translate(root, locale)
            if not page.live:
                page.save_revision().publish()
    return Page.objects.get(pk=root.pk).specific


def run_demo(*args, **options):
    """``manage.py seismic_demo`` with its output, on-commit work (wagtail-localize, search) done at once."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seismic_demo", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A database transaction for the whole module, rolled back at its end (tests nest savepoints in it)."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
