"""``manage.py seismic_roles`` and the shared roles of core (#19): the command's options, a site's own group
names, the consultations' workflow, and the setting's check."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from seismic_wagtail.core.checks import check_package_settings
from seismic_wagtail.core.models import ReviewWorkflow, SectionPage
from seismic_wagtail.core.roles import group_name, setup_roles
from seismic_wagtail.networks.models import NetworkTeam
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.users import UserFactory
from tests.translations import publish_translation


def run(*args):
    out = io.StringIO()
    call_command("seismic_roles", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def area(root_page, locales):
    """A section with a network and a consultation, next to a page of the site's own outside it."""
    section = root_page.add_child(instance=SectionPage(title="SEiSMiC", slug="seismic"))
    networks = NetworkIndexPageFactory(parent=section, title="Networks", slug="networks")
    return {
        "section": section,
        "network": NetworkPageFactory(parent=networks, title="SEiSMiC Italy", slug="italy", country="IT"),
        "consultation": ConsultationPageFactory(parent=section, title="Agenda", slug="agenda"),
        "outside": ConsultationPageFactory(parent=root_page, title="The city's own", slug="own"),
    }


def test_dry_run_reports_and_changes_nothing(area):
    groups = Group.objects.count()
    output = run("--dry-run", "--workflows")
    assert "Dry run: nothing was changed" in output
    assert "Network team SEiSMiC Italy" in output
    assert Group.objects.count() == groups
    assert not NetworkTeam.objects.exists() and not ReviewWorkflow.objects.exists()


def test_root_limits_the_area_in_every_language(area, locales):
    section_de = publish_translation(area["section"], locales["de"])
    output = run("--root", str(area["section"].pk), "--workflows")
    assert "Consultations: review workflow on 1 pages" in output
    assert area["consultation"].get_workflow().name == "Review: agenda consultations"
    # The site's own consultation outside the section keeps Wagtail's default workflow (or none).
    assert not ReviewWorkflow.objects.filter(workflow=area["outside"].get_workflow()).exists()
    central = Group.objects.get(name=group_name("central"))
    pages = set(GroupPagePermission.objects.filter(group=central).values_list("page_id", flat=True))
    assert pages == {area["section"].pk, section_de.pk}
    translator = UserFactory()
    translator.groups.add(Group.objects.get(name="Translators: Deutsch"))
    assert section_de.permissions_for_user(translator).can_edit()
    assert not area["section"].permissions_for_user(translator).can_edit()
    assert not Page.objects.get(pk=area["outside"].pk).permissions_for_user(translator).can_edit()


def test_unknown_root_is_an_error(area):
    with pytest.raises(CommandError, match="No page with ID 999999"):
        run("--root", "999999")


def test_a_sites_existing_group_is_used(area):
    existing = Group.objects.create(name="Redaktion Italien")
    with override_settings(SEISMIC_WAGTAIL={"ROLE_GROUP_NAMES": {"network_editors": "Redaktion {network}"}}):
        existing.name = "Redaktion SEiSMiC Italy"
        existing.save()
        run()
    team = NetworkTeam.objects.get()
    assert team.editors == existing
    assert team.coordinators.name == "SEiSMiC Italy: coordinators"  # the default name for the roles not mapped


def test_a_consultation_created_later_gets_the_workflow(area):
    run("--workflows")
    later = ConsultationPageFactory(parent=area["section"], title="Second round", slug="second")
    assert later.get_workflow() == area["consultation"].get_workflow()


def test_without_workflows_nothing_is_assigned(area):
    before = WorkflowPage.objects.count()
    run()
    assert WorkflowPage.objects.count() == before
    later = ConsultationPageFactory(parent=area["section"], title="Second round", slug="second")
    assert not WorkflowPage.objects.filter(page=later).exists()


def test_a_workflow_the_site_assigned_is_kept(area):
    from wagtail.models import Workflow

    own = Workflow.objects.create(name="City legal review")
    WorkflowPage.objects.create(page=area["consultation"], workflow=own)
    run("--workflows")
    assert area["consultation"].get_workflow() == own


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ({"central": "Redaktion"}, True),
        ({"centrall": "Redaktion"}, False),
        ({"central": 3}, False),
        ("Redaktion", False),
    ],
)
def test_role_group_names_setting_is_checked(value, ok):
    with override_settings(SEISMIC_WAGTAIL={"ROLE_GROUP_NAMES": value}):
        errors = [message for message in check_package_settings() if "ROLE_GROUP_NAMES" in message.msg]
    assert (errors == []) is ok


def test_setup_roles_is_one_transaction(area, monkeypatch):
    """A failing app leaves no group, team or permission behind."""
    from seismic_wagtail.consultations import roles as consultation_roles

    def fail(setup):
        raise RuntimeError("boom")

    monkeypatch.setattr(consultation_roles, "setup_roles", fail)
    groups = Group.objects.count()
    with pytest.raises(RuntimeError):
        setup_roles(workflows=True)
    assert Group.objects.count() == groups
    assert not NetworkTeam.objects.exists()
