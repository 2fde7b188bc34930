"""System checks for a site that installs the package: ``python manage.py check`` names what gets in the way.

Each check says what is wrong and what to change. The ids, with their meaning, are listed in
``docs/how-to/install.md``:

- ``seismic_wagtail.E001`` the base template cannot be loaded; ``E002`` it has no content block;
  ``W001``/``W002``/``W003`` it lacks a place for the package's head, scripts or title.
- ``seismic_wagtail.W004`` a URL pattern of the site answers the URL of a live page of the package.
- ``seismic_wagtail.W005`` the package's file routes (feeds, calendars) are not installed, or another
  pattern answers their URLs first.
- ``seismic_wagtail.W006`` ``wagtail.contrib.simple_translation`` is installed beside wagtail-localize.
- ``seismic_wagtail.W007`` a locale in the database has a language the settings no longer list.
- ``seismic_wagtail.W008``/``W009`` ``LocaleMiddleware`` is missing, or listed more than once.
- ``seismic_wagtail.W010`` the rate limits of the public forms count in a per-process cache.
- ``seismic_wagtail.E003`` ``SEISMIC_WAGTAIL`` is not a dict; ``E004`` one of its values has the wrong type;
  ``E005`` a model label in it names no model; ``W011`` a key the package does not know (a misspelling);
  ``W012`` ``TRANSLATION_STATUS_APPS`` names an app that is not installed.

The checks that read the database (W004, W007) pass quietly when its tables do not exist yet (before the
first ``migrate``).
"""

import difflib
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError
from django.template import Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader_tags import BlockNode, ExtendsNode, IncludeNode
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from .conf import DEFAULTS, get_setting
from .pages import SeismicPageMixin
from .ratelimit import RATE_LIMITED_FORMS
from .templating import BLOCK_ROLES, get_template_blocks
from .urls import FILE_ROUTE_URL_NAME, FILE_ROUTES, resolve_in_language, serves_pages

ID = "seismic_wagtail.{}"

#: How many live pages of the package the URL check (W004) resolves, shallowest first.
SHADOW_CHECK_LIMIT = 2000


# -- The base template ---------------------------------------------------------------------------------------


def _constant(filter_expression):
    """The template name of ``{% extends "x" %}`` / ``{% include "x" %}`` when it is a literal, else None."""
    value = getattr(filter_expression, "var", None)
    return value if isinstance(value, str) and not getattr(filter_expression, "filters", None) else None


def template_outline(template, engine=None, _seen=None):
    """The block names and the names of the simple tags used by ``template``, through the templates it
    extends and includes by literal name: ``(blocks, tags)``."""
    engine = engine or Engine.get_default()
    seen = _seen if _seen is not None else set()
    origin = getattr(template.origin, "name", None) or id(template)
    blocks, tags = set(), set()
    if origin in seen:
        return blocks, tags
    seen.add(origin)
    nodelist = template.nodelist
    blocks.update(node.name for node in nodelist.get_nodes_by_type(BlockNode))
    tags.update(
        getattr(node.func, "__name__", "") for node in nodelist.get_nodes_by_type(object) if hasattr(node, "func")
    )
    linked = [_constant(node.parent_name) for node in nodelist.get_nodes_by_type(ExtendsNode)]
    linked += [_constant(node.template) for node in nodelist.get_nodes_by_type(IncludeNode)]
    for name in filter(None, linked):
        try:
            other = engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue
        more_blocks, more_tags = template_outline(other, engine, seen)
        blocks |= more_blocks
        tags |= more_tags
    return blocks, tags


@register(Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    """E001-E002, W001-W003: the base template has what the package's pages need."""
    name = get_setting("BASE_TEMPLATE")
    try:
        template = Engine.get_default().get_template(name)
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        return [
            Error(
                f"The package's pages extend {name!r}, which cannot be loaded ({exc.__class__.__name__}: {exc}).",
                hint="Set SEISMIC_WAGTAIL['BASE_TEMPLATE'] to your site's base template.",
                id=ID.format("E001"),
            )
        ]
    blocks, tags = template_outline(template)
    wanted = get_template_blocks()
    errors = []
    if wanted["content"] not in blocks:
        errors.append(
            Error(
                f"The base template {name!r} has no block {wanted['content']!r}, so the package's pages render "
                "without their content.",
                hint=f"Set SEISMIC_WAGTAIL['TEMPLATE_BLOCKS']['content'] to the block of {name!r} that holds "
                f"the main content (it has: {', '.join(sorted(blocks)) or 'no blocks'}).",
                id=ID.format("E002"),
            )
        )
    for key, tag, check_id in (("head", "seismic_head", "W001"), ("scripts", "seismic_scripts", "W002")):
        if key == "scripts" and not _page_types_with_scripts():
            continue
        if wanted[key] in blocks or tag in tags:
            continue
        errors.append(
            Warning(
                f"The base template {name!r} has no block {wanted[key]!r} and does not call "
                f"{{% {tag} %}}, so the package's pages go without {BLOCK_ROLES[key]}.",
                hint=f"Put {{% load seismic_tags %}}{{% {tag} %}} in {name!r} "
                f"({'inside <head>' if key == 'head' else 'at the end of <body>'}), or set "
                f"SEISMIC_WAGTAIL['TEMPLATE_BLOCKS']['{key}'] to the name of its block there.",
                id=ID.format(check_id),
            )
        )
    if wanted["title"] and wanted["title"] not in blocks:
        errors.append(
            Warning(
                f"The base template {name!r} has no block {wanted['title']!r}, so the package's pages cannot set "
                'their own titles ("Results | ...", "Thank you | ...").',
                hint="Set SEISMIC_WAGTAIL['TEMPLATE_BLOCKS']['title'] to the block inside <title>, or to None.",
                id=ID.format("W003"),
            )
        )
    return errors


def _page_types_with_scripts():
    return [model.__name__ for model in apps.get_models() if issubclass(model, SeismicPageMixin) and model.scripts]


# -- URLs ------------------------------------------------------------------------------------------------------


def _describe(match):
    view = match.func
    view_name = f"{getattr(view, '__module__', '?')}.{getattr(view, '__qualname__', view.__class__.__name__)}"
    return f"the pattern {match.route!r} (view {view_name})"


def _package_page_models():
    return [model for model in apps.get_models() if issubclass(model, SeismicPageMixin)]


@register(Tags.urls)
def check_shadowed_pages(app_configs=None, **kwargs):
    """W004: no URL pattern of the site answers the URL of a live page of the package."""
    models = _package_page_models()
    if not models:
        return []
    warnings = []
    try:
        pages = list(
            Page.objects.live().type(*models).select_related("locale").order_by("depth", "path")[:SHADOW_CHECK_LIMIT]
        )
        for page in pages:
            parts = page.get_url_parts()
            if parts is None:
                continue
            path = parts[2]
            match = resolve_in_language(path, page.locale.language_code)
            if match is not None and not serves_pages(match):
                warnings.append(
                    Warning(
                        f"The live page {page.title!r} (id {page.pk}) at {path} is answered by "
                        f"{_describe(match)}, so visitors never reach the page.",
                        hint="Give the page another slug (Promote tab), or move that pattern after Wagtail's "
                        "include in urls.py.",
                        obj=page,
                        id=ID.format("W004"),
                    )
                )
    except DatabaseError:  # tables not migrated yet
        return []
    return warnings


@register(Tags.urls)
def check_file_routes(app_configs=None, **kwargs):
    """W005: ``seismic_wagtail.core.urls`` is included and answers its URLs."""
    if not any(getattr(app_config, "uses_file_routes", False) for app_config in apps.get_app_configs()):
        return []
    hint = (
        'Add path("", include("seismic_wagtail.core.urls")) to urls.py just before the line that includes '
        "Wagtail's pages (include(wagtail_urls)), in the same i18n_patterns if it is in one."
    )
    try:
        url = reverse(FILE_ROUTE_URL_NAME, kwargs={"path": f"seismic-check/{FILE_ROUTES[0]}"})
    except NoReverseMatch:
        return [
            Warning(
                "The package's file routes (seismic_wagtail.core.urls) are not in the site's URLs: the feeds "
                "<index>/rss.xml and atom.xml and the calendars <network>/calendar.ics and <event>/event.ics "
                "answer 404.",
                hint=hint,
                id=ID.format("W005"),
            )
        ]
    match = resolve_in_language(url, get_language())
    if match is None or match.url_name != FILE_ROUTE_URL_NAME:
        answered = _describe(match) if match is not None else "no pattern"
        return [
            Warning(
                f"The package's file routes are included, but {url} is answered by {answered}: a pattern "
                "before them takes their URLs.",
                hint=hint,
                id=ID.format("W005"),
            )
        ]
    return []


# -- Apps, languages, middleware, cache ------------------------------------------------------------------------


@register()
def check_translation_apps(app_configs=None, **kwargs):
    """W006: one translation tool for editors."""
    if apps.is_installed("wagtail.contrib.simple_translation") and apps.is_installed("wagtail_localize"):
        return [
            Warning(
                "wagtail.contrib.simple_translation is installed beside wagtail-localize: editors see two "
                'competing "Translate" actions, and only wagtail-localize keeps translations in sync.',
                hint="Remove 'wagtail.contrib.simple_translation' from INSTALLED_APPS (pages it translated stay "
                "translations).",
                id=ID.format("W006"),
            )
        ]
    return []


@register(Tags.translation)
def check_locales_have_languages(app_configs=None, **kwargs):
    """W007: every Locale row has a language the settings list."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    configured = {code.lower() for code in get_content_languages()}
    try:
        codes = list(Locale.objects.values_list("language_code", flat=True))
    except DatabaseError:
        return []
    orphaned = sorted(code for code in codes if code.lower() not in configured)
    if not orphaned:
        return []
    return [
        Warning(
            f"The database has locales whose language the settings do not list: {', '.join(orphaned)}. Their "
            "pages answer 404 and are missing from language switchers.",
            hint="Add these languages back to LANGUAGES (and WAGTAIL_CONTENT_LANGUAGES if set), or delete the "
            "locales under Settings > Locales once their pages are gone.",
            id=ID.format("W007"),
        )
    ]


LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


@register()
def check_locale_middleware(app_configs=None, **kwargs):
    """W008-W009: LocaleMiddleware once."""
    middleware = list(getattr(settings, "MIDDLEWARE", []) or [])
    count = middleware.count(LOCALE_MIDDLEWARE)
    if count == 0 and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [
            Warning(
                "LocaleMiddleware is not in MIDDLEWARE: visitors get every page in the default language's "
                "interface, and URLs with a language prefix do not switch the language.",
                hint=f"Add {LOCALE_MIDDLEWARE!r} to MIDDLEWARE after SessionMiddleware and before CommonMiddleware.",
                id=ID.format("W008"),
            )
        ]
    if count > 1:
        return [
            Warning(
                f"LocaleMiddleware is listed {count} times in MIDDLEWARE.",
                hint="Keep one, after SessionMiddleware and before CommonMiddleware.",
                id=ID.format("W009"),
            )
        ]
    return []


PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches)
def check_rate_limit_cache(app_configs=None, **kwargs):
    """W010: the rate limits count in a cache shared by every worker."""
    keys = [f"{prefix}_RATE_LIMIT" for prefix in RATE_LIMITED_FORMS]
    limits = {key: get_setting(key) for key in keys if get_setting(key)}
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not limits or backend not in PER_PROCESS_CACHES:
        return []
    what = "never counts" if backend.endswith("DummyCache") else "counts in each worker process on its own"
    return [
        Warning(
            f"The rate limits of the public forms ({', '.join(sorted(limits))}) use the default cache, "
            f"{backend.rsplit('.', 1)[-1]}, which {what}: with several workers a client gets more tries than "
            "the limit.",
            hint="Use a cache every worker shares for CACHES['default'] (Redis, Memcached, the database), or "
            "set the limits to 0 in SEISMIC_WAGTAIL to turn them off.",
            id=ID.format("W010"),
        )
    ]


# -- The package's own settings ----------------------------------------------------------------------------------


def _optional(test):
    return lambda value: value is None or test(value)


def _count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(value):
    return isinstance(value, str) and value != ""


def _texts(value):
    return isinstance(value, list | tuple) and all(_text(item) for item in value)


def _email(value):
    try:
        validate_email(value.rsplit("<", 1)[-1].rstrip(">").strip() if isinstance(value, str) else "")
    except ValidationError:
        return False
    return True


def _base_url(value):
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def _template_blocks(value):
    return isinstance(value, Mapping) and all(key in BLOCK_ROLES and _optional(_text)(v) for key, v in value.items())


def _role_group_names(value):
    return isinstance(value, Mapping) and all(
        key in DEFAULTS["ROLE_GROUP_NAMES"] and _text(name) for key, name in value.items()
    )


#: What each key of ``SEISMIC_WAGTAIL`` must hold (a test keeps this in step with ``conf.DEFAULTS``).
SETTING_TYPES = {
    "BASE_TEMPLATE": (_text, "a template name"),
    "BREADCRUMBS_TEMPLATE": (_optional(_text), "a template name, or None (no breadcrumbs)"),
    "TEMPLATE_BLOCKS": (
        _template_blocks,
        f"a dict with some of the keys {', '.join(BLOCK_ROLES)}, each a block name or None",
    ),
    "BASE_URL": (_optional(_base_url), 'an absolute URL such as "https://city.example", or None'),
    "INCLUDE_CSS": (lambda value: isinstance(value, bool), "True or False"),
    "CLIENT_IP_HEADER": (_optional(_text), 'a request.META key such as "HTTP_X_FORWARDED_FOR", or None'),
    "TRUSTED_PROXY_COUNT": (_optional(_count), "a whole number of proxies, 0 or more, or None"),
    "TRANSLATION_STATUS_APPS": (_optional(_texts), "a list of app labels, or None"),
    "NETWORK_PAGE_MODEL": (_optional(_text), 'a model label "app_label.ModelName", or None'),
    "STORY_PAGE_MODEL": (_optional(_text), 'a model label "app_label.ModelName", or None'),
    "CONSULTATION_RATE_LIMIT": (_count, "a whole number, 0 or more (0: no limit)"),
    "CONSULTATION_RATE_PERIOD": (_count, "a number of seconds"),
    "CONSULTATION_CONFIRMATION_MAX_AGE": (_count, "a number of seconds"),
    "CONSULTATION_RESULTS_TEXT_ANSWERS": (_count, "a whole number, 0 or more"),
    "CONSULTATION_FROM_EMAIL": (_optional(_email), 'an address such as "Agenda <agenda@city.example>", or None'),
    "JOIN_REQUEST_RATE_LIMIT": (_count, "a whole number, 0 or more (0: no limit)"),
    "JOIN_REQUEST_RATE_PERIOD": (_count, "a number of seconds"),
    "JOIN_REQUEST_RETENTION_DAYS": (_optional(_count), "a number of days, or None (kept until erased)"),
    "JOIN_REQUEST_FROM_EMAIL": (_optional(_email), 'an address such as "Network <network@city.example>", or None'),
    "SEARCH_MODELS": (_texts, 'a list of model labels "app_label.ModelName"'),
    "ROLE_GROUP_NAMES": (
        _role_group_names,
        f"a dict with some of the keys {', '.join(DEFAULTS['ROLE_GROUP_NAMES'])}, each a group name",
    ),
}

#: The keys that hold model labels: a label whose app is installed must name one of its models.
MODEL_LABEL_SETTINGS = ("NETWORK_PAGE_MODEL", "STORY_PAGE_MODEL", "SEARCH_MODELS")


def _label_problem(label):
    """Why ``label`` ("app_label.ModelName") names no model, or None (also when its app is not installed)."""
    app_label, dot, model_name = label.partition(".")
    if not dot or not app_label or not model_name or "." in model_name:
        return 'it is not of the form "app_label.ModelName"'
    if app_label not in {config.label for config in apps.get_app_configs()}:
        return None  # documented: types of apps a site did not install are left out
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        names = [model.__name__ for model in apps.get_app_config(app_label).get_models()]
        close = difflib.get_close_matches(model_name, names, n=1)
        return f"the app {app_label!r} has no model {model_name!r}" + (
            f" (did you mean {close[0]!r}?)" if close else ""
        )
    return None


@register()
def check_package_settings(app_configs=None, **kwargs):
    """E003-E005, W011-W012: ``SEISMIC_WAGTAIL`` holds only known keys with values of the right type."""
    user = getattr(settings, "SEISMIC_WAGTAIL", None)
    if user is None:
        return []
    if not isinstance(user, Mapping):
        return [
            Error(
                f"SEISMIC_WAGTAIL must be a dict, not {type(user).__name__}; the package uses its defaults.",
                hint='Write it as SEISMIC_WAGTAIL = {"BASE_TEMPLATE": "base.html", ...}.',
                id=ID.format("E003"),
            )
        ]
    messages = []
    for key, value in user.items():
        if key not in DEFAULTS:
            close = difflib.get_close_matches(str(key), list(DEFAULTS), n=1)
            messages.append(
                Warning(
                    f"SEISMIC_WAGTAIL has a key the package does not know, {key!r}: it is ignored.",
                    hint=(f"Did you mean {close[0]!r}? " if close else "")
                    + "The known keys are listed in docs/reference/settings.md.",
                    id=ID.format("W011"),
                )
            )
            continue
        test, expected = SETTING_TYPES[key]
        if not test(value):
            messages.append(
                Error(
                    f"SEISMIC_WAGTAIL[{key!r}] is {value!r}; it must be {expected}.",
                    hint=f"Correct it, or remove the key to use the default, {DEFAULTS[key]!r}.",
                    id=ID.format("E004"),
                )
            )
        elif key in MODEL_LABEL_SETTINGS:
            for label in [value] if isinstance(value, str) else value or []:
                problem = _label_problem(label)
                if problem:
                    messages.append(
                        Error(
                            f"SEISMIC_WAGTAIL[{key!r}] names {label!r}, but {problem}.",
                            hint="Give the model's label as app_label.ModelName (python manage.py shell: "
                            "Model._meta.label).",
                            id=ID.format("E005"),
                        )
                    )
        elif key == "TRANSLATION_STATUS_APPS" and value:
            installed = {config.label for config in apps.get_app_configs()}
            for label in value:
                if label not in installed:
                    messages.append(
                        Warning(
                            f"SEISMIC_WAGTAIL['TRANSLATION_STATUS_APPS'] names {label!r}, which is not an "
                            "installed app's label: the translation status report lists none of its pages.",
                            hint=f"Installed labels starting with seismic_: "
                            f"{', '.join(sorted(lb for lb in installed if lb.startswith('seismic_')))}.",
                            id=ID.format("W012"),
                        )
                    )
    return messages
