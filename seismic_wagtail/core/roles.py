"""Roles of a SEiSMiC network, made of Wagtail's own parts: groups, page permissions, collections, workflows.

No permission system of the package's own: every role is a Django group with Wagtail's page permissions on
subtrees (a network's pages, a locale's tree), collection permissions for images and documents, and
optionally a Wagtail workflow with group approval tasks. ``manage.py seismic_roles`` sets them up (again and
again: it only adds what is missing) and ``docs/how-to/roles-and-review.md`` has the role x action table.

The roles:

* **central editors** (``ROLE_GROUP_NAMES["central"]``): add, edit, publish, lock and unlock every page of the
  covered area in every language; the last approval of every review workflow. Each app adds the model
  permissions its admin screens need (:func:`RoleSetup.grant_central_models`).
* **translators per language** (``ROLE_GROUP_NAMES["translators"]``): add and edit the pages of their
  locale's tree (so wagtail-localize's translation editor opens there), choose images; nothing else.
* **network teams** (the networks app's own ``roles`` module): national editors and
  coordinators per network.

Core names no domain app: :func:`setup_roles` runs the ``roles`` module of every installed app of the
package (a ``setup_roles(setup)`` function), in the order of the apps' ``demo_order``. What a city changes:
the group names (the ``ROLE_GROUP_NAMES`` setting: name an existing group to use it), the area the roles
cover (``--root``), and whether the workflows are installed (``--workflows``).
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .apps import SeismicAppConfig
from .conf import DEFAULTS, get_setting
from .models import ReviewWorkflow

#: Page permissions of each kind of role (Wagtail's ``PAGE_PERMISSION_TYPES``).
EDITOR_PAGE_ACTIONS = ("add", "change")
PUBLISHER_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")

#: Collection permissions (images and documents) of a team in its own collection; translators only choose.
COLLECTION_EDITOR_ACTIONS = ("add", "change", "choose")
COLLECTION_CHOOSER_ACTIONS = ("choose",)

#: What gets someone into Wagtail's admin at all.
ADMIN_ACCESS = "wagtailadmin.access_admin"


def group_name(role, **values):
    """The name of a role's group: ``ROLE_GROUP_NAMES[role]`` formatted with ``values`` (``network``,
    ``language``). A site's dict is merged with the default one, so it names only the roles it maps."""
    names = {**DEFAULTS["ROLE_GROUP_NAMES"], **get_setting("ROLE_GROUP_NAMES")}
    return names[role].format(**values)


def ensure_group(name):
    """The group called ``name``; created when the site has none (a site's existing group is used as it is)."""
    return Group.objects.get_or_create(name=name)[0]


def get_permissions(labels):
    """``Permission`` objects for ``"app_label.codename"`` labels; labels of apps not installed are skipped."""
    wanted = [label.split(".", 1) for label in labels]
    installed = {config.label for config in apps.get_app_configs()}
    query = [pair for pair in wanted if pair[0] in installed]
    if not query:
        return []
    permissions = Permission.objects.select_related("content_type").filter(
        codename__in=[codename for _, codename in query],
        content_type__app_label__in=[app_label for app_label, _ in query],
    )
    keys = {tuple(pair) for pair in query}
    return [perm for perm in permissions if (perm.content_type.app_label, perm.codename) in keys]


def grant_model_permissions(group, labels):
    """Give ``group`` the Django permissions ``labels`` (``"app_label.codename"``); keeps what it has."""
    group.permissions.add(*get_permissions(labels))


def page_permissions(actions):
    """The ``Permission`` objects of Wagtail's page ``actions`` ("add", "change", "publish", ...)."""
    codenames = [f"{action}_page" for action in actions]
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def grant_page_permissions(group, pages, actions):
    """Give ``group`` Wagtail's page permissions ``actions`` on each page of ``pages`` (and so its subtree).

    Idempotent: one ``INSERT`` of the missing rows whatever already exists.
    """
    permissions = page_permissions(actions)
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page=page, permission=perm) for page in pages for perm in permissions],
        ignore_conflicts=True,
    )


def grant_collection_permissions(group, collection, actions):
    """Give ``group`` the image and document permissions ``actions`` in ``collection`` (and its children)."""
    labels = [f"wagtailimages.{action}_image" for action in actions]
    labels += [f"wagtaildocs.{action}_document" for action in actions]
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission=perm)
            for perm in get_permissions(labels)
        ],
        ignore_conflicts=True,
    )


def ensure_collection(name, parent=None):
    """The child collection called ``name`` of ``parent`` (default: the root collection); created if missing."""
    parent = parent or Collection.get_first_root_node()
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def ensure_approval_task(name, groups):
    """The group approval task called ``name``, approved by ``groups``; created if missing."""
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(*groups)
    return task


def ensure_review_workflow(scope, name, tasks):
    """The package's workflow of ``scope`` (a :class:`~seismic_wagtail.core.models.ReviewWorkflow`), with
    ``tasks`` in this order; created as ``name`` if missing. An editor's later changes (its name, extra
    tasks) are kept: missing tasks are appended, nothing is removed."""
    record = ReviewWorkflow.objects.select_related("workflow").filter(scope=scope).first()
    if record is None:
        workflow = Workflow.objects.create(name=name, active=True)
        record = ReviewWorkflow.objects.create(scope=scope, workflow=workflow)
    workflow = record.workflow
    present = set(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True))
    order = WorkflowTask.objects.filter(workflow=workflow).count()
    for task in tasks:
        if task.pk not in present:
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
            order += 1
    return workflow


def review_workflow(scope):
    """The package's workflow of ``scope``, or ``None`` when the workflows are not installed."""
    record = ReviewWorkflow.objects.select_related("workflow").filter(scope=scope).first()
    return record.workflow if record else None


def assign_workflow(workflow, pages):
    """Make ``workflow`` the one of each page of ``pages`` (and so of its subtree).

    A page that already has a workflow which is not one of the package's keeps it (the site chose it);
    returns the pages assigned.
    """
    pages = list(pages)
    ours = set(ReviewWorkflow.objects.values_list("workflow_id", flat=True))
    existing = {row.page_id: row for row in WorkflowPage.objects.filter(page__in=pages)}
    assigned = []
    for page in pages:
        row = existing.get(page.pk)
        if row is None:
            WorkflowPage.objects.create(page=page, workflow=workflow)
        elif row.workflow_id in ours and row.workflow_id != workflow.pk:
            row.workflow = workflow
            row.save(update_fields=["workflow"])
        elif row.workflow_id != workflow.pk:
            continue
        assigned.append(page)
    return assigned


def in_area(roots):
    """A ``Q`` for the pages in the subtrees of ``roots``, the roots included (nothing for no roots)."""
    area = Q(pk__in=[])
    for root in roots:
        area |= Q(path__startswith=root.path)
    return area


def network_workflow_scope(network_key):
    """The :class:`~seismic_wagtail.core.models.ReviewWorkflow` scope of a network's review workflow (made by the
    networks app, assigned also by the stories app to the network's story sections)."""
    return f"network:{network_key}"


def grant_team_pages(team, pages):
    """A network team's page permissions on ``pages`` (and their subtrees): its ``editors`` group adds and edits,
    its ``coordinators`` group also publishes, locks and unlocks."""
    grant_page_permissions(team.editors, pages, EDITOR_PAGE_ACTIONS)
    grant_page_permissions(team.coordinators, pages, PUBLISHER_PAGE_ACTIONS)


def extend_team(team, pages):
    """A network team's permissions and, when installed, its review workflow on new ``pages`` of its network
    (a new translation, a new story section)."""
    grant_team_pages(team, pages)
    workflow = review_workflow(network_workflow_scope(team.network_key))
    if workflow is not None:
        assign_workflow(workflow, pages)


def translations_of(pages):
    """Every translation (in every locale) of each page of ``pages``, the pages included."""
    keys = {page.translation_key for page in pages}
    return Page.objects.filter(translation_key__in=keys)


def default_roots():
    """The pages the roles cover when no ``--root`` is given: every site's root page, in every language."""
    return list(translations_of(Page.objects.filter(pk__in=Site.objects.values("root_page"))))


@dataclass
class RoleSetup:
    """What :func:`setup_roles` hands each app's ``roles.setup_roles(setup)``.

    ``roots``: the pages whose subtrees the roles cover (all their translations); ``workflows``: install and
    assign the review workflows; ``move_stories``: move each network's stories into its story section (the
    stories app); ``central``: the central editors' group; ``report``: lines for the command's output (an app
    appends what it did).
    """

    roots: list
    workflows: bool = False
    central: Group = None
    move_stories: bool = False
    report: list = field(default_factory=list)

    def roots_in(self, locale):
        return [page for page in self.roots if page.locale_id == locale.pk]

    def grant_central_models(self, labels):
        """Give the central editors the model permissions ``labels`` (an app's admin screens)."""
        grant_model_permissions(self.central, labels)


def central_approval_task(central):
    """The central editors' (``central``) approval task: the last step of every review workflow."""
    return ensure_approval_task(approval_task_name(central), [central])


def approval_task_name(group):
    """The name of ``group``'s approval task, in the site's default language (it is data an editor can rename)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Approval by %(group)s") % {"group": group.name}


def setup_central_team(setup):
    """The central editors: everything in the covered area, in every language."""
    grant_model_permissions(setup.central, [ADMIN_ACCESS, "wagtail_localize.submit_translation"])
    grant_page_permissions(setup.central, setup.roots, PUBLISHER_PAGE_ACTIONS)
    grant_collection_permissions(setup.central, Collection.get_first_root_node(), ("add", "change", "choose", "delete"))
    setup.report.append(f"Central editors: {setup.central.name}")


def setup_translators(setup):
    """One translators' group per locale: add and edit the pages of that locale's tree, nothing else."""
    for locale in Locale.objects.order_by("language_code"):
        roots = setup.roots_in(locale)
        if not roots:
            continue
        group = ensure_group(group_name("translators", language=locale.get_display_name() or locale.language_code))
        grant_model_permissions(group, [ADMIN_ACCESS])
        grant_page_permissions(group, roots, EDITOR_PAGE_ACTIONS)
        grant_collection_permissions(group, Collection.get_first_root_node(), COLLECTION_CHOOSER_ACTIONS)
        setup.report.append(f"Translators ({locale.language_code}): {group.name}")


def role_apps():
    """The package's other installed apps that have a ``roles`` module, in ``demo_order`` (core's own roles
    are this module: :func:`setup_central_team`, :func:`setup_translators`)."""
    configs = sorted(
        (config for config in apps.get_app_configs() if isinstance(config, SeismicAppConfig)),
        key=lambda config: config.demo_order,
    )
    return [
        config
        for config in configs
        if f"{config.name}.roles" != __name__ and module_has_submodule(config.module, "roles")
    ]


@transaction.atomic
def setup_roles(roots=None, workflows=False, move_stories=False):
    """Create or complete the roles (groups, permissions, collections; workflows with ``workflows=True``) for
    the subtrees of ``roots`` (default: :func:`default_roots`) and return the setup with its report.

    Runs in one transaction: a failure leaves the site's groups as they were.
    """
    roots = list(translations_of(roots)) if roots else default_roots()
    setup = RoleSetup(
        roots=roots, workflows=workflows, move_stories=move_stories, central=ensure_group(group_name("central"))
    )
    setup_central_team(setup)
    setup_translators(setup)
    for config in role_apps():
        import_module(f"{config.name}.roles").setup_roles(setup)
    return setup
