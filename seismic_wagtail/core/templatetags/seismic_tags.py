"""Template tags shared by the package's templates. Load with ``{% load seismic_tags %}``.

``{% seismic_head %}`` and ``{% seismic_scripts %}`` are the two a site's own base template may use (see
:mod:`seismic_wagtail.core.templating`); ``{% field_widget %}`` renders form fields accessibly.
"""

from django import template
from django.template import Engine

register = template.Library()


@register.simple_tag
def field_widget(bound_field):
    """Render a field's widget with ``aria-invalid`` and ``aria-describedby`` for its help text and errors.

    The ids match ``seismic_wagtail/core/includes/field.html``: ``<id>_helptext`` and ``<id>_errors``.
    Fields rendered as a fieldset (radio and checkbox groups) carry the description on the fieldset.
    """
    attrs = {}
    if not bound_field.use_fieldset:
        described_by = []
        if bound_field.help_text:
            described_by.append(f"{bound_field.auto_id}_helptext")
        if bound_field.errors:
            described_by.append(f"{bound_field.auto_id}_errors")
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


def _first_time(context, name):
    """True the first time ``name`` is asked for while rendering this context (the tags render once)."""
    root = context.dicts[0]
    if root.get(name):
        return False
    root[name] = True
    return True


def _render_with(context, template_name):
    """Render ``template_name`` with the page's own context, as ``{% include %}`` would."""
    engine = context.template.engine if context.template is not None else Engine.get_default()
    return engine.get_template(template_name).render(context)


@register.simple_tag(takes_context=True)
def seismic_head(context):
    """What a page of the package needs in ``<head>``: stylesheets, hreflang links, the page type's head template.

    Place it anywhere in the site's base template, inside ``<head>``::

        {% load seismic_tags %}{% seismic_head %}

    It renders nothing on the site's own pages, and only once per page (the base template's head block, see
    ``SEISMIC_WAGTAIL["TEMPLATE_BLOCKS"]``, calls it too). Template: ``seismic_wagtail/core/includes/head.html``.
    """
    if "seismic_base_template" not in context or not _first_time(context, "_seismic_head_done"):
        return ""
    return _render_with(context, "seismic_wagtail/core/includes/head.html")


@register.simple_tag(takes_context=True)
def seismic_scripts(context):
    """The scripts of a page of the package (its ``get_scripts()``), once per page, for the end of ``<body>``.

    Template: ``seismic_wagtail/core/includes/scripts.html``.
    """
    if "seismic_base_template" not in context or not _first_time(context, "_seismic_scripts_done"):
        return ""
    return _render_with(context, "seismic_wagtail/core/includes/scripts.html")
