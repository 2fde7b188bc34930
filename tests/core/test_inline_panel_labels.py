"""Every InlinePanel (and MultipleChooserPanel) of the package names its rows in plain words.

Wagtail's ``InlinePanel`` takes ``heading`` (the panel's title, "Themes") and ``label`` (one row: the rows read
"<Label> 1", "<Label> 2" and the button "Add <label>"). Without ``label`` Wagtail uses the row model's
``verbose_name`` ("Story theme 1"), and a plural label gives "Themes 1" / "Add Themes". So each panel gives both,
and the label is singular and in lower case (it is capitalised only at the start of a row's heading).
"""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.admin.panels import InlinePanel, Panel
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db

try:
    from wagtail.admin.panels import MultipleChooserPanel
except ImportError:  # an older Wagtail
    MultipleChooserPanel = InlinePanel

#: The inline panels the package has today: the walk below must find at least these (it cannot pass by finding none).
KNOWN = {
    ("seismic_networks.NetworkPage", "coordinators"),
    ("seismic_networks.NetworkPage", "network_themes"),
    ("seismic_networks.NetworkPage", "members"),
    ("seismic_stories.StoryPage", "story_themes"),
    ("seismic_stories.StoryPage", "story_organisations"),
    ("seismic_stories.StoryPage", "transfers"),
    ("seismic_stories.StoryPage", "related_stories"),
}


def package_classes(cls):
    """``cls`` and its bases that belong to the package (Wagtail's own panels are Wagtail's business)."""
    return [klass for klass in cls.__mro__ if klass.__module__.startswith("seismic_wagtail.")]


def panel_definitions(cls):
    """The unbound panels a package class declares: ``edit_handler``, ``panels`` and every ``*_panels`` list."""
    for klass in package_classes(cls):
        for name, value in vars(klass).items():
            if name == "edit_handler" or name == "panels" or name.endswith("_panels"):
                yield from value if isinstance(value, list | tuple) else [value]


def walk(panel):
    if isinstance(panel, Panel):
        yield panel
        for child in getattr(panel, "children", None) or []:
            yield from walk(child)


def inline_panels():
    """``(model label, panel)`` for every inline panel the package's page and snippet models (and their snippet
    viewsets) declare."""
    owners = [
        (model, model)
        for config in apps.get_app_configs()
        if config.label.startswith("seismic_")
        for model in config.get_models()
    ]
    owners += [
        (model, type(model.snippet_viewset))
        for model in get_snippet_models()
        if model._meta.app_label.startswith("seismic_")
    ]
    found = []
    for model, owner in owners:
        for definition in panel_definitions(owner):
            for panel in walk(definition):
                if isinstance(panel, InlinePanel | MultipleChooserPanel):
                    found.append((model._meta.label, panel))
    return found


def test_every_inline_panel_has_a_heading_and_a_singular_lower_case_label():
    panels = inline_panels()
    assert KNOWN <= {(label, panel.relation_name) for label, panel in panels}
    for model_label, panel in panels:
        where = f"{model_label}.{panel.relation_name}"
        label, heading = str(panel.label), str(panel.heading)
        assert label, f"{where}: no label (Wagtail would use the row model's verbose_name)"
        assert heading and heading != label.capitalize(), f"{where}: a heading of its own for the panel"
        assert label[0].islower(), f"{where}: label {label!r} reads 'Add {label}'; lower case"
        assert not label.endswith("s") or label.endswith("ss"), f"{where}: label {label!r} names one row"


def test_the_story_editor_reads_theme_1_and_add_theme(admin_client, root_page):
    from seismic_wagtail.stories.models import StoryIndexPage

    index = root_page.add_child(instance=StoryIndexPage(title="Stories", slug="stories"))
    html = admin_client.get(reverse("wagtailadmin_pages:add", args=["seismic_stories", "storypage", index.pk])).content
    html = html.decode()
    assert "Add theme" in html and "Add Themes" not in html
    assert "Add source story" in html and "Add related story" in html and "Add organisation" in html
