"""Snippets shared by every domain app: :class:`Theme` and :class:`Organisation`, and the abstract inline
rows (:class:`ThemeLink`, :class:`OrganisationLink`) that tie a page to them; :class:`SectionPage`, a page
that introduces a section of the site and links its pages; :class:`DemoRecord`, what ``seismic_demo`` made.

Both are translatable with wagtail-localize. Language-independent fields (slugs, countries, types,
websites, logos) are synchronised across translations; the human text is offered for translation.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .pages import SeismicPageMixin


def image_alt_text(image, alt_text="", fallback=""):
    """Alt text for an image: the editor's ``alt_text`` for this use, else the image's own description
    (Wagtail 6.3+ images have one), else ``fallback``."""
    if alt_text:
        return alt_text
    return (getattr(image, "description", "") if image is not None else "") or fallback


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """An urban challenge of the research and innovation agenda (e.g. "Urban mobility").

    The ``slug`` is the same in every translation, so a filter such as ``?theme=mobility`` means the same
    theme in every language of the site.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in filter links; the same in every language."),
    )
    description = models.TextField(_("short description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="seismic_core_theme_unique_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


class OrganisationType(models.TextChoices):
    """The kinds of organisation that take part in a network."""

    RESEARCH_INSTITUTE = "research", _("Research institute")
    UNIVERSITY = "university", _("University")
    PUBLIC_AUTHORITY = "public", _("Public authority")
    CITY = "city", _("City or municipality")
    CIVIL_SOCIETY = "civil", _("Civil society organisation")
    BUSINESS = "business", _("Business")
    NETWORK = "network", _("Network or association")
    OTHER = "other", _("Other")


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner or member organisation: a university, a city, a civil society group, ..."""

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    organisation_type = models.CharField(
        _("type"), max_length=20, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        _("logo alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the logo for people who cannot see it. Leave empty to use the image's description."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("organisation_type"),
        FieldPanel("country"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_alt_text"),
    ]

    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("city"),
        TranslatableField("logo_alt_text"),
        SynchronizedField("acronym"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("logo", overridable=False),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.SearchField("city"),
        index.FilterField("organisation_type"),
        index.FilterField("country"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def logo_alt(self):
        """Alt text for the logo: the field, else the image's own description, else the name."""
        return image_alt_text(self.logo if self.logo_id else None, self.logo_alt_text, fallback=self.name)


# --- Inline rows tying a page to the snippets ----------------------------------------------------------
# wagtail-localize ignores many-to-many fields, and copies plain inline rows unchanged. An inline row that is
# itself translatable (TranslatableMixin) is synchronised into each translation of its page, with its
# snippet foreign key pointed at the snippet's translation in the target locale. Domain apps subclass these
# and add the ``page = ParentalKey(...)`` to their page type (and ``verbose_name`` in ``Meta``).


class ThemeLink(TranslatableMixin, Orderable):
    """Abstract inline row: a page works on an agenda :class:`Theme`."""

    theme = models.ForeignKey("seismic_core.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.theme)


class OrganisationLink(TranslatableMixin, Orderable):
    """Abstract inline row: an :class:`Organisation` takes part in what a page describes."""

    organisation = models.ForeignKey(
        "seismic_core.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.organisation)


class SectionPage(SeismicPageMixin, Page):
    """A section of the site: an introduction and links to the live pages below it, in the visitor's language.

    ``manage.py seismic_demo`` puts its content under one ("SEiSMiC demo"); a city can use it for its own
    "European network" section. Override ``get_sections()`` to choose what it links.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    template = "seismic_wagtail/core/section_page.html"

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    def get_sections(self):
        return self.get_children().live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections()
        return context


class DemoRecord(models.Model):
    """One row that ``manage.py seismic_demo`` created (any model), so that ``--remove`` deletes exactly that."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("demo record")
        verbose_name_plural = _("demo records")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="seismic_demo_record_unique")]

    def __str__(self):
        return f"{self.content_type.app_label}.{self.content_type.model} {self.object_id}"


class ReviewWorkflow(models.Model):
    """A Wagtail workflow that the package's role setup made, and what it reviews (``scope``).

    ``manage.py seismic_roles --workflows`` (:mod:`seismic_wagtail.core.roles`) creates one workflow per scope
    and assigns it to that scope's pages: ``"consultations"`` (every consultation page: the central editors
    approve) and ``"network:<translation key>"`` (a network's page and its story section: the network's
    coordinators, then the central editors). The row lets the setup find its workflows again when it runs
    again or a new page of the scope is created, whatever an editor renamed them to.
    """

    scope = models.CharField(_("scope"), max_length=80, unique=True)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", verbose_name=_("workflow"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("review workflow")
        verbose_name_plural = _("review workflows")

    def __str__(self):
        return f"{self.scope}: {self.workflow}"
