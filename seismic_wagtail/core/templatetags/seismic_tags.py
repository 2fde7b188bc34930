"""Template tags shared by the package's templates. Load with ``{% load seismic_tags %}``."""

from django import template

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
