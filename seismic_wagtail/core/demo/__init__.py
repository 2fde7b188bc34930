"""Demo content of the core app: the agenda themes and the SEiSMiC partner organisations.

The data is in this folder: ``content.json`` (theme slugs, the partners' countries, cities and websites),
``en.json`` (names and descriptions) and one file per other language (translated names). Runs first in
``manage.py seismic_demo``; the other apps find what it made in ``context.registry`` (``"themes"`` by slug,
``"organisations"`` by acronym).
"""

from ..demo_context import load, strings
from ..models import Organisation, Theme


def create_demo(context):
    """Create (or find) the themes and partner organisations, with their translations."""
    content, english = load(__name__, "content"), load(__name__, "en")
    translations = context.translations(__name__)
    themes = {}
    for slug in content["themes"]:
        text = english["themes"][slug]
        theme, created = Theme.objects.get_or_create(
            locale=context.default_locale,
            slug=slug,
            defaults={"name": text["name"], "description": text["description"]},
        )
        context.created(theme, created)
        for locale, translation in translations:
            context.ensure_translated(theme, locale, strings(text, translation.get("themes", {}).get(slug)))
        themes[slug] = theme
    context.registry["themes"] = themes

    organisations = {}
    for data in content["partners"]:
        acronym = data["acronym"]
        text = english["partners"][acronym]
        organisation, created = Organisation.objects.get_or_create(
            locale=context.default_locale,
            acronym=acronym,
            defaults={**{key: value for key, value in data.items() if key != "acronym"}, "name": text["name"]},
        )
        context.created(organisation, created)
        for locale, translation in translations:
            context.ensure_translated(organisation, locale, strings(text, translation.get("partners", {}).get(acronym)))
        organisations[acronym] = organisation
    context.registry["organisations"] = organisations
