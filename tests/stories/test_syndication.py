"""Story syndication's engine, in one process: the test site is its own partner, read through its read API by
the loopback transport (``syndication.loopback``), with a source index and a "partner stories" index.

The two-process version (two servers, real HTTP, a partner stopped mid-run) is
``tests/browser/test_syndication_two_sites.py``.
"""

import io

import pytest
import requests
from django.core.cache import cache
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.models import Collection, Page, Revision

from seismic_wagtail.core.sitemaps import prepared_pages
from seismic_wagtail.stories.models import StoryPage
from seismic_wagtail.stories.syndication.client import PartnerClient
from seismic_wagtail.stories.syndication.loopback import LoopbackAdapter, loopback_session
from seismic_wagtail.stories.syndication.models import SyndicatedStory, SyndicationPartner, SyndicationStatus
from seismic_wagtail.stories.syndication.sync import keep_local_version, syndicate, take_source_version
from seismic_wagtail.stories.tasks import syndicate_partner
from tests.factories.core import ImageFactory, ThemeFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory

BASE = "http://localhost/"


@pytest.fixture(autouse=True)
def _api_urls(settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.api.urls"
    # One attempt per request: the retries of a real session would only slow the failure tests down.
    monkeypatch.setattr(PartnerClient, "make_session", lambda self: loopback_session(BASE))
    cache.clear()
    yield
    cache.clear()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def themes(locales):
    return {"mobility": ThemeFactory(slug="mobility", name="Mobility"), "housing": ThemeFactory(slug="housing")}


@pytest.fixture
def source(root_page, locales, themes):
    """The partner's stories: Graz (AT, mobility, with a hero image, in English and German), Malmö (SE)."""
    index = StoryIndexPageFactory(parent=root_page, title="Stories", slug="stories")
    graz = publish(
        StoryPageFactory(
            parent=index,
            title="Pop-up shops",
            slug="pop-up-shops",
            city="Graz",
            hero_image=ImageFactory(),
            themes=[themes["mobility"]],
        )
    )
    graz_de = graz.copy_for_translation(locales["de"], copy_parents=True)
    graz_de = publish(graz_de, title="Pop-up-Läden", summary="Leere Läden wurden zu Treffpunkten.")
    malmo = publish(
        StoryPageFactory(
            parent=index,
            title="Garden streets",
            slug="garden-streets",
            city="Malmö",
            country="SE",
            themes=[themes["housing"]],
        )
    )
    return {"index": index, "graz": graz, "graz_de": graz_de, "malmo": malmo}


@pytest.fixture
def target(root_page, locales, source):
    index = StoryIndexPageFactory(parent=root_page, title="Partner stories", slug="partner-stories")
    index_de = index.copy_for_translation(locales["de"])
    index_de.save_revision().publish()
    return index


@pytest.fixture
def partner(target):
    return SyndicationPartner.objects.create(name="Graz", api_url=BASE + "api/seismic/v2/", story_index=target)


def copies(partner):
    return {
        (str(record.source_key), record.language): record
        for record in SyndicatedStory.objects.filter(partner=partner).select_related("page")
    }


def copy_of(partner, page):
    return SyndicatedStory.objects.get(
        partner=partner, source_key=page.translation_key, language=page.locale.language_code
    )


def test_first_run_copies_every_language_of_every_story(partner, source, target, locales):
    report = syndicate(partner)

    assert report.ok, report.error
    assert dict(report.counts) == {"created": 3}
    pages = StoryPage.objects.descendant_of(target)
    assert pages.count() == 2  # English copies; the German one is under the index's German translation
    graz, graz_de = copy_of(partner, source["graz"]).page, copy_of(partner, source["graz_de"]).page
    assert graz.live and graz_de.live
    assert graz.get_parent().pk == target.pk
    assert graz_de.locale == locales["de"] and graz_de.get_parent().locale == locales["de"]
    assert graz.translation_key == graz_de.translation_key != source["graz"].translation_key
    assert (graz.title, graz.city, graz.country, graz.start_year) == ("Pop-up shops", "Graz", "AT", 2015)
    assert graz_de.summary == "Leere Läden wurden zu Treffpunkten."
    assert [theme.slug for theme in graz.themes] == ["mobility"]
    assert graz.first_published_at == source["graz"].first_published_at
    assert [block.block_type for block in graz.body] == [block.block_type for block in source["graz"].body]
    assert graz.body[0].value["text"].source == "<p>Empty shops on the main street.</p>"
    # The hero image, copied into the partner's collection, with the partner as credit (the image had none).
    assert graz.hero_image_id and graz.hero_image_id != source["graz"].hero_image_id
    assert graz.hero_image.collection == Collection.objects.get(name="Syndicated: Graz")
    record = copy_of(partner, source["graz"])
    assert record.hero_image_credit == "Graz"
    assert record.source_url == "http://localhost/stories/pop-up-shops/"
    assert record.language == "en" and record.status == SyndicationStatus.CURRENT
    assert record.imported_revision_id == graz.latest_revision_id
    # Both language versions of one story share the image (downloaded once).
    assert graz_de.hero_image_id == graz.hero_image_id
    partner.refresh_from_db()
    assert partner.last_success_at and partner.last_error == "" and partner.last_report["created"] == 3


def test_a_second_run_changes_nothing(partner, source):
    syndicate(partner)
    revisions, pages = Revision.objects.count(), Page.objects.count()

    report = syndicate(partner)

    # The copies are in this site's API too, but as copies (original_url): never taken again.
    assert dict(report.counts) == {"unchanged": 3}
    assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)


def test_a_change_at_the_source_updates_the_copy(partner, source):
    syndicate(partner)
    publish(source["graz"], summary="Twelve shops reopened in two years.")

    report = syndicate(partner)

    assert dict(report.counts) == {"updated": 1, "unchanged": 2}
    record = copy_of(partner, source["graz"])
    assert record.page.summary == "Twelve shops reopened in two years."
    assert record.page.live and record.imported_revision_id == record.page.latest_revision_id
    assert record.source_data["summary"] == "Twelve shops reopened in two years."


def test_a_copy_edited_here_is_flagged_not_overwritten(partner, source, admin_user):
    syndicate(partner)
    record = copy_of(partner, source["graz"])
    publish(record.page, summary="Our own words.")
    publish(source["graz"], summary="New words at the source.", city="Graz-Lend")

    report = syndicate(partner)

    assert report.counts["flagged"] == 1
    record.refresh_from_db()
    assert record.page.summary == "Our own words."
    assert record.status == SyndicationStatus.SOURCE_UPDATED
    changes = {change.name: change for change in record.changed_fields()}
    assert set(changes) == {"summary", "city"}
    assert (changes["city"].before, changes["city"].after) == ("Graz", "Graz-Lend")
    # Running again flags nothing new.
    assert syndicate(partner).counts["flagged"] == 0

    assert take_source_version(record, admin_user)
    record.refresh_from_db()
    page = StoryPage.objects.get(pk=record.page_id)
    assert (page.summary, page.city) == ("New words at the source.", "Graz-Lend")
    assert record.status == SyndicationStatus.CURRENT and record.reviewed_by == admin_user
    assert record.pending_data is None and page.latest_revision.user == admin_user


def test_keeping_the_local_version(partner, source):
    syndicate(partner)
    record = copy_of(partner, source["malmo"])
    publish(record.page, summary="Our own words.")
    publish(source["malmo"], summary="New words at the source.")
    syndicate(partner)
    record.refresh_from_db()

    assert keep_local_version(record)

    record.refresh_from_db()
    assert record.status == SyndicationStatus.CURRENT and record.source_data["summary"] == "New words at the source."
    assert StoryPage.objects.get(pk=record.page_id).summary == "Our own words."
    assert syndicate(partner).counts["flagged"] == 0  # the same source again: seen
    publish(source["malmo"], summary="Newer still.")
    assert syndicate(partner).counts["flagged"] == 1  # a later change is flagged again


def test_a_story_unpublished_at_the_source_is_unpublished_here_and_comes_back(partner, source):
    syndicate(partner)
    source["malmo"].unpublish()

    report = syndicate(partner)

    assert report.counts["removed"] == 1
    record = copy_of(partner, source["malmo"])
    assert not record.page.live and record.status == SyndicationStatus.SOURCE_REMOVED
    assert syndicate(partner).counts["removed"] == 0  # flagged once
    publish(StoryPage.objects.get(pk=source["malmo"].pk))
    assert syndicate(partner).counts["updated"] == 1
    record.refresh_from_db()
    assert record.page.live and record.status == SyndicationStatus.CURRENT


def test_a_story_deleted_at_the_source(partner, source):
    syndicate(partner)
    record = copy_of(partner, source["malmo"])
    source["malmo"].delete()

    assert syndicate(partner).counts["removed"] == 1
    record.refresh_from_db()
    assert record.status == SyndicationStatus.SOURCE_REMOVED and not record.page.live


def test_a_copy_deleted_here_is_not_copied_again(partner, source):
    syndicate(partner)
    copy_of(partner, source["malmo"]).page.delete()

    report = syndicate(partner)

    assert report.counts["created"] == 0 and report.counts["skipped"] == 1


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"countries": ["SE"]}, {"Garden streets"}),
        ({"theme_slugs": ["mobility"]}, {"Pop-up shops", "Pop-up-Läden"}),
        ({"languages": ["de"]}, {"Pop-up-Läden"}),
        ({"countries": ["AT", "SE"], "languages": ["en"]}, {"Pop-up shops", "Garden streets"}),
    ],
)
def test_filters(partner, source, filters, expected):
    for name, value in filters.items():
        setattr(partner, name, value)
    partner.save()

    syndicate(partner)

    titles = {record.page.title for record in SyndicatedStory.objects.select_related("page")}
    assert titles == expected


class FailingAfter(LoopbackAdapter):
    """The partner stops answering (connection refused) after ``limit`` requests."""

    def __init__(self, limit):
        super().__init__()
        self.limit, self.count, self.urls = limit, 0, []

    def send(self, request, **kwargs):
        self.count += 1
        self.urls.append(request.url)
        if self.count > self.limit:
            raise requests.ConnectionError("Connection refused")
        return super().send(request, **kwargs)


def client_with(partner, adapter):
    session = requests.Session()
    session.mount(BASE, adapter)
    return PartnerClient(partner, session=session)


def test_a_partner_stopped_mid_run_leaves_nothing_half_imported(partner, source):
    # 1 listing request, then Graz (two details, one image), then Malmö: stop after Graz's English detail.
    report = syndicate(partner, client=client_with(partner, FailingAfter(2)))

    assert not report.ok and "could not be reached" in report.error
    assert SyndicatedStory.objects.count() == 0 and not StoryPage.objects.filter(syndication__isnull=False).exists()
    partner.refresh_from_db()
    assert partner.failures == 1 and "could not be reached" in partner.last_error

    # Stopped after Graz is complete: Graz in both languages, nothing of Malmö.
    report = syndicate(partner, client=client_with(partner, FailingAfter(4)))
    assert not report.ok and report.counts["created"] == 2
    assert {record.page.title for record in SyndicatedStory.objects.select_related("page")} == {
        "Pop-up shops",
        "Pop-up-Läden",
    }

    report = syndicate(partner)  # the partner is back
    assert report.ok and dict(report.counts) == {"created": 1, "unchanged": 2}
    partner.refresh_from_db()
    assert partner.failures == 0 and partner.last_error == ""


class Answering(LoopbackAdapter):
    """Answers the detail of one story with ``body`` (and status ``status``) instead of the site's."""

    def __init__(self, path, status=200, body=b"not json"):
        super().__init__()
        self.path, self.status, self.body = path, status, body

    def send(self, request, **kwargs):
        if request.path_url.startswith(self.path):
            return self.build(request, self.status, {"Content-Type": "application/json"}, self.body)
        return super().send(request, **kwargs)


@pytest.mark.parametrize(("status", "body"), [(200, b"<html>Maintenance</html>"), (500, b"{}"), (200, b"[1, 2]")])
def test_errors_and_malformed_answers_fail_the_run_and_store_nothing(partner, source, status, body):
    report = syndicate(partner, client=client_with(partner, Answering("/api/seismic/v2/stories/", status, body)))

    assert not report.ok
    assert SyndicatedStory.objects.count() == 0


def test_a_story_that_does_not_fit_is_left_out_and_the_others_copied(partner, source):
    # A key figure longer than this site's block allows (30 characters): the story is skipped, whole.
    source["malmo"].body = [
        ("key_figures", {"heading": "", "figures": [{"value": "x" * 40, "label": "too long"}]}),
    ]
    publish(source["malmo"])

    report = syndicate(partner)

    assert report.ok and dict(report.counts) == {"created": 2, "skipped": 1}
    assert not SyndicatedStory.objects.filter(source_key=source["malmo"].translation_key).exists()


def test_an_image_that_is_not_an_image_leaves_the_story_out(partner, source, settings):
    image_path = source["graz"].hero_image.file.name
    source["graz"].hero_image.file.storage.delete(image_path)
    source["graz"].hero_image.file.storage.save(image_path, io.BytesIO(b"not an image"))
    source["graz"].hero_image.renditions.all().delete()

    report = syndicate(partner)

    # The rendition cannot be made at the source, or the copy cannot be read here: either way no half story.
    assert not SyndicatedStory.objects.filter(source_key=source["graz"].translation_key).exists()
    assert report.counts["created"] in (0, 1)


def test_the_command_runs_every_partner_and_reports_failures(partner, source, target, capsys):
    SyndicationPartner.objects.create(name="Down", api_url="http://127.0.0.1:9/api/seismic/v2/", story_index=target)

    with pytest.raises(CommandError, match="1 of 2 partners failed"):
        call_command("seismic_syndicate")

    captured = capsys.readouterr()
    assert "Graz: created 3, updated 0, flagged 0, removed 0, unchanged 0, skipped 0" in captured.out
    assert "Down: failed:" in captured.err
    call_command("seismic_syndicate", "--partner", "Graz")
    assert "Graz: created 0, updated 0, flagged 0, removed 0, unchanged 3, skipped 0" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No syndication partner named Nobody"):
        call_command("seismic_syndicate", "--partner", "Nobody")


def test_the_task_runs_a_partner_and_retries_a_failed_one(partner, source, target):
    result = syndicate_partner.enqueue(partner.pk)
    assert result.return_value == {"created": 3}

    down = SyndicationPartner.objects.create(
        name="Down", api_url="http://127.0.0.1:9/api/seismic/v2/", story_index=target
    )
    syndicate_partner.enqueue(down.pk)
    down.refresh_from_db()
    # The immediate backend runs the retries at once: five attempts, then the task gives up.
    assert down.failures == 5 and "could not be reached" in down.last_error


def test_the_read_api_marks_copies_with_their_original(partner, source, client):
    syndicate(partner)
    record = copy_of(partner, source["graz"])

    listing = client.get("/api/seismic/v2/stories/", {"locale": "en"}).json()
    originals = {item["id"]: item["original_url"] for item in listing["items"]}
    assert originals == {
        source["graz"].pk: None,
        source["malmo"].pk: None,
        record.page_id: "http://localhost/stories/pop-up-shops/",
        copy_of(partner, source["malmo"]).page_id: "http://localhost/stories/garden-streets/",
    }
    detail = client.get(f"/api/seismic/v2/stories/{source['graz'].pk}/").json()
    assert detail["body"][0] == {
        "type": "challenge",
        "value": {"heading": "", "text": "<p>Empty shops on the main street.</p>"},
    }
    assert detail["meta"]["translation_key"] == str(source["graz"].translation_key)


def test_images_are_real_images(partner, source):
    syndicate(partner)
    image = copy_of(partner, source["graz"]).page.hero_image
    rendition = source["graz"].hero_image.get_rendition("fill-1200x675")  # what the API offers
    with image.file.open() as file:
        assert PILImage.open(file).size == (rendition.width, rendition.height) == (image.width, image.height)


def test_copies_are_left_out_of_the_sitemap(partner, source, rf, django_assert_num_queries):
    syndicate(partner)
    pages = list(StoryPage.objects.all())
    copies = set(SyndicatedStory.objects.values_list("page_id", flat=True))
    assert len(copies) == 3 and len(pages) == 6

    with django_assert_num_queries(1):  # which stories are copies: one query per batch of the sitemap
        list(prepared_pages(pages))

    entries = {page.pk: page.get_sitemap_urls(rf.get("/")) for page in pages}
    assert {pk for pk, urls in entries.items() if not urls} == copies


def test_two_runs_of_one_partner_never_overlap(partner, source):
    cache.add(f"seismic:syndication:{partner.pk}", 1, 60)  # another worker's run, through the shared cache

    report = syndicate(partner)

    assert not report.ok and report.error == "Another run of this partner is going on."
    assert SyndicatedStory.objects.count() == 0
    cache.delete(f"seismic:syndication:{partner.pk}")
    assert syndicate(partner).counts["created"] == 3
