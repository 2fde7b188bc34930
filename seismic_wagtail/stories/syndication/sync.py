"""One syndication run of one partner (:func:`syndicate`), and the editor's answers to a flagged copy
(:func:`take_source_version`, :func:`keep_local_version`).

A run reads the partner's whole listing first, then works story by story (a story = all language versions
sharing one translation key at the partner). For each story it fetches what changed (details, images), and
only then writes, in one transaction: the pages of every language, their images, their records. A partner
that fails part way (stopped, timed out, an error answer) leaves the stories already done complete and none
half-done; the next run takes up the rest. Copies are keyed by (partner, translation key, language), so a
run repeated changes nothing.

What a run does with each language version of a partner's story:

=====================================  ============================================================
new at the partner                     a new page under the partner's story index (its translation in
                                       that language), published; all language versions of one story
                                       share one translation key here, so they are translations of
                                       each other
changed at the partner                 the copy is updated and published, unless an editor changed it
                                       here (a revision after the copied one, or unpublished it): then
                                       the copy is kept and flagged ``source_updated`` with the new
                                       source in ``pending_data``
gone at the partner (listing, and 404) the copy is unpublished and flagged ``source_removed``
deleted here by an editor              left alone (not copied again)
=====================================  ============================================================

Subclass :class:`PartnerRun` to change a step and pass it as ``run_class`` to :func:`syndicate`.
"""

import io
import logging
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from .client import InvalidStory, PartnerClient, PartnerUnavailable
from .content import apply_snapshot, image_urls, snapshot
from .models import SyndicatedStory, SyndicationStatus

logger = logging.getLogger("seismic_wagtail.syndication")

#: The namespace of the translation keys this site gives the copies of one partner's story.
TRANSLATION_KEY_NAMESPACE = uuid.UUID("0b7c5a8e-3f1d-4c55-9a43-51e3a5d0c0de")
#: How long one partner's run may hold its lock (through the configured cache, so every worker sees it).
LOCK_SECONDS = 30 * 60
COUNT_KEYS = ("created", "updated", "flagged", "removed", "unchanged", "skipped")


@dataclass
class SyncReport:
    """What a run did: ``counts`` (created, updated, flagged, removed, unchanged, skipped), and ``error`` when
    the partner could not be read to the end (``ok`` is then false)."""

    partner: object
    counts: Counter = field(default_factory=Counter)
    error: str = ""

    @property
    def ok(self):
        return not self.error

    def summary(self):
        if self.error:
            return _("%(partner)s: failed: %(error)s") % {"partner": self.partner, "error": self.error}
        return _(
            "%(partner)s: created %(created)s, updated %(updated)s, flagged %(flagged)s, removed %(removed)s, "
            "unchanged %(unchanged)s, skipped %(skipped)s"
        ) % {"partner": self.partner, **{key: self.counts[key] for key in COUNT_KEYS}}


def local_translation_key(partner, source_key):
    """The translation key this site gives the copies of one partner story (the same in every run)."""
    return uuid.uuid5(TRANSLATION_KEY_NAMESPACE, f"{partner.pk}:{source_key}")


def edited_here(record):
    """Whether an editor changed the copy since it was copied: a later revision, or unpublished by hand."""
    page = record.page
    if page is None:
        return False
    if page.latest_revision_id != record.imported_revision_id:
        return True
    return not page.live and record.status != SyndicationStatus.SOURCE_REMOVED


def publish_copy(record, page, snap, *, user=None, log_action=False):
    """Publish ``page``'s state (snapshot ``snap`` applied) as a new revision and remember that revision as the
    copy of ``snap`` (status current). A run logs nothing; an editor's decision logs the publication, by them."""
    revision = page.save_revision(user=user, clean=True)
    revision.publish(user=user, log_action=log_action)
    record.page = page
    record.imported_revision_id = revision.pk
    record.source_data = snap
    record.pending_data = None
    record.status = SyndicationStatus.CURRENT
    hero = snap.get("hero_image")
    record.hero_image_credit = ((hero["credit"] or record.partner.name) if hero else "")[:255]


def _published_at(meta):
    value = meta.get("last_published_at") or meta.get("first_published_at")
    return parse_datetime(value) if isinstance(value, str) else None


class PartnerRun:
    """One run of one partner. :meth:`execute` is the whole run; each step is a method to override."""

    client_class = PartnerClient

    def __init__(self, partner, client=None):
        self.partner = partner
        self.client = client or self.client_class(partner)
        self.report = SyncReport(partner)
        self.stream_block = None

    # -- The steps ----------------------------------------------------------------------------------------

    def target_indexes(self):
        """``{language code: story index}``: the partner's index in each language this run copies."""
        index = self.partner.story_index
        if index is None:
            raise PartnerUnavailable(_("The partner has no story index to put its stories in."))
        indexes = {
            page.locale.language_code: page
            for page in index.get_translations(inclusive=True).select_related("locale").specific()
        }
        wanted = set(self.partner.languages or [])
        return {code: page for code, page in indexes.items() if not wanted or code in wanted}

    def listing_params(self):
        """Query parameters of the listing: the theme facet (several themes: any of them), one country."""
        params = {}
        if self.partner.theme_slugs:
            params["theme"] = ",".join(self.partner.theme_slugs)
        countries = [str(country) for country in self.partner.countries]
        if len(countries) == 1:
            params["country"] = countries[0]
        return params

    def wanted(self, item, targets):
        """Whether a listing item is copied: its language has an index here, its country is chosen."""
        meta = item.get("meta") if isinstance(item, dict) else None
        if not isinstance(meta, dict) or not isinstance(item.get("id"), int):
            return False
        countries = {str(country) for country in self.partner.countries}
        if countries and str(item.get("country", "")).upper() not in countries:
            return False
        if item.get("original_url"):
            return False  # a copy the partner took from another site: syndicate originals only
        return (meta.get("locale") in targets) and bool(meta.get("translation_key"))

    def execute(self):
        targets = self.target_indexes()
        from seismic_wagtail.stories.models import StoryPage  # imported here: the page models import this module

        self.stream_block = StoryPage.body.field.stream_block
        items = self.client.listing(self.listing_params())
        groups = defaultdict(dict)
        for item in items:
            if self.wanted(item, targets):
                groups[str(item["meta"]["translation_key"])][item["meta"]["locale"]] = item
        records = {
            (str(record.source_key), record.language): record for record in self.partner.stories.select_related("page")
        }
        for source_key, versions in groups.items():
            self.sync_story(source_key, versions, records, targets)
        seen = {(key, language) for key, versions in groups.items() for language in versions}
        for key, record in records.items():
            if key not in seen and record.page_id and record.status != SyndicationStatus.SOURCE_REMOVED:
                self.check_removed(record)
        return self.report

    def needs_fetch(self, item, record):
        if record is None:
            return True
        if record.page_id is None:
            return False  # deleted here by an editor: not copied again
        if record.status == SyndicationStatus.SOURCE_REMOVED:
            return True  # back at the source
        return record.source_published_at != _published_at(item["meta"])

    def sync_story(self, source_key, versions, records, targets):
        """Fetch what changed of one story (all its languages) and write it in one transaction."""
        changed = {}
        for language, item in versions.items():
            record = records.get((source_key, language))
            if self.needs_fetch(item, record):
                changed[language] = item
            else:
                self.report.counts["unchanged" if record.page_id else "skipped"] += 1
        if not changed:
            return
        fetched = {}
        try:
            for language, item in changed.items():
                detail = self.client.detail(item["id"])
                if detail is None:
                    continue  # gone between the listing and now: the next run sees it gone
                fetched[language] = (detail, snapshot(detail))
            known = self.known_images()
            urls = dict.fromkeys(
                url for _detail, snap in fetched.values() for url in image_urls(snap, self.stream_block)
            )
            image_data = {url: self.client.image(url) for url in urls if url not in known}
        except InvalidStory as error:
            logger.warning("Syndication %s: story %s left out: %s", self.partner, source_key, error)
            self.report.counts["skipped"] += len(changed)
            return
        try:
            with transaction.atomic():
                images = {**known, **self.save_images(image_data, fetched)}
                for language, (detail, snap) in fetched.items():
                    self.apply_version(
                        source_key, language, detail, snap, records.get((source_key, language)), targets, images
                    )
        except (ValidationError, IntegrityError, InvalidStory) as error:
            logger.warning("Syndication %s: story %s left out: %s", self.partner, source_key, error)
            self.report.counts["skipped"] += len(fetched)
            for language in fetched:  # the records read before the transaction may be stale now
                records.pop((source_key, language), None)

    def known_images(self):
        """Source image URL -> local image ID for every image this partner's copies already have."""
        if not hasattr(self, "_known_images"):
            image_ids = {}
            for images in self.partner.stories.values_list("images", flat=True):
                image_ids.update(images or {})
            existing = set(get_image_model().objects.filter(pk__in=image_ids.values()).values_list("pk", flat=True))
            self._known_images = {url: pk for url, pk in image_ids.items() if pk in existing}
        return self._known_images

    def image_collection(self):
        """The collection the partner's images go to: "Syndicated: <partner>" under the root collection."""
        name = _("Syndicated: %(partner)s") % {"partner": self.partner.name}
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        return collection or root.add_child(name=name)

    def save_images(self, image_data, fetched):
        """Store the fetched images; returns source URL -> new local image ID."""
        if not image_data:
            return {}
        alts = {}
        for _detail, snap in fetched.values():
            if snap.get("hero_image"):
                alts.setdefault(snap["hero_image"]["url"], (snap["hero_image"]["alt"], snap["hero_image"]["credit"]))
        image_model = get_image_model()
        collection = self.image_collection()
        saved = {}
        for url, data in image_data.items():
            alt, credit = alts.get(url, ("", ""))
            filename = PurePosixPath(urlsplit(url).path).name or "image.jpg"
            title = f"{alt or filename} ({self.partner.name})"[:255]
            image = image_model(title=title, collection=collection)
            if hasattr(image, "description"):
                image.description = alt[:255]
            if hasattr(image, "credit"):
                image.credit = credit or self.partner.name
            image.file = ImageFile(io.BytesIO(data), name=filename)
            image.save()
            saved[url] = image.pk
        self._known_images = {**self.known_images(), **saved}
        return saved

    def apply_version(self, source_key, language, detail, snap, record, targets, images):
        """Create, update or flag the copy of one language version (inside the story's transaction)."""
        meta = detail["meta"]
        if record is not None and record.page_id:
            record.page = type(record.page).objects.get(pk=record.page_id)  # fresh, in the transaction
        if record is None:
            record = SyndicatedStory(partner=self.partner, source_key=source_key, language=language)
        record.source_id = detail["id"]
        record.source_url = str(meta.get("html_url") or "")[:500]
        record.source_published_at = _published_at(meta)
        used = [url for url in image_urls(snap, self.stream_block) if url in images]
        record.images = {**(record.images or {}), **{url: images[url] for url in used}}

        if record.page is None and record.pk is None:
            page = self.create_page(source_key, language, snap, targets[language], images, meta)
            if page is None:
                return
            self.published(record, page, snap)
            self.report.counts["created"] += 1
        elif edited_here(record):
            if record.pending_data == snap or record.source_data == snap:
                self.report.counts["unchanged"] += 1
            else:
                record.pending_data = snap
                record.status = SyndicationStatus.SOURCE_UPDATED
                self.report.counts["flagged"] += 1
        elif record.source_data == snap and record.page.live:
            self.report.counts["unchanged"] += 1
        else:
            page = apply_snapshot(record.page, snap, images)
            self.published(record, page, snap)
            self.report.counts["updated"] += 1
        record.save()

    def create_page(self, source_key, language, snap, index, images, meta):
        """A new page for one language version under ``index``; ``None`` when this site already has a page of
        that story in that language that is not a copy (a local translation wins)."""
        from seismic_wagtail.stories.models import StoryPage  # imported here: the page models import this module

        translation_key = self.group_translation_key(source_key)
        if Page.objects.filter(translation_key=translation_key, locale=index.locale).exists():
            logger.info("Syndication %s: %s has a local %s version; left alone", self.partner, source_key, language)
            self.report.counts["skipped"] += 1
            return None
        page = StoryPage(locale=index.locale, translation_key=translation_key, live=False)
        apply_snapshot(page, snap, images)
        first_published = meta.get("first_published_at")
        page.first_published_at = parse_datetime(first_published) if isinstance(first_published, str) else None
        page.slug = self.free_slug(index, snap["slug"] or "story")
        index.add_child(instance=page)
        return page

    def group_translation_key(self, source_key):
        """The translation key of this story's copies: the one its copies already have, else a new stable one."""
        existing = (
            SyndicatedStory.objects.filter(partner=self.partner, source_key=source_key, page__isnull=False)
            .values_list("page__translation_key", flat=True)
            .first()
        )
        return existing or local_translation_key(self.partner, source_key)

    def free_slug(self, index, slug):
        taken = set(index.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def published(self, record, page, snap):
        """Publish ``page``'s state as a new revision and remember it as the copied one."""
        publish_copy(record, page, snap)

    def check_removed(self, record):
        """A copy whose story left the listing: unpublish it when the partner's detail answers 404."""
        if self.client.detail(record.source_id) is not None:
            return  # still published there, only no longer matching this partner's filters
        with transaction.atomic():
            page = record.page.specific
            if page.live:
                page.unpublish(log_action=False)
            record.status = SyndicationStatus.SOURCE_REMOVED
            record.pending_data = None
            record.save()
        self.report.counts["removed"] += 1


def syndicate(partner, *, client=None, run_class=PartnerRun):
    """Run ``partner`` once and keep the outcome on it. Never raises for trouble at the partner: the report
    (and ``partner.last_error``) says what went wrong. Two workers never run one partner at once (a lock in
    the configured cache)."""
    report = SyncReport(partner)
    lock = f"seismic:syndication:{partner.pk}"
    if not cache.add(lock, 1, LOCK_SECONDS):
        report.error = _("Another run of this partner is going on.")
        return report
    try:
        run = run_class(partner, client=client)
        try:
            report = run.execute()
        except PartnerUnavailable as error:
            report = run.report
            report.error = str(error)
            logger.warning("Syndication %s failed: %s", partner, error)
    finally:
        cache.delete(lock)
    now = timezone.now()
    partner.last_run_at = now
    partner.last_report = {key: report.counts[key] for key in COUNT_KEYS}
    if report.ok:
        partner.last_success_at, partner.last_error, partner.failures = now, "", 0
    else:
        partner.last_error, partner.failures = report.error, min(partner.failures + 1, 32767)
    partner.save(update_fields=["last_run_at", "last_report", "last_success_at", "last_error", "failures"])
    logger.info("%s", report.summary())
    return report


def take_source_version(record, user=None):
    """Apply the newer source an editor reviewed (``record.pending_data``) to the copy, replacing the edits made
    here, and publish it. Uses the images the run copied already: no request to the partner."""
    if not record.pending_data or record.page_id is None:
        return False
    with transaction.atomic():
        page = apply_snapshot(record.page.specific, record.pending_data, record.images or {})
        publish_copy(record, page, record.pending_data, user=user, log_action=True)
        record.reviewed_by = user
        record.save()
    return True


def keep_local_version(record, user=None):
    """Keep the copy as edited here: the newer source counts as seen (later changes at the source are flagged
    again)."""
    if not record.pending_data:
        return False
    record.source_data = record.pending_data
    record.pending_data = None
    record.status = SyndicationStatus.CURRENT
    record.reviewed_by = user
    record.save()
    return True
