"""The object handed to each app's ``demo.create_demo(context)`` by ``manage.py seismic_demo``, the loader of the
demo's data files, and the record of what a demo run created (so that ``seismic_demo --remove`` deletes
exactly that)."""

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Page

from .slugs import slugify
from .translation import translate
from .urls import resolve_in_language, serves_pages


@dataclass
class DemoContext:
    """Where demo content goes and what earlier apps already made.

    ``parent`` is the demo's own section page (default locale) the content goes under; ``locales`` are the
    locales the demo writes in, the parent's first; ``registry`` is shared between apps (``core`` puts
    ``"themes"`` and ``"organisations"`` there, ``networks`` puts ``"networks"`` by country code, ...).
    """

    parent: Page
    locales: list
    stdout: object = None
    registry: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)
    #: Rows made by ``bulk_create`` (which sends no ``post_save``): apps add them with :meth:`created`.
    bulk_created: list = field(default_factory=list)

    @property
    def default_locale(self):
        return self.locales[0]

    @property
    def other_locales(self):
        return self.locales[1:]

    def locale(self, language_code):
        """The demo's locale for ``language_code``, or ``None`` when the demo does not write in it."""
        for locale in self.locales:
            if locale.language_code == language_code:
                return locale
        return None

    def translations(self, package):
        """``(locale, text)`` for each locale after the first: ``text`` is the demo package's data file in that
        locale's language (``{}`` when it has none, and the demo's content stays in English there)."""
        return [(locale, load(package, locale.language_code)) for locale in self.other_locales]

    def created(self, instance, created=True):
        """Count what was made, for the summary the command prints."""
        if created:
            label = instance._meta.verbose_name_plural
            self.counts[str(label)] = self.counts.get(str(label), 0) + 1

    def created_in_bulk(self, instances):
        """Count and record rows made with ``bulk_create`` (it sends no ``post_save``, so the command's
        recorder does not see them); ``--remove`` deletes them with the rest."""
        for instance in instances:
            self.created(instance)
        self.bulk_created.extend(instances)

    def child_page(self, parent, page_class, slug, **fields):
        """Return the child of ``parent`` with ``slug``, creating and publishing it with ``fields`` if missing.

        A new page gets a slug whose URL no pattern of the site answers before Wagtail (``-2``, ``-3``...).
        """
        slug = slugify(slug)  # every letter kept: ASCII or the language's own, as WAGTAIL_ALLOW_UNICODE_SLUGS says
        existing = parent.get_children().filter(slug=slug, locale=parent.locale).first()
        if existing is not None:
            return existing.specific
        page = page_class(slug=reachable_slug(parent, slug), locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created(page)
        return page

    def ensure_translated(self, instance, locale, strings=None):
        """Return ``instance``'s translation into ``locale``, making it with wagtail-localize when missing."""
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific if isinstance(existing, Page) else existing
        translated = translate(instance, locale, strings)
        if isinstance(translated, Page):
            translated = translated.specific
            slug = reachable_slug(translated.get_parent(), translated.slug, exclude=translated)
            if slug != translated.slug:
                translated.slug = slug
                translated.save_revision().publish()
        self.created(translated)
        return translated


def load(package, name):
    """The data file ``<name>.json`` of the demo package ``package`` (an app's ``demo``: its plug-in passes
    ``__name__``), ``{}`` when there is none. ``content`` holds what exists and how it is linked; ``en``,
    ``de``... the text in that language (see docs/how-to/demo-content.md)."""
    resource = resources.files(package) / f"{name}.json"
    return json.loads(resource.read_text(encoding="utf-8")) if resource.is_file() else {}


def strings(source, translation):
    """Source text -> translated text, for each text ``translation`` gives at a place where ``source`` has one:
    ``source`` is an item of ``en.json`` and ``translation`` the same item of another language's file."""
    found = {}
    for key, value in (translation or {}).items():
        if isinstance(value, dict):
            found.update(strings(source.get(key) or {}, value))
        elif isinstance(value, str) and isinstance(source.get(key), str):
            found[source[key]] = value
    return found


def is_reachable(path, language_code):
    """Whether ``path`` reaches Wagtail's page view (no pattern of the site answers it first). A path nothing
    answers counts as reachable: Wagtail's include may be missing, which ``manage.py check`` reports."""
    match = resolve_in_language(path, language_code)
    return match is None or serves_pages(match)


def reachable_slug(parent, slug, exclude=None):
    """``slug``, or ``slug-2``, ``slug-3``... : the first that is free below ``parent`` and that no URL
    pattern of the site shadows."""
    parent_path = parent.get_url_parts()
    siblings = parent.get_children().exclude(pk=getattr(exclude, "pk", None))
    candidate, number = slug, 1
    while True:
        taken = siblings.filter(slug=candidate).exists()
        if not taken and (
            parent_path is None or is_reachable(f"{parent_path[2]}{candidate}/", parent.locale.language_code)
        ):
            return candidate
        number += 1
        candidate = f"{slug}-{number}"


@contextmanager
def recording():
    """Collect every model instance saved for the first time inside the block (``post_save``, created)."""
    made = []

    def record(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            made.append(instance)

    post_save.connect(record, weak=False, dispatch_uid="seismic_demo_recording")
    try:
        yield made
    finally:
        post_save.disconnect(dispatch_uid="seismic_demo_recording")


def record_keys(instances):
    """``(content type, object id)`` pairs for ``instances``, each once, in the order they were made.

    A page is recorded under its most specific type (its ``content_type``), so deleting it deletes the page.
    """
    keys = []
    seen = set()
    for instance in instances:
        if instance.pk is None:
            continue
        if isinstance(instance, Page):
            content_type = ContentType.objects.get_for_id(instance.content_type_id)
        else:
            content_type = ContentType.objects.get_for_model(instance, for_concrete_model=True)
        key = (content_type, str(instance.pk))
        if (content_type.pk, key[1]) not in seen:
            seen.add((content_type.pk, key[1]))
            keys.append(key)
    return keys


@contextmanager
def no_automatic_redirects():
    """Keep Wagtail from creating redirects while the demo runs (use inside the demo's transaction).

    Wagtail creates a redirect when a published page's slug changes (wagtail-localize publishes each
    translation under the source slug, then under its translated one), in ``on_commit`` callbacks of the
    transaction. Its receivers stay disconnected until the transaction's own callbacks have run.
    """
    if not apps.is_installed("wagtail.contrib.redirects"):
        yield
        return
    from wagtail.contrib.redirects.signal_handlers import (
        autocreate_redirects_on_page_move,
        autocreate_redirects_on_slug_change,
    )
    from wagtail.signals import page_slug_changed, post_page_move

    pairs = [
        (page_slug_changed, autocreate_redirects_on_slug_change),
        (post_page_move, autocreate_redirects_on_page_move),
    ]
    disconnected = [(signal, receiver) for signal, receiver in pairs if signal.disconnect(receiver)]

    def reconnect():
        for signal, receiver in disconnected:
            signal.connect(receiver)

    try:
        yield
    except BaseException:
        reconnect()
        raise
    transaction.on_commit(reconnect)  # queued last: after the slug-change callbacks of the run
