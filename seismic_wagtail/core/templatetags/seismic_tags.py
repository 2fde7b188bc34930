"""Template tags shared by the package's templates. Load with ``{% load seismic_tags %}``.

``{% seismic_head %}`` and ``{% seismic_scripts %}`` are the two a site's own base template may use (see
:mod:`seismic_wagtail.core.templating`); ``{% seismic_breadcrumbs page %}`` renders the breadcrumbs
(``seismic_wagtail/core/page.html`` places them); ``{% field_widget %}`` renders form fields accessibly.
"""

import re

from django import template
from django.template import Engine
from django.template.loader import render_to_string
from django.utils.translation import gettext
from wagtail.models import Page

from seismic_wagtail.core.breadcrumbs import get_breadcrumbs
from seismic_wagtail.core.conf import get_setting

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


@register.filter
def field_anchor(bound_field):
    """The id an error summary links to for a field: its input, or the first input of a group (radios,
    checkboxes, the selects of a multi-value field), whose own ``id_for_label`` is empty."""
    if bound_field.use_fieldset or not bound_field.id_for_label:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def _is_generic_message(field, message):
    """Whether ``message`` is one of Django's own messages for ``field`` (one that does not say which field)."""
    templates = [
        str(text) for cls in type(field).__mro__ for text in getattr(cls, "default_error_messages", {}).values()
    ]
    for validator in field.validators:
        message_template = getattr(validator, "message", "")
        limit = getattr(validator, "limit_value", None)
        if message_template and isinstance(limit, int):  # length and size limits: plural forms chosen by the limit
            templates.append(str(message_template % {"limit_value": limit, "show_value": 987654321}))
        elif message_template:
            templates.append(str(message_template))
    for text in filter(None, templates):
        pattern = re.sub(r"%\\\(\w+\\\)[sd]|987654321", ".*", re.escape(text))
        if re.fullmatch(pattern, message, flags=re.S):
            return True
    return False


@register.simple_tag
def field_error_text(bound_field, error):
    """An error message as the error summary shows it: alone when it names what to do ("Choose your
    country"), after the field's label when it is one of Django's generic ones ("Name: This field is
    required.")."""
    if _is_generic_message(bound_field.field, str(error)):
        return gettext("%(label)s: %(error)s") % {"label": bound_field.label, "error": error}
    return error


@register.simple_tag(takes_context=True)
def seismic_error_title_prefix(context):
    """``"Error: "`` when the page's form (the context's ``form``) has errors, for the start of ``<title>``."""
    form = context.get("form")
    if form is not None and getattr(form, "is_bound", False) and form.errors:
        return gettext("Error:") + " "
    return ""


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


@register.simple_tag(takes_context=True)
def seismic_breadcrumbs(context, page, current=None):
    """The breadcrumbs of ``page``: a ``<nav aria-label="Breadcrumb">`` with the trail from the site's root page
    (:func:`seismic_wagtail.core.breadcrumbs.get_breadcrumbs`, one query), the last step ``aria-current="page"``.

    ``current``: the title of the page's route the visitor is on (a routable page's sub-page)::

        {% block seismic_breadcrumbs %}{% translate "Results" as here %}{% seismic_breadcrumbs page current=here %}{% endblock %}

    Template: ``SEISMIC_WAGTAIL["BREADCRUMBS_TEMPLATE"]`` (default ``seismic_wagtail/core/includes/breadcrumbs.html``,
    context ``breadcrumbs``, ``page``, ``request``); ``None`` renders nothing, as does anything but a saved page.
    """
    template_name = get_setting("BREADCRUMBS_TEMPLATE")
    if not template_name or not isinstance(page, Page) or not page.pk:
        return ""
    request = context.get("request")
    breadcrumbs = get_breadcrumbs(page, request, current=current or None)
    if not breadcrumbs:
        return ""
    return render_to_string(template_name, {"breadcrumbs": breadcrumbs, "page": page, "request": request})
