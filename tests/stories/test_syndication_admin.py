"""The syndication admin: partners (listing, form, "Sync now"), copied stories (listing with filters, the review
of a source's change with take/keep), the warning on a copy's editor, the dashboard panel, permissions and the
central editors' role."""

import re
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from seismic_wagtail.core.roles import RoleSetup, translations_of
from seismic_wagtail.stories import roles, tasks
from seismic_wagtail.stories.models import StoryPage, SyndicatedStory, SyndicationPartner, SyndicationStatus
from seismic_wagtail.stories.syndication.client import PartnerClient
from seismic_wagtail.stories.syndication.loopback import loopback_session
from seismic_wagtail.stories.syndication.sync import syndicate
from tests.factories.core import ThemeFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory, story_body
from tests.factories.users import UserFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db

PARTNERS = "seismic_syndication_partners"
STORIES = "seismic_syndicated_stories"


@pytest.fixture
def partner(index_page):
    return SyndicationPartner.objects.create(
        name="SEiSMiC Belgium", api_url="https://ghent.example/api/seismic/v2/", story_index=index_page
    )


def snapshot(title="Repair cafés", summary="Volunteers fix what neighbours bring.", **fields):
    return {"title": title, "summary": summary, "city": "Ghent", "country": "BE", "body": [], **fields}


def record(partner, page=None, status=SyndicationStatus.CURRENT, title="Repair cafés", pending=None, **fields):
    return SyndicatedStory.objects.create(
        partner=partner,
        source_key=uuid.uuid4(),
        language=fields.pop("language", "nl"),
        source_id=fields.pop("source_id", 7),
        source_url=fields.pop("source_url", "https://ghent.example/stories/repair-cafes/"),
        source_data=snapshot(title),
        pending_data=pending,
        page=page,
        imported_revision_id=page.latest_revision_id if page else None,
        status=status,
        **fields,
    )


def editor(*permissions):
    return UserFactory(permissions=["access_admin", *permissions])


def texts(html, pattern):
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(pattern, html, re.S)]


# --- Partners -------------------------------------------------------------------------------------------------


def test_partner_listing_shows_health_and_counts_copies_in_one_query(admin_client, partner, index_page):
    partner.last_error = "Partner unavailable: " + "connection refused " * 10
    partner.save()
    for number in range(3):
        record(partner, title=f"Story {number}")
    url = reverse(f"{PARTNERS}:index")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        html = admin_client.get(url).content.decode()
    assert "SEiSMiC Belgium" in html
    assert "https://ghent.example/api/seismic/v2/" in html
    assert "Stories" in html  # the story index
    assert "Partner unavailable: connection refused" in html
    assert "connection refused " * 10 not in html  # shortened
    assert re.search(r"<td[^>]*>\s*3\s*</td>", html)

    other = SyndicationPartner.objects.create(name="SEiSMiC Italy", api_url="https://roma.example/api/")
    for number in range(5):
        record(other, title=f"Roma {number}")
    with CaptureQueriesContext(connection) as more:
        html = admin_client.get(url).content.decode()
    assert re.search(r"<td[^>]*>\s*5\s*</td>", html)
    assert len(more) == len(few)


@pytest.fixture
def theme_slugs(locales):
    environment = ThemeFactory(slug="environment", name="Environmental sustainability")
    publish_translation(environment, locales["de"], {"Environmental sustainability": "Umwelt"})
    ThemeFactory(slug="welfare", name="Welfare and finance")
    return ["environment", "welfare"]


def test_partner_form_offers_languages_and_themes_as_checkboxes(admin_client, theme_slugs):
    html = admin_client.get(reverse(f"{PARTNERS}:add")).content.decode()
    assert html.count('type="checkbox" name="languages"') == 10
    assert 'value="sv"' in html and "Swedish" in html
    assert html.count('type="checkbox" name="theme_slugs"') == 2  # one per slug, not per translation
    assert "Environmental sustainability" in html
    assert "Umwelt" not in html  # named in the default locale


def test_partner_form_saves_languages_themes_countries_and_index(admin_client, theme_slugs, index_page):
    response = admin_client.post(
        reverse(f"{PARTNERS}:add"),
        {
            "name": "SEiSMiC Belgium",
            "api_url": "https://ghent.example/api/seismic/v2",
            "story_index": index_page.pk,
            "languages": ["nl", "fr"],
            "theme_slugs": ["welfare"],
            "countries": ["BE", "NL"],
            "timeout": 15,
            "active": "on",
        },
    )
    assert response.status_code == 302
    partner = SyndicationPartner.objects.get()
    assert partner.languages == ["nl", "fr"]
    assert partner.theme_slugs == ["welfare"]
    assert [country.code for country in partner.countries] == ["BE", "NL"]
    assert partner.story_index.pk == index_page.pk
    assert partner.api_url == "https://ghent.example/api/seismic/v2/"
    assert partner.timeout == 15


def test_partner_form_refuses_an_index_that_is_not_a_story_index(admin_client, home_page):
    response = admin_client.post(
        reverse(f"{PARTNERS}:add"),
        {"name": "X", "api_url": "https://x.example/api/", "story_index": home_page.pk, "timeout": 10},
    )
    assert response.status_code == 200
    assert not SyndicationPartner.objects.exists()


def test_partner_form_keeps_a_theme_the_site_no_longer_has(admin_client, partner, theme_slugs):
    partner.theme_slugs = ["mobility"]
    partner.save()
    html = admin_client.get(reverse(f"{PARTNERS}:edit", args=[partner.pk])).content.decode()
    assert re.search(r'type="checkbox" name="theme_slugs" value="mobility"[^>]*checked', html)


def test_partner_edit_view_shows_the_last_run(admin_client, partner):
    html = admin_client.get(reverse(f"{PARTNERS}:edit", args=[partner.pk])).content.decode()
    assert "This partner has not been synchronised yet." in html

    from django.utils import timezone

    partner.last_run_at = timezone.now()
    partner.last_report = {"created": 3, "updated": 1, "flagged": 2, "removed": 0, "unchanged": 18, "skipped": 0}
    partner.last_error = "The partner answered 502."
    partner.save()
    html = admin_client.get(reverse(f"{PARTNERS}:edit", args=[partner.pk])).content.decode()
    assert "created: 3, updated: 1, flagged for review: 2, removed: 0, unchanged: 18, skipped: 0" in html
    assert "The partner answered 502." in html
    assert "never" in html  # no successful run yet
    assert f'action="{reverse(f"{PARTNERS}:sync", args=[partner.pk])}"' in html


# --- Copied stories -----------------------------------------------------------------------------------------------


@pytest.fixture
def copies(partner, index_page):
    other = SyndicationPartner.objects.create(name="SEiSMiC Italy", api_url="https://roma.example/api/")
    return {
        "current": record(partner, page=StoryPageFactory(parent=index_page, title="Repair cafés here"), language="nl"),
        "updated": record(
            partner,
            page=StoryPageFactory(parent=index_page, title="Energy coop here"),
            status=SyndicationStatus.SOURCE_UPDATED,
            title="Energy coop",
            pending=snapshot("Energy cooperative"),
            language="fr",
        ),
        "removed": record(other, status=SyndicationStatus.SOURCE_REMOVED, title="Roman gardens", language="it"),
    }


def test_story_listing_columns(admin_client, copies):
    html = admin_client.get(reverse(f"{STORIES}:index")).content.decode()
    updated = copies["updated"]
    assert f'href="{reverse(f"{STORIES}:inspect", args=[updated.pk])}"' in html
    assert "Energy coop" in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[updated.page_id])}">Energy coop here</a>' in html
    assert "Deleted here" in html  # the removed one has no page
    assert "SEiSMiC Italy" in html
    assert {"Dutch", "French", "Italian"} <= set(texts(html, r"<td[^>]*>\s*(\w+)\s*</td>"))
    statuses = re.findall(r'<span class="seismic-sync-status seismic-sync-status--(\w+)">(.*?)</span>', html)
    assert sorted(statuses) == [  # the status in words, its class for the colour
        ("current", "Up to date"),
        ("source_removed", "Removed at the source"),
        ("source_updated", "Source updated"),
    ]
    assert 'href="https://ghent.example/stories/repair-cafes/"' in html


def test_story_listing_filters_by_status_and_partner(admin_client, copies, partner):
    url = reverse(f"{STORIES}:index")
    html = admin_client.get(url, {"status": SyndicationStatus.SOURCE_UPDATED}).content.decode()
    assert "Energy coop" in html
    assert "Roman gardens" not in html and "Repair cafés here" not in html

    html = admin_client.get(url, {"partner": partner.pk}).content.decode()
    assert "Energy coop" in html and "Repair cafés here" in html
    assert "Roman gardens" not in html


def test_story_listing_does_not_query_per_row(admin_client, copies, partner, index_page):
    url = reverse(f"{STORIES}:index")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for number in range(5):
        record(partner, page=StoryPageFactory(parent=index_page), title=f"More {number}", source_id=100 + number)
    with CaptureQueriesContext(connection) as more:
        admin_client.get(url)
    assert len(more) == len(few)


def test_stories_have_no_add_or_edit_view(admin_client, copies):
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"{STORIES}:{name}", args=[] if name == "add" else [1])
    html = admin_client.get(reverse(f"{STORIES}:index")).content.decode()
    assert "/seismic/syndication/stories/new/" not in html


def test_a_record_can_be_deleted(admin_client, copies):
    removed = copies["removed"]
    response = admin_client.post(reverse(f"{STORIES}:delete", args=[removed.pk]))
    assert response.status_code == 302
    assert not SyndicatedStory.objects.filter(pk=removed.pk).exists()


def test_review_of_a_story_removed_at_the_source(admin_client, copies):
    html = admin_client.get(reverse(f"{STORIES}:inspect", args=[copies["removed"].pk])).content.decode()
    assert "SEiSMiC Italy unpublished or deleted this story, so its copy was unpublished here." in html
    assert "Take the source" not in html


def test_review_of_a_current_story_offers_no_decision(admin_client, copies):
    html = admin_client.get(reverse(f"{STORIES}:inspect", args=[copies["current"].pk])).content.decode()
    assert "Repair cafés here" in html
    assert "Changes at the source" not in html
    assert "Take the source" not in html


def test_a_decision_on_a_story_without_a_pending_change_changes_nothing(admin_client, copies):
    current = copies["current"]
    response = admin_client.post(reverse(f"{STORIES}:take", args=[current.pk]), follow=True)
    assert "This story has no change from its source to review." in response.content.decode()
    current.refresh_from_db()
    assert current.status == SyndicationStatus.CURRENT
    assert current.reviewed_by is None


# --- Permissions ------------------------------------------------------------------------------------------------


def test_without_permissions_nothing_is_shown_or_done(client, copies, partner):
    client.force_login(editor())
    for url in (
        reverse(f"{PARTNERS}:index"),
        reverse(f"{PARTNERS}:edit", args=[partner.pk]),
        reverse(f"{STORIES}:index"),
        reverse(f"{STORIES}:inspect", args=[copies["updated"].pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    for url in (
        reverse(f"{PARTNERS}:sync", args=[partner.pk]),
        reverse(f"{STORIES}:take", args=[copies["updated"].pk]),
        reverse(f"{STORIES}:keep", args=[copies["updated"].pk]),
    ):
        response = client.post(url)
        assert response.status_code in (302, 403), url
    updated = SyndicatedStory.objects.get(pk=copies["updated"].pk)
    assert updated.status == SyndicationStatus.SOURCE_UPDATED
    assert updated.pending_data == snapshot("Energy cooperative")
    partner.refresh_from_db()
    assert partner.last_run_at is None


def test_viewers_see_the_review_but_may_not_decide(client, copies):
    client.force_login(editor("seismic_stories.view_syndicatedstory"))
    updated = copies["updated"]
    html = client.get(reverse(f"{STORIES}:inspect", args=[updated.pk])).content.decode()
    assert "Changes at the source" in html
    assert "Take the source’s version" not in html
    assert client.post(reverse(f"{STORIES}:take", args=[updated.pk])).status_code in (302, 403)
    updated.refresh_from_db()
    assert updated.status == SyndicationStatus.SOURCE_UPDATED


def test_the_decision_and_sync_views_answer_only_post(admin_client, copies, partner):
    for url in (
        reverse(f"{PARTNERS}:sync", args=[partner.pk]),
        reverse(f"{STORIES}:take", args=[copies["updated"].pk]),
        reverse(f"{STORIES}:keep", args=[copies["updated"].pk]),
    ):
        assert admin_client.get(url).status_code == 405


def test_unknown_records_are_404(admin_client):
    assert admin_client.post(reverse(f"{STORIES}:take", args=[999])).status_code == 404
    assert admin_client.post(reverse(f"{PARTNERS}:sync", args=[999])).status_code == 404


def test_menu_items_in_the_seismic_group_follow_the_permissions(client, partner):
    client.force_login(editor("seismic_stories.view_syndicatedstory"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Syndicated stories" in html
    assert "Syndication partners" not in html


# --- Editor warning, dashboard ----------------------------------------------------------------------------------


def test_editing_a_copy_warns_that_it_stops_automatic_updates(admin_client, copies, index_page):
    page = copies["current"].page
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "This story is copied from SEiSMiC Belgium." in html
    assert "wait for review under “Syndicated stories”" in html

    local = StoryPageFactory(parent=index_page)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[local.pk])).content.decode()
    assert "This story is copied from" not in html


def test_dashboard_panel_counts_the_stories_to_review(client, admin_client, copies):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 story changed at the source" in html
    assert "1 story removed at the source" in html
    assert f'href="{reverse(f"{STORIES}:index")}?status=source_updated"' in html

    client.force_login(editor())
    assert "story changed at the source" not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Roles ------------------------------------------------------------------------------------------------------


def test_central_editors_get_the_syndication_permissions_idempotently(root_page):
    central = Group.objects.create(name="Central editors")
    setup = RoleSetup(roots=list(translations_of([root_page])), central=central)
    roles.setup_roles(setup)
    roles.setup_roles(setup)
    granted = set(central.permissions.values_list("codename", flat=True))
    assert granted >= {code.split(".")[1] for code in roles.CENTRAL_MODEL_PERMISSIONS}
    assert "add_syndicatedstory" not in granted
    assert central.permissions.count() == len(roles.CENTRAL_MODEL_PERMISSIONS)

    user = UserFactory()
    user.groups.add(central)
    assert user.has_perm("seismic_stories.change_syndicatedstory")
    assert user.has_perm("seismic_stories.add_syndicationpartner")


# --- With the engine: Sync now, and a real source change reviewed --------------------------------------------


def test_sync_now_queues_a_run_of_the_partner(admin_client, partner, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks.syndicate_partner.get_backend()
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse(f"{PARTNERS}:sync", args=[partner.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse(f"{PARTNERS}:edit", args=[partner.pk])
    assert "A run of SEiSMiC Belgium is queued." in response.content.decode()
    [queued] = [result for result in backend.results if result.task.func is tasks.syndicate_partner.func]
    assert queued.args == [partner.pk, 1]


LOOPBACK = "http://localhost/"


@pytest.fixture
def flagged(root_page, locales, settings, monkeypatch):
    """A story of the site's own (read through its API by the loopback transport, as the engine's tests do)
    copied, edited here, then changed at the source (summary and body): flagged "Source updated"."""
    settings.ROOT_URLCONF = "tests.api.urls"
    monkeypatch.setattr(PartnerClient, "make_session", lambda self: loopback_session(LOOPBACK))
    cache.clear()
    source_index = StoryIndexPageFactory(parent=root_page, title="Stories", slug="stories")
    target = StoryIndexPageFactory(parent=root_page, title="Partner stories", slug="partner-stories")
    original = StoryPageFactory(parent=source_index, title="Pop-up shops", slug="pop-up-shops")
    original.save_revision().publish()
    partner = SyndicationPartner.objects.create(name="Graz", api_url=LOOPBACK + "api/seismic/v2/", story_index=target)
    assert syndicate(partner).ok
    story = SyndicatedStory.objects.get(partner=partner)
    copy = story.page.specific
    copy.summary = "Our own words."
    copy.save_revision().publish()
    original = StoryPage.objects.get(pk=original.pk)
    original.summary = "New words at the source."
    original.body = story_body(3)
    original.save_revision().publish()
    assert syndicate(partner).counts["flagged"] == 1
    story.refresh_from_db()
    yield story
    cache.clear()


def test_review_shows_the_changed_fields_with_a_line_diff(admin_client, flagged):
    html = admin_client.get(reverse(f"{STORIES}:inspect", args=[flagged.pk])).content.decode()
    assert "Changes at the source" in html
    assert "Residents turned empty shops into a neighbourhood hub." in html  # the summary as copied
    assert "New words at the source." in html
    # The body's line diff: marked in the text ("+" and "−"), not by colour only.
    assert re.search(r"<del><span class=\"w-sr-only\">Removed: </span>− Residents ran pop-up shops\.</del>", html)
    assert re.search(
        r"<ins><span class=\"w-sr-only\">Added: </span>\+ Residents ran pop-up shops\. word word word</ins>", html
    )
    assert f'action="{reverse(f"{STORIES}:take", args=[flagged.pk])}"' in html
    assert f'action="{reverse(f"{STORIES}:keep", args=[flagged.pk])}"' in html


def test_taking_the_sources_version(admin_client, admin_user, flagged):
    response = admin_client.post(reverse(f"{STORIES}:take", args=[flagged.pk]))
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.status == SyndicationStatus.CURRENT
    assert flagged.pending_data is None and flagged.reviewed_by == admin_user
    page = StoryPage.objects.get(pk=flagged.page_id)
    assert page.summary == "New words at the source."
    assert page.live and page.latest_revision.user == admin_user


def test_keeping_the_version_edited_here(admin_client, admin_user, flagged):
    response = admin_client.post(reverse(f"{STORIES}:keep", args=[flagged.pk]), follow=True)
    assert "keeps the version edited here" in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.status == SyndicationStatus.CURRENT and flagged.reviewed_by == admin_user
    assert flagged.source_data["summary"] == "New words at the source."
    assert StoryPage.objects.get(pk=flagged.page_id).summary == "Our own words."
