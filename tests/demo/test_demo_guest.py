"""``seismic_demo`` is a guest in the host's site: its own section, the host's languages, no copies of the host's
pages, no redirects, nothing left by a failed or dry run, and ``--remove`` takes exactly what it made."""

import pytest
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import TranslationSource

from seismic_wagtail.consultations import demo as consultations_demo
from seismic_wagtail.core.demo_context import reachable_slug
from seismic_wagtail.core.models import DemoRecord, Organisation, SectionPage, Theme
from seismic_wagtail.stories.models import StoryPage
from tests.factories.testapp import SimpleTestPageFactory

from .conftest import run_demo, translate_root

pytestmark = pytest.mark.django_db


def site_state():
    """What the host has: every page (id, title, locale, live, parent), locales, redirects, images, snippets,
    revisions, audit log, wagtail-localize sources."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "locale__language_code", "live", "path")),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "redirects": Redirect.objects.count(),
        "images": get_image_model().objects.count(),
        "snippets": (Theme.objects.count(), Organisation.objects.count()),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "sources": TranslationSource.objects.count(),
        "records": DemoRecord.objects.count(),
    }


@pytest.fixture
def host(locales):
    """A host whose home page is live in English and German only (the test settings list ten languages)."""
    root = translate_root(["en", "de"])
    SimpleTestPageFactory(parent=root, title="About the city", slug="about")
    return root


def image_files():
    return [image.file.name for image in get_image_model().objects.all()]


def test_demo_then_remove(host, client):
    before = site_state()
    output = run_demo()
    assert "ready at /seismic-demo/ (en, de)" in output
    # One section per language the host has, below the host's home page and its German translation.
    sections = SectionPage.objects.order_by("locale__language_code")
    assert [(page.locale.language_code, page.url) for page in sections] == [
        ("de", "/de/seismic-demo/"),
        ("en", "/seismic-demo/"),
    ]
    assert {page.get_parent().pk for page in sections} == {
        host.pk,
        host.get_translation(Locale.objects.get(language_code="de")).pk,
    }
    # Nothing in the eight languages the host has no home page in, no copies of the host's pages, no redirects.
    assert not Page.objects.exclude(locale__language_code__in=["en", "de"]).filter(depth__gt=1).exists()
    host_pages = list(before["pages"])
    assert all(
        Page.objects.filter(pk=pk, title=title, live=live, path=path).exists()
        for pk, title, _l, live, path in host_pages
    )
    assert Redirect.objects.count() == 0
    assert site_state()["locales"] == before["locales"]
    assert client.get("/seismic-demo/stories/").status_code == 200
    assert client.get("/de/seismic-demo/").status_code == 200
    files = image_files()
    assert files and all(default_storage.exists(name) for name in files)

    # A page an editor adds below the demo stops --remove, which names it.
    stray = SimpleTestPageFactory(parent=sections.get(locale__language_code="en"), title="Our own page", slug="own")
    with pytest.raises(CommandError, match="'Our own page'"):
        run_demo(remove=True)
    stray_pk = stray.pk
    stray.delete()
    stray.pk = stray_pk

    assert "would delete" in run_demo(remove=True, dry_run=True)
    assert "Removed the demo content" in run_demo(remove=True)
    after = site_state()
    assert after == {**before, "log": after["log"]}
    # The audit log keeps only what editors did: the stray page's lines.
    assert PageLogEntry.objects.exclude(page_id=stray.pk).count() == before["log"]
    assert not any(default_storage.exists(name) for name in files)
    assert client.get("/seismic-demo/").status_code == 404
    assert client.get("/about/").status_code == 200
    assert "Nothing to remove" in run_demo(remove=True)


@pytest.fixture
def written_files(monkeypatch):
    """The names of the image files the demo writes to storage."""
    names = []
    original = get_image_model().save

    def save_and_note(image, *args, **kwargs):
        original(image, *args, **kwargs)
        names.append(image.file.name)

    monkeypatch.setattr(get_image_model(), "save", save_and_note)
    return names


def test_dry_run_lists_and_creates_nothing(host, written_files):
    before = site_state()
    output = run_demo(dry_run=True)
    assert "Dry run, nothing was created. In en, de, the demo would create:" in output
    assert "/seismic-demo/stories/austria/solar-cooperative-on-social-housing-roofs/" in output
    assert site_state() == before
    assert written_files and not any(default_storage.exists(name) for name in written_files)


def test_a_failed_run_leaves_no_trace(host, monkeypatch, written_files):
    before = site_state()

    def fail(context):
        raise RuntimeError("the consultations demo failed")

    monkeypatch.setattr(consultations_demo, "create_demo", fail)
    with pytest.raises(RuntimeError, match="consultations demo failed"):
        run_demo()
    assert site_state() == before
    assert written_files and not any(default_storage.exists(name) for name in written_files)
    assert not StoryPage.objects.exists()


def test_languages_are_the_hosts_unless_chosen(host):
    with pytest.raises(
        CommandError, match=r"no live translation in sv.*translate 'Welcome.*' into these languages first"
    ):
        run_demo(languages="en,sv")
    with pytest.raises(CommandError, match="No page with ID 999999"):
        run_demo(parent=999999)
    assert DemoRecord.objects.count() == 0


def test_languages_option_picks_among_the_hosts(host):
    run_demo(languages="en")
    assert set(SectionPage.objects.values_list("locale__language_code", flat=True)) == {"en"}
    assert not StoryPage.objects.filter(locale__language_code="de").exists()


@override_settings(ROOT_URLCONF="tests.testapp.urls_shadow_demo")
def test_slugs_avoid_the_hosts_url_patterns(host):
    assert reachable_slug(host, "seismic-demo") == "seismic-demo-2"
    assert reachable_slug(host, "about") == "about-2"  # taken by the host's page
    assert reachable_slug(host, "stories") == "stories"
