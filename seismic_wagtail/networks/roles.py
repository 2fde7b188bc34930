"""Network teams: a national network's editors and coordinators, made of Wagtail's own permissions.

For each network page in the covered area, :func:`setup_roles` (run by ``manage.py seismic_roles``, see
:mod:`seismic_wagtail.core.roles`) makes sure there is a :class:`~.models.NetworkTeam` with

* a **national editors** group: add and edit the network page and its events, in every language of the
  network page (Wagtail's page permissions on each translation's subtree), and the network's stories (the
  stories app gives the team its story section); submit them for review;
* a **coordinators** group: the same plus publish, lock and unlock; see and decide the network's join requests
  with the applicants' personal data (:class:`~.viewsets.JoinRequestPermissionPolicy` scopes them);
* a **collection** for the network's images and documents, where both groups add and edit (and both choose
  images from the whole library);
* with ``--workflows``: a review workflow, the coordinators' approval and then the central editors', assigned
  to every translation of the network page (a story section gets it from the stories app).

A network created later in the admin gets its team at once (the ``after_create_page`` hook); a new
translation of a network page gets the team's permissions and workflow (:mod:`.signal_handlers`).
A city maps its existing groups onto a team by naming them in ``ROLE_GROUP_NAMES`` before running the
command (an existing group of that name is used as it is), or by pointing the ``NetworkTeam`` row at them.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Collection

from seismic_wagtail.core import roles
from seismic_wagtail.core.models import ReviewWorkflow

from .models import NetworkPage, NetworkTeam

#: What the central editors may do with join requests: everything but adding them (visitors send them).
CENTRAL_MODEL_PERMISSIONS = [
    "seismic_networks.view_networkjoinrequest",
    "seismic_networks.change_networkjoinrequest",
    "seismic_networks.delete_networkjoinrequest",
    "seismic_networks.view_personal_data",
]
#: The coordinators' model permissions; their join requests are scoped to their network by the viewset's
#: permission policy, not by a model permission (which would show every network's).
COORDINATOR_MODEL_PERMISSIONS = [roles.ADMIN_ACCESS, "seismic_networks.view_personal_data"]
EDITOR_MODEL_PERMISSIONS = [roles.ADMIN_ACCESS]


def ensure_team(network_key):
    """The network's team; created (groups named by ``ROLE_GROUP_NAMES``, a collection) when missing."""
    team = NetworkTeam.objects.select_related("editors", "coordinators", "collection").filter(network_key=network_key)
    team = team.first()
    if team is not None:
        if team.collection is None:
            team.collection = roles.ensure_collection(NetworkTeam.network_title(network_key))
            team.save(update_fields=["collection"])
        return team
    title = NetworkTeam.network_title(network_key)
    return NetworkTeam.objects.create(
        network_key=network_key,
        editors=roles.ensure_group(roles.group_name("network_editors", network=title)),
        coordinators=roles.ensure_group(roles.group_name("network_coordinators", network=title)),
        collection=roles.ensure_collection(title),
    )


def grant_team_models(team):
    """Admin access, the coordinators' personal-data permission, and the team's collections."""
    roles.grant_model_permissions(team.editors, EDITOR_MODEL_PERMISSIONS)
    roles.grant_model_permissions(team.coordinators, COORDINATOR_MODEL_PERMISSIONS)
    root = Collection.get_first_root_node()
    for group in (team.editors, team.coordinators):
        roles.grant_collection_permissions(group, root, roles.COLLECTION_CHOOSER_ACTIONS)
        if team.collection is not None:
            roles.grant_collection_permissions(group, team.collection, roles.COLLECTION_EDITOR_ACTIONS)


def ensure_team_workflow(team, central):
    """The network's review workflow: its coordinators approve, then ``central`` (the central editors)."""
    coordinators_task = roles.ensure_approval_task(roles.approval_task_name(team.coordinators), [team.coordinators])
    central_task = roles.central_approval_task(central)
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Review: %(network)s") % {"network": str(team)}
    return roles.ensure_review_workflow(
        roles.network_workflow_scope(team.network_key), name, [coordinators_task, central_task]
    )


def setup_team(team, central=None):
    """Give ``team`` its permissions on every translation of its network page; with ``central`` (the central
    editors' group), also its review workflow. Returns the team."""
    pages = list(team.get_network_pages())
    grant_team_models(team)
    roles.grant_team_pages(team, pages)
    if central is not None:
        roles.assign_workflow(ensure_team_workflow(team, central), pages)
    return team


def networks_in(roots):
    """The translation keys of the network pages in the subtrees of ``roots``, in title order."""
    keys = NetworkPage.objects.filter(roles.in_area(roots)).order_by("title").values_list("translation_key", flat=True)
    return list(dict.fromkeys(keys))


def setup_roles(setup):
    """The networks app's part of ``manage.py seismic_roles``: a team for every network of the covered area."""
    setup.grant_central_models(CENTRAL_MODEL_PERMISSIONS)
    for key in networks_in(setup.roots):
        team = setup_team(ensure_team(key), central=setup.central if setup.workflows else None)
        setup.report.append(f"Network team {team}: {team.editors.name}, {team.coordinators.name}")


def setup_new_network(page):
    """A network page just created in the admin: its team, and its workflow when the site installed the
    package's workflows (any :class:`~seismic_wagtail.core.models.ReviewWorkflow` exists)."""
    central = None
    if ReviewWorkflow.objects.exists():
        central = roles.ensure_group(roles.group_name("central"))
    return setup_team(ensure_team(page.translation_key), central=central)


def on_network_translation_created(page):
    """A new page with an existing team's translation key (a translation): the team's permissions and
    workflow on it. One query when the network has no team."""
    team = NetworkTeam.objects.select_related("editors", "coordinators").filter(network_key=page.translation_key)
    team = team.first()
    if team is not None:
        roles.extend_team(team, [page])
    return team
