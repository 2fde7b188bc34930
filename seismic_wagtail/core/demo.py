"""Demo content of the core app: the agenda themes and the SEiSMiC partner organisations.

Runs first in ``manage.py seismic_demo``; the other apps find what it made in ``context.registry``
(``"themes"`` by slug, ``"organisations"`` by acronym).
"""

from .demo_data import PARTNERS, THEMES
from .models import Organisation, Theme


def create_demo(context):
    """Create (or find) the themes and partner organisations, with their translations."""
    themes = {}
    for data in THEMES:
        theme, created = Theme.objects.get_or_create(
            locale=context.default_locale,
            slug=data["slug"],
            defaults={"name": data["name"]["en"], "description": data["description"]},
        )
        context.created(theme, created)
        for locale in context.other_locales:
            names = data["name"]
            strings = {names["en"]: names[locale.language_code]} if locale.language_code in names else None
            context.ensure_translated(theme, locale, strings)
        themes[data["slug"]] = theme
    context.registry["themes"] = themes

    organisations = {}
    for data in PARTNERS:
        organisation, created = Organisation.objects.get_or_create(
            locale=context.default_locale,
            acronym=data["acronym"],
            defaults={key: value for key, value in data.items() if key not in ("acronym", "names")},
        )
        context.created(organisation, created)
        for locale in context.other_locales:
            local_name = data.get("names", {}).get(locale.language_code)
            context.ensure_translated(organisation, locale, {data["name"]: local_name} if local_name else None)
        organisations[data["acronym"]] = organisation
    context.registry["organisations"] = organisations
