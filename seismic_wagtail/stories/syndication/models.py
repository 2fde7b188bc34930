"""What syndication stores: the partner sites (:class:`SyndicationPartner`) and each story copied from one
(:class:`SyndicatedStory`). Imported by :mod:`seismic_wagtail.stories.models`, so the models belong to the
``seismic_stories`` app.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class SyndicationPartner(models.Model):
    """A partner site whose stories this site copies, and what to take from it.

    The filters are all optional: no themes means every theme, and so on. The run's outcome is kept on the
    partner (:attr:`last_run_at`, :attr:`last_success_at`, :attr:`last_error`, :attr:`last_report`), so the
    admin shows whether a partner is healthy without reading logs.
    """

    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("Shown on each copied story as its source.")
    )
    api_url = models.URLField(
        _("API address"),
        max_length=500,
        help_text=_('The partner\'s read API, for example "https://city.example/api/seismic/v2/".'),
    )
    story_index = models.ForeignKey(
        "seismic_stories.StoryIndexPage",
        verbose_name=_("story index"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the copies go: below this index, and below its translation in each language the story has."),
    )
    theme_slugs = models.JSONField(
        _("themes"), default=list, blank=True, help_text=_("Take only stories with one of these themes.")
    )
    countries = CountryField(
        _("countries"), multiple=True, blank=True, help_text=_("Take only stories from these countries.")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Take only these languages of each story. None chosen: every language this site has."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive partners are left out of scheduled runs.")
    )
    timeout = models.PositiveSmallIntegerField(
        _("timeout"), default=10, help_text=_("Seconds to wait for each answer of the partner site.")
    )

    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last successful run"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    #: Counts of the last run: ``{"created": 2, "updated": 1, "unchanged": 17, ...}``.
    last_report = models.JSONField(_("last report"), default=dict, blank=True, editable=False)
    #: Failed runs in a row (the background task's retries read it).
    failures = models.PositiveSmallIntegerField(_("failed runs in a row"), default=0, editable=False)

    class Meta:
        verbose_name = _("syndication partner")
        verbose_name_plural = _("syndication partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.api_url and not self.api_url.endswith("/"):
            self.api_url += "/"
        if self.timeout is not None and not 1 <= self.timeout <= 120:
            raise ValidationError({"timeout": _("Choose between 1 and 120 seconds.")})

    @property
    def endpoint_url(self):
        """The partner's stories endpoint (``<api_url>stories/``)."""
        return self.api_url.rstrip("/") + "/stories/"


class SyndicationStatus(models.TextChoices):
    """Where a copied story stands against its source."""

    CURRENT = "current", _("Up to date")
    SOURCE_UPDATED = "source_updated", _("Source updated")
    SOURCE_REMOVED = "source_removed", _("Removed at the source")


class SyndicatedStory(models.Model):
    """One language version of a partner's story, copied here as :attr:`page`.

    Keyed by the partner, the story's translation key at the partner and the language: a second run finds the
    copy and changes nothing unless the source did. :attr:`source_data` is the source as last copied (the
    snapshot of :func:`~.content.snapshot`); :attr:`pending_data` the newer source that was not applied
    because an editor had changed the copy here (:attr:`status` ``source_updated``, the admin shows the diff).
    :attr:`imported_revision_id` is the page revision the last copy created: a later revision means an
    editor's change.
    """

    partner = models.ForeignKey(
        SyndicationPartner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="stories"
    )
    source_key = models.UUIDField(_("translation key at the source"))
    language = models.CharField(_("original language"), max_length=20)
    source_id = models.PositiveBigIntegerField(_("page ID at the source"))
    source_url = models.URLField(_("original address"), max_length=500)
    source_published_at = models.DateTimeField(_("last published at the source"), null=True, blank=True)
    source_data = models.JSONField(_("source as copied"), default=dict)
    pending_data = models.JSONField(_("newer source not applied"), null=True, blank=True)
    page = models.OneToOneField(
        "seismic_stories.StoryPage",
        verbose_name=_("copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndication",
    )
    imported_revision_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SyndicationStatus.choices, default=SyndicationStatus.CURRENT
    )
    hero_image_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    #: The images copied for this story: source image URL -> local image ID (a later run reuses them).
    images = models.JSONField(_("copied images"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("first copied"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("syndicated story")
        verbose_name_plural = _("syndicated stories")
        ordering = ["partner", "-source_published_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "source_key", "language"], name="seismic_syndicated_story_unique_source"
            )
        ]

    def __str__(self):
        title = self.source_data.get("title") or str(self.source_key)
        return f"{title} ({self.partner}, {self.language})"

    @property
    def needs_review(self):
        return self.status != SyndicationStatus.CURRENT

    def changed_fields(self):
        """The fields in which the pending source differs from the copied one (see :func:`~.content.diff`)."""
        # Imported here: content imports the page models, which import this module.
        from .content import diff

        if not self.pending_data:
            return []
        return diff(self.source_data, self.pending_data)
