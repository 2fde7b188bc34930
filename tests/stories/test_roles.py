"""The stories app's roles: each network team's story sections (created in the right languages, as translations
of one another), Wagtail's page permissions and the review workflow on them, moving the network's stories in,
and a section translated later."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from seismic_wagtail.core.models import ReviewWorkflow
from seismic_wagtail.core.roles import RoleSetup, translations_of
from seismic_wagtail.networks.models import NetworkTeam
from seismic_wagtail.stories import roles
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.factories.users import UserFactory
from tests.translations import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(root_page, locales, index_page):
    """Stories in English, German and Czech; the Austrian network in English and German, the Czech one in
    English and Czech; a team for each (built here: the networks app's roles make them on a real site)."""
    network_index = NetworkIndexPageFactory(parent=root_page, slug="networks")
    austria = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria", country="AT")
    czechia = NetworkPageFactory(parent=network_index, title="SEiSMiC Czech Republic", slug="czechia", country="CZ")
    publish_translation(austria, locales["de"], {"SEiSMiC Austria": "SEiSMiC Österreich", "austria": "oesterreich"})
    publish_translation(czechia, locales["cs"], {"SEiSMiC Czech Republic": "SEiSMiC Česko", "czechia": "cesko"})
    indexes = {
        "en": index_page,
        "de": publish_translation(index_page, locales["de"], {"Stories": "Geschichten", "stories": "geschichten"}),
        "cs": publish_translation(index_page, locales["cs"], {"Stories": "Příběhy", "stories": "pribehy"}),
    }
    teams = {
        key: NetworkTeam.objects.create(
            network_key=page.translation_key,
            editors=Group.objects.create(name=f"{key} editors"),
            coordinators=Group.objects.create(name=f"{key} coordinators"),
        )
        for key, page in (("at", austria), ("cz", czechia))
    }
    workflow = Workflow.objects.create(name="Review: SEiSMiC Austria")
    ReviewWorkflow.objects.create(scope=f"network:{austria.translation_key}", workflow=workflow)
    return {
        "root": root_page,
        "indexes": indexes,
        "networks": {"at": austria, "cz": czechia},
        "teams": teams,
        "workflow": workflow,
        "locales": locales,
    }


def run_setup(site, **options):
    setup = RoleSetup(
        roots=list(translations_of([site["root"]])),
        central=Group.objects.get_or_create(name="Central editors")[0],
        **{"workflows": True, **options},
    )
    roles.setup_roles(setup)
    return setup


def sections_of(network):
    return {
        section.locale.language_code: section
        for section in StoryIndexPage.objects.filter(network__translation_key=network.translation_key)
    }


def member(group):
    user = UserFactory()
    user.groups.add(group)
    return user


def test_sections_are_made_where_the_index_and_the_network_both_exist(site):
    setup = run_setup(site)
    austria, czechia = sections_of(site["networks"]["at"]), sections_of(site["networks"]["cz"])
    assert set(austria) == {"en", "de"}
    assert set(czechia) == {"en", "cs"}
    assert austria["en"].title == "SEiSMiC Austria"
    assert austria["de"].title == "SEiSMiC Österreich"
    assert czechia["cs"].title == "SEiSMiC Česko"
    for sections in (austria, czechia):
        assert len({section.translation_key for section in sections.values()}) == 1  # translations of one another
        for code, section in sections.items():
            assert section.live
            assert section.get_parent().pk == site["indexes"][code].pk
    assert austria["de"].url == "/de/geschichten/oesterreich/"
    assert any("Story sections of SEiSMiC Austria: 2 (2 new)" in line for line in setup.report)
    assert any(
        "Story sections of SEiSMiC Czech Republic: 2 (2 new), no review workflow" in line for line in setup.report
    )


def test_running_it_again_creates_nothing_new(site):
    run_setup(site)
    counts = (Page.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    setup = run_setup(site)
    assert (Page.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts
    assert any("Story sections of SEiSMiC Austria: 2 (0 new)" in line for line in setup.report)


def test_a_section_made_by_hand_is_kept_and_translated(site):
    austria = site["networks"]["at"]
    handmade = StoryIndexPageFactory(parent=site["indexes"]["en"], title="Austrian stories", slug="at", network=austria)
    run_setup(site)
    sections = sections_of(austria)
    assert sections["en"].pk == handmade.pk
    assert sections["de"].translation_key == handmade.translation_key
    assert sections["de"].title == "SEiSMiC Österreich"


def test_team_members_edit_exactly_their_networks_stories(site):
    run_setup(site)
    austria, czechia = sections_of(site["networks"]["at"]), sections_of(site["networks"]["cz"])
    austrian = StoryPageFactory(parent=austria["en"], title="Vienna solar")
    german = publish_translation(austrian, site["locales"]["de"])
    czech = StoryPageFactory(parent=czechia["cs"], country="CZ")
    main = StoryPageFactory(parent=site["indexes"]["en"])
    editor, coordinator = member(site["teams"]["at"].editors), member(site["teams"]["at"].coordinators)

    for story in (austrian, german):
        assert story.permissions_for_user(editor).can_edit()
        assert not story.permissions_for_user(editor).can_publish()
        assert story.permissions_for_user(coordinator).can_publish()
    assert austria["en"].permissions_for_user(editor).can_add_subpage()
    for story in (czech, main):
        assert not story.permissions_for_user(editor).can_edit()
        assert not story.permissions_for_user(coordinator).can_publish()
    assert czech.permissions_for_user(member(site["teams"]["cz"].editors)).can_edit()
    assert not site["indexes"]["en"].permissions_for_user(editor).can_edit()


def test_the_networks_review_workflow_is_assigned_to_every_translation_of_its_sections(site):
    run_setup(site)
    austria = sections_of(site["networks"]["at"])
    for section in austria.values():
        assert section.get_workflow() == site["workflow"]
    assert StoryPageFactory(parent=austria["de"]).get_workflow() == site["workflow"]
    # The Czech network has no review workflow (its team's workflow was not installed): its sections keep the
    # site's own (Wagtail's default workflow on the root page).
    czech = list(sections_of(site["networks"]["cz"]).values())
    assert not WorkflowPage.objects.filter(page__in=czech).exists()


def test_without_workflows_none_is_assigned(site):
    ReviewWorkflow.objects.all().delete()
    run_setup(site, workflows=False)
    sections = StoryIndexPage.objects.filter(network__isnull=False)
    assert sections.count() == 4
    assert not WorkflowPage.objects.filter(page__in=sections).exists()


def test_a_section_translated_later_gets_the_teams_permissions_and_workflow(site):
    run_setup(site)
    austria = sections_of(site["networks"]["at"])
    french = publish_translation(austria["en"], site["locales"]["fr"])  # wagtail-localize, with its parents
    assert french.network_id == austria["en"].network_id
    team = site["teams"]["at"]
    assert GroupPagePermission.objects.filter(page=french, group=team.coordinators).count() == 5
    assert french.get_workflow() == site["workflow"]
    story = StoryPageFactory(parent=french)
    assert story.permissions_for_user(member(team.editors)).can_edit()


def test_the_signal_costs_nothing_without_a_network_and_one_query_without_a_team(
    site, root_page, django_assert_num_queries
):
    plain = StoryIndexPageFactory(parent=root_page, slug="plain")
    with django_assert_num_queries(0):
        assert roles.on_story_index_created(plain) is None
    other = StoryIndexPageFactory(parent=root_page, slug="other-network")
    section = StoryIndexPageFactory(parent=plain, slug="section", network=other)
    with django_assert_num_queries(1):
        assert roles.on_story_index_created(section) is None
    assert not GroupPagePermission.objects.filter(page__in=[plain, section]).exists()


def test_move_stories_into_the_sections_of_their_language(site):
    indexes, networks = site["indexes"], site["networks"]
    austrian = StoryPageFactory(parent=indexes["en"], slug="vienna", network=networks["at"])
    german = publish_translation(austrian, site["locales"]["de"])
    czech = StoryPageFactory(parent=indexes["cs"], slug="brno", network=networks["cz"], country="CZ")
    other = StoryPageFactory(parent=indexes["en"], slug="ghent", country="BE")

    run_setup(site)  # without the option nothing moves
    assert StoryPage.objects.get(pk=austrian.pk).get_parent().pk == indexes["en"].pk
    StoryPageFactory(parent=sections_of(networks["at"])["en"], slug="graz")
    clash = StoryPageFactory(parent=indexes["en"], slug="graz", network=networks["at"])

    setup = run_setup(site, move_stories=True)
    austria, czechia = sections_of(networks["at"]), sections_of(networks["cz"])
    assert StoryPage.objects.get(pk=austrian.pk).get_parent().pk == austria["en"].pk
    assert StoryPage.objects.get(pk=german.pk).get_parent().pk == austria["de"].pk
    assert StoryPage.objects.get(pk=czech.pk).get_parent().pk == czechia["cs"].pk
    assert StoryPage.objects.get(pk=other.pk).get_parent().pk == indexes["en"].pk
    assert StoryPage.objects.get(pk=clash.pk).get_parent().pk == indexes["en"].pk  # its slug is taken there
    assert any(
        "SEiSMiC Austria" in line and "stories moved: 2 (left in place, slug taken: graz)" in line
        for line in setup.report
    )
    assert StoryPage.objects.get(pk=austrian.pk).url == f"{austria['en'].url}vienna/"


def test_only_the_top_level_indexes_of_the_covered_area_get_sections(site):
    elsewhere = StoryIndexPageFactory(parent=site["networks"]["at"], slug="network-news")
    roles.setup_roles(RoleSetup(roots=[elsewhere], central=Group.objects.create(name="Central")))
    parents = {section.get_parent().pk for section in StoryIndexPage.objects.filter(network__isnull=False)}
    assert parents == {elsewhere.pk}  # the main index is outside the covered area

    run_setup(site)  # the whole site: the sections are not top-level indexes, so none gets a section of its own
    parents = {section.get_parent().pk for section in StoryIndexPage.objects.filter(network__isnull=False)}
    assert parents == {elsewhere.pk} | {index.pk for index in site["indexes"].values()}


def test_nothing_happens_without_the_networks_app(site, monkeypatch):
    monkeypatch.setattr(roles, "get_network_team_model", lambda: None)
    setup = run_setup(site)
    assert setup.report == []
    assert not StoryIndexPage.objects.filter(network__isnull=False).exists()


def test_the_whole_setup_in_the_commands_order(root_page, locales, index_page):
    """``core.roles.setup_roles`` runs the networks app's roles (teams, workflows) before the stories app's."""
    from seismic_wagtail.core.roles import setup_roles

    network_index = NetworkIndexPageFactory(parent=root_page, slug="networks")
    austria = NetworkPageFactory(parent=network_index, title="SEiSMiC Austria", slug="austria", country="AT")
    story = StoryPageFactory(parent=index_page, slug="vienna", network=austria)
    setup = setup_roles(workflows=True, move_stories=True)
    team = NetworkTeam.objects.get(network_key=austria.translation_key)
    section = StoryIndexPage.objects.get(network=austria)
    assert section.get_parent().pk == index_page.pk
    assert StoryPage.objects.get(pk=story.pk).get_parent().pk == section.pk
    assert section.get_workflow() == ReviewWorkflow.objects.get(scope=f"network:{austria.translation_key}").workflow
    assert StoryPage.objects.get(pk=story.pk).permissions_for_user(member(team.editors)).can_edit()
    assert any(
        line.startswith("Story sections of SEiSMiC Austria: 1 (1 new), stories moved: 1") for line in setup.report
    )
