"""Run inside a host site's ``manage.py shell``: report on its database and URLs as one JSON line.

The hostsite flow never imports a host's settings into the pytest process; it runs this file in the host's
own Python with ``manage.py shell -c`` (see ``hostsite.Host.probe``) and reads the line that starts with
``HOSTSITE-JSON:``. The report is chosen with the ``HOSTSITE_PROBE`` environment variable:

``db``
    Everything a guest must leave as it found it: the row count of every model, and the pages, locales,
    redirects and images themselves (one key each).
``site``
    The host's languages (settings and ``Locale`` rows), the URL of each of its live pages, and where its
    Python imports the package from.
``package``
    For each page type of the package and each of the given languages (``HOSTSITE_LANGUAGES``): the URL
    of a live page of that type, and whether that URL resolves to Wagtail's ``serve`` view; and the same for a
    network's story section.
"""

import importlib.util
import json
import os

from django.apps import apps
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, get_page_models

#: Rows that come and go with visits, not with what a guest adds: left out of the ``db`` report.
VOLATILE_MODELS = {"sessions.session"}


def db_report():
    """``{"count:<model>": rows, "page:<id>": [...], "locale:<code>": ..., "redirect:<path>": [...],
    "image:<id>": [...]}``: flat, so that a difference reads as one line per model or object."""
    report = {
        f"count:{model._meta.label_lower}": model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in VOLATILE_MODELS
    }
    for page in Page.objects.select_related("locale", "content_type").order_by("path"):
        report[f"page:{page.pk}"] = [
            page.url_path,
            page.locale.language_code,
            page.title,
            page.live,
            page.content_type.model,
        ]
    for code in Locale.objects.values_list("language_code", flat=True):
        report[f"locale:{code}"] = True
    if apps.is_installed("wagtail.contrib.redirects"):
        from wagtail.contrib.redirects.models import Redirect

        for r in Redirect.objects.all():
            report[f"redirect:{r.site_id}:{r.old_path}"] = [r.redirect_page_id, r.redirect_link, r.is_permanent]
    for image in get_image_model().objects.all():
        report[f"image:{image.pk}"] = [image.title, image.file.name]
    return report


def site_report():
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")
    return {
        "package": getattr(importlib.util.find_spec("seismic_wagtail"), "origin", None),
        "LANGUAGE_CODE": settings.LANGUAGE_CODE,
        "LANGUAGES": [list(pair) for pair in settings.LANGUAGES],
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "page_urls": [url for url in (page.get_url() for page in pages) if url],
    }


def resolves_to_serve(path, language_code):
    """Whether ``path`` reaches Wagtail's page view (i18n_patterns resolve in the active language)."""
    with translation.override(language_code):
        try:
            match = resolve(path)
        except Resolver404:
            return "no URL pattern matches"
    if match.func is wagtail_views.serve:
        return True
    return f"{match.func.__module__}.{getattr(match.func, '__name__', match.func)} (URL name {match.url_name!r})"


def package_report():
    languages = os.environ["HOSTSITE_LANGUAGES"].split(",")
    # The demo writes every page type in the language of the site's root page; in the host's other
    # languages it translates what it has text for (a network in its national language, say).
    source = Site.objects.get(is_default_site=True).root_page.locale.language_code
    report = []
    for model in get_page_models():
        if not model._meta.app_label.startswith("seismic_"):
            continue
        for language in languages:
            page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
            entry = {
                "model": model.__name__,
                "language": language,
                "url": None,
                "serve": None,
                "required": language == source,
            }
            if page is not None:
                entry["url"] = page.get_url()
                entry["serve"] = resolves_to_serve(entry["url"], language) if entry["url"] else None
            report.append(entry)
    report += section_entries(languages, source)
    return report


def section_entries(languages, source):
    """A network's story section (a story index with a network, below the story index: ``seismic_demo`` makes
    them with the roles), audited like every page type: its own heading line links the network."""
    if not apps.is_installed("seismic_wagtail.stories"):
        return []
    from seismic_wagtail.stories.models import StoryIndexPage  # only when the host installed the stories app

    entries = []
    for language in languages:
        page = (
            StoryIndexPage.objects.live()
            .filter(locale__language_code=language, network__isnull=False)
            .order_by("path")
            .first()
        )
        url = page.get_url() if page is not None else None
        entries.append(
            {
                "model": SECTION_MODEL_LABEL,
                "language": language,
                "url": url,
                "serve": resolves_to_serve(url, language) if url else None,
                "required": language == source,
            }
        )
    return entries


#: How the probe names a network's story section among the page types.
SECTION_MODEL_LABEL = "StoryIndexPage (network section)"


REPORTS = {"db": db_report, "site": site_report, "package": package_report}
print("HOSTSITE-JSON:" + json.dumps(REPORTS[os.environ["HOSTSITE_PROBE"]](), ensure_ascii=False))
