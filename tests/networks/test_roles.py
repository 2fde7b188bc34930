"""The role x action table of ``docs/how-to/roles-and-review.md`` for networks, events, join requests, images and
translations, checked with Wagtail's own permission testers after ``seismic_roles`` ran (#19).

The site: an English tree with the networks of Austria and the Czech Republic (an event each) and a
consultation; a German tree with the Austrian network; a Czech tree with the Czech network.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from seismic_wagtail.core.roles import group_name, setup_roles
from seismic_wagtail.networks.models import JoinRequestStatus, NetworkJoinRequest, NetworkTeam
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.networks import EventPageFactory, NetworkJoinRequestFactory, NetworkPageFactory
from tests.factories.users import UserFactory
from tests.translations import publish_translation

image_policy = CollectionOwnershipPermissionPolicy(
    get_image_model(), auth_model=get_image_model(), owner_field_name="uploaded_by_user"
)


def refused(response):
    """Wagtail's admin answers a permission error with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


@pytest.fixture
def site(network_index, locales):
    austria = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria", country="AT")
    czechia = NetworkPageFactory(parent=network_index, title="SEiSMiC Czech Republic", slug="czechia", country="CZ")
    pages = {
        "at": austria,
        "cz": czechia,
        "at_event": EventPageFactory(parent=austria, title="Vienna workshop", slug="vienna"),
        "cz_event": EventPageFactory(parent=czechia, title="Prague meeting", slug="prague"),
        "consultation": ConsultationPageFactory(parent=network_index.get_parent(), title="Agenda", slug="agenda"),
        "home": network_index.get_parent().specific,
    }
    pages["at_de"] = publish_translation(austria, locales["de"])
    pages["cz_cs"] = publish_translation(czechia, locales["cs"])
    pages["home_de"] = pages["home"].get_translation(locales["de"])
    pages["home_cs"] = pages["home"].get_translation(locales["cs"])
    setup_roles(workflows=True)
    return pages


def team(page):
    return NetworkTeam.objects.get(network_key=page.translation_key)


def member(group):
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def users(site):
    at, cz = team(site["at"]), team(site["cz"])
    return {
        "at_editor": member(at.editors),
        "at_coordinator": member(at.coordinators),
        "cz_coordinator": member(cz.coordinators),
        "de_translator": member(Group.objects.get(name=group_name("translators", language="Deutsch"))),
        "central": member(Group.objects.get(name=group_name("central"))),
    }


def can(user, page, action):
    tester = Page.objects.get(pk=page.pk).permissions_for_user(user)
    return {"edit": tester.can_edit, "publish": tester.can_publish, "add": tester.can_add_subpage}[action]()


# Role x action: pages. (role, page, action, allowed)
PAGE_TABLE = [
    # A national editor of Austria: their network page in every language and its events; nothing Czech.
    ("at_editor", "at", "edit", True),
    ("at_editor", "at_de", "edit", True),
    ("at_editor", "at_event", "edit", True),
    ("at_editor", "at", "add", True),
    ("at_editor", "at", "publish", False),
    ("at_editor", "at_event", "publish", False),
    ("at_editor", "cz", "edit", False),
    ("at_editor", "cz_cs", "edit", False),
    ("at_editor", "cz_event", "edit", False),
    ("at_editor", "cz", "add", False),
    ("at_editor", "consultation", "edit", False),
    ("at_editor", "home", "edit", False),
    # Their coordinator also publishes, still nothing Czech.
    ("at_coordinator", "at", "publish", True),
    ("at_coordinator", "at_de", "publish", True),
    ("at_coordinator", "at_event", "publish", True),
    ("at_coordinator", "cz", "edit", False),
    ("at_coordinator", "cz_event", "publish", False),
    ("at_coordinator", "consultation", "edit", False),
    # A German translator: every page of the German tree (the Austrian network's German copy included), no
    # English or Czech page, and no publishing.
    ("de_translator", "home_de", "edit", True),
    ("de_translator", "at_de", "edit", True),
    ("de_translator", "at_de", "publish", False),
    ("de_translator", "at", "edit", False),
    ("de_translator", "at_event", "edit", False),
    ("de_translator", "cz_cs", "edit", False),
    ("de_translator", "home_cs", "edit", False),
    ("de_translator", "consultation", "edit", False),
    # The central team: everything, everywhere.
    ("central", "at", "publish", True),
    ("central", "cz_cs", "publish", True),
    ("central", "cz_event", "publish", True),
    ("central", "consultation", "publish", True),
    ("central", "home_de", "publish", True),
]


@pytest.mark.parametrize(("role", "page", "action", "allowed"), PAGE_TABLE)
def test_page_permission_table(site, users, role, page, action, allowed):
    assert can(users[role], site[page], action) is allowed


def test_national_editor_explorer_shows_only_their_network(client, site, users):
    client.force_login(users["at_editor"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[site["at"].pk])).status_code == 200
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[site["cz"].pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:add_subpage", args=[site["cz"].pk])))


# Join requests: (role, network, action, allowed)
@pytest.fixture
def requests_(site):
    return {
        "at": NetworkJoinRequestFactory(network=site["at"], name="Anna Austria", email="anna@example.org"),
        "cz": NetworkJoinRequestFactory(network=site["cz"], name="Cyril Czech", email="cyril@example.org"),
    }


def listing(client):
    return client.get(reverse("seismic_networks_joinrequest:index"))


def test_coordinator_sees_and_decides_only_their_networks_requests(client, users, requests_):
    client.force_login(users["at_coordinator"])
    response = listing(client)
    assert response.status_code == 200
    assert "Anna Austria" in response.text  # with the personal data: coordinators have the permission
    assert "Cyril Czech" not in response.text
    inspect = reverse("seismic_networks_joinrequest:inspect", args=[requests_["cz"].pk])
    edit = reverse("seismic_networks_joinrequest:edit", args=[requests_["cz"].pk])
    assert refused(client.get(inspect))
    assert refused(client.get(edit))
    assert refused(client.post(edit, {"status": "accepted", "notes": ""}))
    assert NetworkJoinRequest.objects.get(pk=requests_["cz"].pk).status == JoinRequestStatus.NEW

    own_inspect = reverse("seismic_networks_joinrequest:inspect", args=[requests_["at"].pk])
    assert "anna@example.org" in client.get(own_inspect).text
    own_edit = reverse("seismic_networks_joinrequest:edit", args=[requests_["at"].pk])
    assert client.post(own_edit, {"status": "accepted", "notes": "Welcome"}).status_code == 302
    assert NetworkJoinRequest.objects.get(pk=requests_["at"].pk).status == JoinRequestStatus.ACCEPTED
    # Coordinators decide; deleting (erasure) stays with the central team.
    delete = reverse("seismic_networks_joinrequest:delete", args=[requests_["at"].pk])
    assert refused(client.post(delete))
    assert NetworkJoinRequest.objects.filter(pk=requests_["at"].pk).exists()


def test_export_of_a_coordinator_holds_only_their_network(client, users, requests_):
    client.force_login(users["cz_coordinator"])
    response = client.get(reverse("seismic_networks_joinrequest:index") + "?export=csv")
    text = b"".join(response.streaming_content).decode() if response.streaming else response.text
    assert "Cyril Czech" in text
    assert "Anna Austria" not in text


@pytest.mark.parametrize("role", ["at_editor", "de_translator"])
def test_editors_and_translators_see_no_join_requests(client, users, requests_, role):
    client.force_login(users[role])
    assert refused(listing(client))
    inspect = reverse("seismic_networks_joinrequest:inspect", args=[requests_["at"].pk])
    assert refused(client.get(inspect))


def test_central_team_sees_every_request_and_deletes(client, users, requests_):
    client.force_login(users["central"])
    text = listing(client).text
    assert "Anna Austria" in text and "Cyril Czech" in text
    delete = reverse("seismic_networks_joinrequest:delete", args=[requests_["cz"].pk])
    assert client.post(delete).status_code == 302
    assert not NetworkJoinRequest.objects.filter(pk=requests_["cz"].pk).exists()


# Images and documents: each team adds to its own collection.
@pytest.mark.parametrize(
    ("role", "collection", "allowed"),
    [
        ("at_editor", "at", True),
        ("at_editor", "cz", False),
        ("at_coordinator", "at", True),
        ("de_translator", "at", False),
        ("central", "cz", True),
    ],
)
def test_images_go_to_the_team_collection(site, users, role, collection, allowed):
    target = team(site[collection]).collection
    assert target is not None and target.get_parent() == Collection.get_first_root_node()
    allowed_collections = image_policy.collections_user_has_permission_for(users[role], "add")
    assert allowed_collections.filter(pk=target.pk).exists() is allowed


def test_everyone_with_a_role_may_choose_images(site, users):
    for user in users.values():
        assert image_policy.user_has_permission(user, "choose")


# Workflows


def test_network_pages_carry_the_networks_review_workflow(site):
    workflow = site["at"].get_workflow()
    assert workflow is not None and workflow == site["at_de"].get_workflow() == site["at_event"].get_workflow()
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.all()) for task in tasks] == [
        [team(site["at"]).coordinators],
        [Group.objects.get(name=group_name("central"))],
    ]
    assert site["cz"].get_workflow() != workflow
    assert [task.specific.groups.get() for task in site["consultation"].get_workflow().tasks] == [
        Group.objects.get(name=group_name("central"))
    ]


def test_a_later_translation_gets_the_teams_permissions_and_workflow(site, users, locales):
    at_fr = publish_translation(site["at"], locales["fr"])
    assert can(users["at_editor"], at_fr, "edit")
    assert not can(users["at_editor"], at_fr, "publish")
    assert at_fr.get_workflow() == site["at"].get_workflow()
    cz_fr = publish_translation(site["cz"], locales["fr"])
    assert not can(users["at_editor"], cz_fr, "edit")


def test_a_network_created_in_the_admin_gets_its_team_at_once(site, network_index, admin_user):
    hungary = NetworkPageFactory(parent=network_index, title="SEiSMiC Hungary", slug="hungary", country="HU")
    assert not NetworkTeam.objects.filter(network_key=hungary.translation_key).exists()
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    for hook in hooks.get_hooks("after_create_page"):
        hook(request, hungary)
    hungary_team = team(hungary)
    assert hungary_team.editors.name == "SEiSMiC Hungary: national editors"
    assert can(member(hungary_team.editors), hungary, "edit")
    assert hungary.get_workflow().tasks.first().specific.groups.get() == hungary_team.coordinators


def test_setup_runs_again_without_adding_anything(site):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowPage, WorkflowTask

    models = (Group, GroupPagePermission, GroupCollectionPermission, WorkflowPage, WorkflowTask, Collection)
    before = [model.objects.count() for model in models]
    call_command("seismic_roles", "--workflows", stdout=open("/dev/null", "w"))
    assert [model.objects.count() for model in models] == before


def test_query_count_of_the_coordinators_listing_is_flat_in_networks(client, site, network_index, users):
    """The join-request listing costs the same with 2 and 6 networks (each with requests), for the central team
    and for a coordinator (whose rows the permission policy scopes)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for page in (site["at"], site["cz"]):
        NetworkJoinRequestFactory.create_batch(2, network=page)
    client.force_login(users["central"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert listing(client).status_code == 200
        return len(queries)

    listing(client)  # warm Wagtail's caches (content types, site)
    small = count()
    for index, country in enumerate(["HU", "IT", "NO", "SE"]):
        page = NetworkPageFactory(parent=network_index, title=f"Network {index}", slug=f"n{index}", country=country)
        NetworkJoinRequestFactory.create_batch(2, network=page)
    setup_roles()
    assert count() == small
    client.force_login(users["at_coordinator"])
    listing(client)
    coordinator = count()
    for index, country in enumerate(["GB", "BE"]):
        page = NetworkPageFactory(parent=network_index, title=f"More {index}", slug=f"m{index}", country=country)
        NetworkJoinRequestFactory.create_batch(2, network=page)
    setup_roles()
    assert count() == coordinator


def test_translator_works_in_wagtail_localizes_translation_editor(client, site, users):
    """The German copy opens in wagtail-localize's translation editor for the German translator; the English
    source does not open at all."""
    client.force_login(users["de_translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site["at_de"].pk]))
    assert response.status_code == 200
    assert 'class="js-translation-editor"' in response.text  # wagtail-localize's editor, not Wagtail's form
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[site["at"].pk])))
