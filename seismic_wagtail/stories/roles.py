"""Network story sections: each network team edits exactly its network's stories, with Wagtail's own permissions.

A network's **story section** is a :class:`~.models.StoryIndexPage` below a top-level story index whose
``network`` is the network page. The main index lists the section's stories with its own (an index lists its
whole subtree). For every network team (``seismic_networks.NetworkTeam``, reached by label: nothing happens
when the networks app is not installed), :func:`setup_roles` (run by ``manage.py seismic_roles`` after the
networks app's roles, see :mod:`seismic_wagtail.core.roles`)

* makes sure each top-level story index of the covered area has the network's section, in every language in
  which both the index and the network page exist: created once in the index's default-language translation
  where it can (with the network page's title and slug), then translated with wagtail-localize (with the
  title and slug of the network page in that language) and published;
* gives the team's national editors add and edit, its coordinators also publish, lock and unlock, on every
  translation of its sections (Wagtail's page permissions);
* with ``--workflows``, assigns the network's review workflow (made by the networks app) to every
  translation of its sections;
* with ``--move-stories``, moves the network's stories that sit directly under the main index into the
  section of their language (:func:`move_network_stories`).

It also gives the central editors the syndication screens (:data:`CENTRAL_MODEL_PERMISSIONS`), with or without
the networks app.

Running it again creates nothing new. A section translated later (wagtail-localize) or made by hand in the
admin gets its team's permissions and workflow at once (:func:`on_story_index_created`, connected in
:mod:`.signal_handlers`). What a city changes: where the sections go (the top-level indexes of ``--root``),
and everything an editor changes afterwards (a section's title, slug, intro or place) is kept.
"""

from django.db.models import Q
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

from seismic_wagtail.core import roles
from seismic_wagtail.core.swappable import get_model_by_label
from seismic_wagtail.core.translation import translate

from .models import StoryIndexPage, StoryPage

#: The central editors' model permissions: the syndication partners, and the copied stories (reviewed and
#: deleted, never added: the syndication engine makes them).
CENTRAL_MODEL_PERMISSIONS = [
    "seismic_stories.add_syndicationpartner",
    "seismic_stories.change_syndicationpartner",
    "seismic_stories.delete_syndicationpartner",
    "seismic_stories.view_syndicationpartner",
    "seismic_stories.view_syndicatedstory",
    "seismic_stories.change_syndicatedstory",
    "seismic_stories.delete_syndicatedstory",
]

#: The networks app's team model, by label (the stories app does not import the networks app).
NETWORK_TEAM_MODEL = "seismic_networks.NetworkTeam"


def get_network_team_model():
    """``NetworkTeam``, or ``None`` when the networks app is not installed."""
    return get_model_by_label(NETWORK_TEAM_MODEL)


def top_level_indexes(roots):
    """The story indexes of the covered area whose parent is not a story index, grouped by translation key:
    ``[[index in each locale], ...]``."""
    indexes = list(StoryIndexPage.objects.filter(roles.in_area(roots)).order_by("path"))
    parent_paths = {index.path[: -index.steplen] for index in indexes}
    index_parents = set(StoryIndexPage.objects.filter(path__in=parent_paths).values_list("path", flat=True))
    groups = {}
    for index in indexes:
        if index.path[: -index.steplen] not in index_parents:
            groups.setdefault(index.translation_key, []).append(index)
    return list(groups.values())


def children_of(pages):
    """A ``Q`` for the children of ``pages``."""
    children = Q(pk__in=[])
    for page in pages:
        children |= Q(path__startswith=page.path, depth=page.depth + 1)
    return children


def sections_below(indexes, network_key):
    """The story sections of the network ``network_key`` directly below ``indexes``."""
    return list(
        StoryIndexPage.objects.filter(children_of(indexes), network__translation_key=network_key).order_by("pk")
    )


def create_section(index, network):
    """A new, published story section of ``network`` below ``index``, with the network page's title and slug
    (numbered when a sibling has it already)."""
    section = StoryIndexPage(
        title=network.title,
        slug=find_available_slug(index, network.slug),
        network=network,
        locale_id=index.locale_id,
    )
    index.add_child(instance=section)
    section.save_revision().publish()
    return section


def translate_section(section, locale, network):
    """``section`` translated into ``locale`` with wagtail-localize, with the title and slug of ``network`` (the
    network page in that locale), published. wagtail-localize numbers a slug a sibling has already."""
    return translate(section, locale, {section.title: network.title, section.slug: network.slug}).specific


def ensure_sections(indexes, networks, network_key):
    """The network's story sections below ``indexes`` (one top-level index in its locales), created where the
    index and the network page (``networks``: locale id -> network page) both exist. Returns
    ``(sections, created)``."""
    sections = sections_below(indexes, network_key)
    by_locale = {}
    for section in sections:
        by_locale.setdefault(section.locale_id, section)
    wanted = [index for index in indexes if index.locale_id in networks and index.locale_id not in by_locale]
    if not wanted:
        return sections, []
    default_locale_id = Locale.get_default().pk
    created = []
    source = by_locale.get(default_locale_id) or next(iter(by_locale.values()), None)
    if source is None:
        index = next((index for index in wanted if index.locale_id == default_locale_id), wanted[0])
        source = create_section(index, networks[index.locale_id])
        created.append(source)
    for index in wanted:
        if index.locale_id == source.locale_id:
            continue
        existing = source.get_translation_or_none(index.locale)
        section = existing.specific if existing else translate_section(source, index.locale, networks[index.locale_id])
        if existing is None:
            created.append(section)
    return sections + created, created


def move_network_stories(sections, network_key):
    """Move the stories of the network ``network_key`` that sit directly under a section's parent into the
    section of their language (``Page.move``: their URLs change, and Wagtail's redirects app, when installed,
    redirects the old ones). A story whose slug the section already uses stays where it is.

    Returns ``(moved, left)``: lists of stories."""
    moved, left = [], []
    for section in sections:
        parent = section.get_parent()
        stories = StoryPage.objects.child_of(parent).filter(
            network__translation_key=network_key, locale_id=section.locale_id
        )
        taken = set(section.get_children().values_list("slug", flat=True))
        for story in stories.order_by("path"):
            if story.slug in taken:
                left.append(story)
                continue
            # The section freshly loaded: treebeard places the story after the section's current last child.
            story.move(Page.objects.get(pk=section.pk), pos="last-child")
            taken.add(story.slug)
            moved.append(story)
    return moved, left


def setup_team_sections(team, groups, setup):
    """One team's sections below each top-level index of ``groups``, its permissions and workflow on them."""
    networks = {}
    for page in Page.objects.filter(translation_key=team.network_key).order_by("pk"):
        networks.setdefault(page.locale_id, page)
    if not networks:
        setup.report.append(f"Story sections of network {team.network_key}: no network page")
        return
    default = networks.get(Locale.get_default().pk) or next(iter(networks.values()))
    sections, created = [], []
    for indexes in groups:
        found, new = ensure_sections(indexes, networks, team.network_key)
        sections += found
        created += new
    pages = list(roles.translations_of(sections)) if sections else []
    roles.grant_team_pages(team, pages)
    line = f"Story sections of {default.title}: {len(pages)} ({len(created)} new)"
    if setup.workflows:
        workflow = roles.review_workflow(roles.network_workflow_scope(team.network_key))
        if workflow is None:
            line += ", no review workflow"
        else:
            roles.assign_workflow(workflow, pages)
    if getattr(setup, "move_stories", False):
        moved, left = move_network_stories(pages, team.network_key)
        line += f", stories moved: {len(moved)}"
        if left:
            line += f" (left in place, slug taken: {', '.join(story.slug for story in left)})"
    setup.report.append(line)


def setup_roles(setup):
    """The stories app's part of ``manage.py seismic_roles``: the central editors' syndication screens, and
    every network team's story sections (see the module's docstring; not without the networks app)."""
    setup.grant_central_models(CENTRAL_MODEL_PERMISSIONS)
    team_model = get_network_team_model()
    if team_model is None:
        return
    groups = top_level_indexes(setup.roots)
    for team in team_model.objects.select_related("editors", "coordinators").order_by("pk"):
        setup_team_sections(team, groups, setup)


def on_story_index_created(page):
    """A new story index: when its ``network`` has a team (a section translated by wagtail-localize, or made
    in the admin), that team's permissions and, when the network's review workflow exists, the workflow on it.

    No query for an index without a network; one when the network has no team. Returns the team or ``None``.
    """
    if not page.network_id:
        return None
    team_model = get_network_team_model()
    if team_model is None:
        return None
    network_keys = Page.objects.filter(pk=page.network_id).values("translation_key")
    team = team_model.objects.select_related("editors", "coordinators").filter(network_key__in=network_keys).first()
    if team is not None:
        roles.extend_team(team, [page])
    return team
