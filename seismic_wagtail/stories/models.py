"""Good-practice stories (:class:`StoryPage`) and their faceted index (:class:`StoryIndexPage`).

Translation (wagtail-localize): the human text of a story (title, summary, city, body, alt texts, notes) is
translated; what means the same in every language (country, years, hero image, network, the stories a
transfer link or a "related" link points to) is synchronised. Links to pages are synchronised and localised
when rendered (``get_translation_or_none(locale)``), as wagtail-localize does for page choosers, so a story can
be translated before the stories it points to are. Themes and organisations are inline rows
(:class:`StoryPageTheme`, :class:`StoryPageOrganisation`) rather than a many-to-many, so that
wagtail-localize copies them and points each one at the target locale's translation of the snippet.
"""

import math
import re
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from seismic_wagtail.core.api_fields import PageImageField, PortableStreamField
from seismic_wagtail.core.i18n import get_language_versions
from seismic_wagtail.core.models import OrganisationLink, ThemeLink, image_alt_text
from seismic_wagtail.core.pages import SeismicPageMixin
from seismic_wagtail.core.swappable import get_network_page_model, get_network_page_model_string

from .blocks import StoryBodyBlock
from .feeds import StoryAtomFeed, StoryRssFeed
from .filters import StoryFilter
from .metadata import StoryMetadataMixin
from .pagination import KeysetPage, SectionedStories, StoryPaginator, make_cursor, parse_cursor
from .relations import StoryRelationsMixin

#: The image rendition the index shows for each story (also prefetched, so the listing does not query per story).
CARD_IMAGE_FILTER = "fill-480x270"
#: The hero image rendition of the read API (``api_fields``; prefetched by the stories endpoint).
API_IMAGE_FILTER = "fill-1200x675"


def network_page_types():
    """The page types the ``network`` chooser offers: the network page model when it is installed.

    Looked up when the editor form is built, never imported, so the stories app works without networks.
    """
    if get_network_page_model() is None:
        return None
    return [get_network_page_model_string()]


def localized_page(page_id, locale_id):
    """The page ``page_id`` in the locale ``locale_id`` when it is translated into it, else that page itself;
    ``None`` without a page. One query: how a story or a story section shows its network in its language (a
    synchronised page link, localised when shown, as wagtail-localize does for page choosers)."""
    if not page_id:
        return None
    found = list(
        Page.objects.filter(translation_key__in=Page.objects.filter(pk=page_id).values("translation_key"))
        .filter(models.Q(locale_id=locale_id) | models.Q(pk=page_id))
        .order_by("pk")
    )
    return next((page for page in found if page.locale_id == locale_id), found[0] if found else None)


class NetworkChooserPanel(PageChooserPanel):
    """A page chooser restricted to the network page model (``NETWORK_PAGE_MODEL``) when it is installed."""

    def get_form_options(self):
        self.page_type = network_page_types()
        return super().get_form_options()


# --- The index ---------------------------------------------------------------------------------------


class StoryIndexPage(SeismicPageMixin, RoutablePageMixin, Page):
    """Lists the live stories of its whole subtree, newest first, with facets, text search, RSS and Atom feeds.

    The list, the facets and the feeds all read the same query string (see :class:`StoryFilter`), so a
    filtered list is a link to share and a feed to follow. Extension points: :meth:`get_stories` (the base
    queryset), :attr:`filter_class`, :meth:`get_feed` and :attr:`stories_per_page`.

    Nothing is hidden by language: the stories of the index's translations that have no live version in its
    language are listed after its own, in a section of their own ("More stories (not yet in this language)"),
    one version of each (:meth:`get_other_language_stories`); ``?only_language=1`` leaves them out.

    An index below another index with :attr:`network` set is that network's *story section*: the main index
    lists the section's stories with its own, the section lists only its own (with a link to the network),
    new stories in it belong to the network (:meth:`StoryPage.get_default_network_id`), and the network's
    team may edit them (:mod:`.roles` gives the permissions and the review workflow).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    stories_per_page = models.PositiveSmallIntegerField(
        _("stories per page"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    network = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Makes this index a network's story section: new stories here belong to that network, and the "
            "network's team may edit them."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("stories_per_page"), NetworkChooserPanel("network")]

    override_translatable_fields = [
        SynchronizedField("stories_per_page", overridable=False),
        SynchronizedField("network", overridable=False),
    ]

    subpage_types = ["seismic_stories.StoryPage", "seismic_stories.StoryIndexPage"]
    template = "seismic_wagtail/stories/story_index_page.html"
    stylesheets = ["seismic_wagtail/css/stories.css"]
    head_template = "seismic_wagtail/stories/includes/index_head.html"
    filter_class = StoryFilter
    #: How many stories a feed carries (the newest matching ones).
    feed_length = 30
    #: Pages 1 to this number are numbered (``?page=3``, "Page 3 of 834"); from this page on, "Older stories"
    #: continues with a cursor (``?after=``, :class:`~.pagination.KeysetPage`), which costs what the first page does
    #: at any depth and neither repeats nor skips a story when one is published meanwhile. ``?page=`` beyond
    #: it still works (``OFFSET``: slower at depth).
    numbered_pages = 5
    #: The includes rendered once per index, language and filter and cached with the facet counts
    #: (``{context variable: template}``): the page template shows ``{{ filter_form_html }}`` and
    #: ``{{ active_filters_html }}``. They see :meth:`get_fragment_context` only, so they must not show anything
    #: that depends on the visitor (override the template and leave a piece out of this dict to render it
    #: per request).
    cached_fragments = {
        "filter_form_html": "seismic_wagtail/stories/includes/filter_form.html",
        "active_filters_html": "seismic_wagtail/stories/includes/active_filters.html",
    }

    class Meta:
        verbose_name = _("story index page")
        verbose_name_plural = _("story index pages")

    def get_stories(self):
        """The live stories of this index's subtree (its locale; its story sections included), newest first,
        ready for listing.

        Streamfields are deferred and everything a card shows is fetched in a fixed number of queries.
        """
        return self.prepare_listing(StoryPage.objects.descendant_of(self).live().public())

    def get_other_language_indexes(self):
        """This index's live translations in the site's other content languages: the subtrees whose stories
        :meth:`get_other_language_stories` lists. Read from the language versions the language switcher shows
        (:func:`~seismic_wagtail.core.i18n.get_language_versions`, cached on the page: no query of its own when
        the switcher is on the page)."""
        indexes = []
        for version in get_language_versions(self):
            if version.is_translation and not version.is_current and version.page.pk != self.pk:
                version.page.locale = version.locale  # loaded with the versions: no query per index
                indexes.append(version.page)
        return indexes

    def get_other_language_stories(self, stories, indexes):
        """The live stories below ``indexes`` (:meth:`get_other_language_indexes`) that have no version among
        ``stories`` (:meth:`get_stories`), one version of each: the one in the site's default language when it
        is live there, else the first made (the lowest id: usually the original). Newest first and ready for
        listing as :meth:`get_stories` is; ``None`` when there are no other languages.

        One query of the page view restrictions (``public()``); the choice of version is a ``NOT EXISTS`` on
        Wagtail's ``(translation_key, locale)`` index, so the list is still one query per page of stories.
        Override to choose other versions (the visitor's second language...) or return ``None`` to list only
        the index's language.
        """
        if not indexes:
            return None
        scope = models.Q()
        for translation in indexes:
            scope |= models.Q(path__startswith=translation.path, depth__gt=translation.depth)
        candidates = StoryPage.objects.live().public().filter(scope).exclude(locale_id=self.locale_id)
        default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        default_ids = [
            translation.locale_id for translation in indexes if translation.locale.language_code == default_code
        ]
        better = candidates.filter(translation_key=OuterRef("translation_key")).filter(
            models.Q(locale_id__in=default_ids) | models.Q(pk__lt=OuterRef("pk"))
        )
        chosen = candidates.filter(models.Q(locale_id__in=default_ids) | ~Exists(better)).exclude(
            translation_key__in=stories.order_by().values("translation_key")
        )
        return self.prepare_listing(chosen)

    def prepare_listing(self, stories):
        """``stories`` ready for the cards: streamfields deferred, what a card shows fetched in a fixed number
        of queries, newest first."""
        image_model = get_image_model()
        return (
            stories.defer_streamfields()
            .select_related("locale", "syndication__partner")
            .prefetch_related(
                Prefetch(
                    "hero_image",
                    queryset=image_model.objects.prefetch_renditions(CARD_IMAGE_FILTER),
                ),
                Prefetch(
                    "story_themes",
                    queryset=StoryPageTheme.objects.select_related("theme").order_by("sort_order", "pk"),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def get_filter(self, request):
        stories = self.get_stories()
        indexes = self.get_other_language_indexes()
        return self.filter_class(
            self,
            request.GET,
            stories=stories,
            other_stories=self.get_other_language_stories(stories, indexes),
            other_indexes=indexes,
        )

    def localized_network(self):
        """The network page of this story section in the index's language when it is translated, else the page
        chosen; ``None`` for an index that is not a network's section. One query."""
        return localized_page(self.network_id, self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        story_filter = self.get_filter(request)
        listing = story_filter.get_listing(
            render_fragments=lambda listing: self.render_fragments(request, story_filter, listing)
        )
        paginator, page_obj = self.paginate(request, story_filter, listing)
        self.attach_card_images(page_obj.object_list)
        local_stories = [story for story in page_obj.object_list if story.locale_id == self.locale_id]
        other_language_stories = [story for story in page_obj.object_list if story.locale_id != self.locale_id]
        self.attach_languages(other_language_stories, request)
        context.update(
            {
                "story_filter": story_filter,
                "facets": listing.facets,
                "listing": listing,
                "paginator": paginator,
                "page_obj": page_obj,
                "stories": page_obj.object_list,
                "local_stories": local_stories,
                "other_language_stories": other_language_stories,
                "pagination": self.pagination_links(story_filter, page_obj, listing),
                "rss_url": self.feed_url("rss", story_filter),
                "atom_url": self.feed_url("atom", story_filter),
                "network_page": self.localized_network(),
                **listing.fragments,
            }
        )
        return context

    def attach_languages(self, stories, request=None):
        """Give each story ``story.language_versions``: ``[(code, name, url)]`` of its live versions in the
        site's content languages, in the site's order (one query for all the stories; none without stories)."""
        if not stories:
            return
        locales = {version.locale.pk: version for version in get_language_versions(self)}
        found = defaultdict(dict)
        versions = (
            Page.objects.filter(
                translation_key__in={story.translation_key for story in stories},
                live=True,
                alias_of__isnull=True,
                locale_id__in=locales,
            )
            .only("id", "path", "depth", "url_path", "locale_id", "translation_key")
            .order_by()
        )
        for version in versions:
            found[version.translation_key][version.locale_id] = version
        order = list(locales)
        for story in stories:
            story.language_versions = [
                (locales[locale_id].language_code, locales[locale_id].name, version.get_url(request))
                for locale_id, version in sorted(found[story.translation_key].items(), key=lambda i: order.index(i[0]))
            ]

    def attach_card_images(self, stories):
        """Give each story its card's ``<img>`` tag (``story.card_image``) from the prefetched renditions.

        Wagtail's ``{% image %}`` tag also writes each rendition to the cache every time it renders (a cache
        round trip per card); the renditions are prefetched (:meth:`get_stories`), so the tag is built here from
        them. A story whose rendition does not exist yet (or an SVG) is left to ``{% image %}`` in the card.
        """
        image_filter = Filter(spec=CARD_IMAGE_FILTER)
        for story in stories:
            image = story.hero_image if story.hero_image_id else None
            if image is None or image.is_svg():
                continue
            try:
                rendition = image.find_existing_rendition(image_filter)
            except ObjectDoesNotExist:
                continue
            story.card_image = rendition.img_tag({"alt": story.hero_alt, "loading": "lazy"})

    def get_fragment_context(self, request, story_filter, listing):
        """The context of the :attr:`cached_fragments` (rendered once per index, language and filter)."""
        return {
            "page": self,
            "self": self,
            "request": request,
            "story_filter": story_filter,
            "facets": listing.facets,
            "listing": listing,
        }

    def render_fragments(self, request, story_filter, listing):
        """``{context variable: html}`` of the :attr:`cached_fragments`, to be cached with the facet counts."""
        context = self.get_fragment_context(request, story_filter, listing)
        return {name: render_to_string(template, context) for name, template in self.cached_fragments.items()}

    def paginate(self, request, story_filter, listing):
        """``(paginator, page)``: a numbered page (``?page=``; ``abc`` gives the first, ``999`` the last), or a
        :class:`~.pagination.KeysetPage` after (``?after=``) or before (``?before=``) a cursor. The paginator's
        count comes from ``listing`` (cached): no ``COUNT`` query on a warm cache.

        The list is the stories in the index's language, then those only in other languages
        (:class:`~.pagination.SectionedStories`, with the counts of each cached in ``listing``); cursors walk
        the first."""
        results = story_filter.local_results()
        others = story_filter.other_language_results()
        object_list = results
        if others is not None and listing.other_count:
            object_list = SectionedStories([(results, listing.local_count), (others, listing.other_count)])
        paginator = StoryPaginator(object_list, self.stories_per_page, count=listing.count)
        for param, older in (("after", True), ("before", False)):
            cursor = parse_cursor(request.GET.get(param))
            if cursor is not None:
                page = KeysetPage(results, cursor, self.stories_per_page, paginator, older=older)
                if page.object_list and (older or page.is_full):
                    return paginator, page
                break  # fewer than a page of newer stories, or none older (unpublished since): the first page
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        return paginator, page

    def pagination_links(self, story_filter, page_obj, listing=None):
        """The query strings of ``pagination.html``'s links: ``{"previous": ..., "next": ...}`` (``""``: no link),
        ``"newer"`` / ``"older"`` true when the link follows a cursor ("Newer stories" / "Older stories").

        Numbered links up to :attr:`numbered_pages`; from that page on "Older stories" after the page's last
        story, and on a cursor page "Newer stories" before its first. Cursors walk the stories in the index's
        language: where the next page would reach the stories in other languages (``listing.other_count``),
        the link is numbered (from a cursor page: the numbered page where they start)."""
        base = story_filter.querystring()
        prefix = f"{base}&" if base else ""
        links = {"previous": "", "next": "", "newer": False, "older": False}
        local_count = listing.local_count if listing is not None else None
        others = bool(listing is not None and listing.other_count)
        if isinstance(page_obj, KeysetPage):
            if page_obj.previous_cursor:
                links.update(previous=f"{prefix}before={page_obj.previous_cursor}", newer=True)
            if page_obj.next_cursor:
                links.update(next=f"{prefix}after={page_obj.next_cursor}", older=True)
            elif others and page_obj.older:
                links.update(next=f"{prefix}page={local_count // self.stories_per_page + 1}", older=True)
            return links
        if page_obj.has_previous():
            links["previous"] = f"{prefix}page={page_obj.previous_page_number()}"
        if page_obj.has_next():
            cursor = make_cursor(page_obj.object_list[-1]) if page_obj.number >= self.numbered_pages else None
            if others and page_obj.end_index() + self.stories_per_page > local_count:
                cursor = None  # the next page reaches the other languages: numbered
            if cursor:
                links.update(next=f"{prefix}after={cursor}", older=True)
            else:
                links["next"] = f"{prefix}page={page_obj.next_page_number()}"
        return links

    def feed_path(self, name):
        """``rss.xml`` / ``atom.xml`` when the site includes ``seismic_wagtail.core.urls``, else ``rss/``."""
        # Imported here: core.urls imports Wagtail's views, which need the models loaded (not yet, in models.py).
        from seismic_wagtail.core.urls import file_routes_installed

        return self.reverse_subpage(name if file_routes_installed() else f"{name}_slash")

    def feed_url(self, name, story_filter=None):
        """The (relative) URL of the ``"rss"`` or ``"atom"`` feed, with the filter's query string."""
        url = (self.url or "") + self.feed_path(name)
        querystring = story_filter.querystring() if story_filter else ""
        return f"{url}?{querystring}" if querystring else url

    def get_feed(self, feed_type):
        return {"rss": StoryRssFeed, "atom": StoryAtomFeed}[feed_type](self)

    # ``rss.xml`` is what ``seismic_wagtail.core.urls`` passes on for ``<index url>rss.xml``; ``rss/``
    # works without that URL pattern (Wagtail's own page URLs allow no dots).
    @re_path(r"^rss\.xml/?$", name="rss")
    @path("rss/", name="rss_slash")
    def rss_feed(self, request):
        """RSS 2.0 of the stories matching the query string."""
        return self.get_feed("rss")(request)

    @re_path(r"^atom\.xml/?$", name="atom")
    @path("atom/", name="atom_slash")
    def atom_feed(self, request):
        """Atom 1.0 of the stories matching the query string."""
        return self.get_feed("atom")(request)


# --- The story ---------------------------------------------------------------------------------------


class TransferStatus(models.TextChoices):
    """How a story relates to the story it learnt from."""

    INSPIRED = "inspired", _("Inspired by")
    ADAPTED = "adapted", _("Adapted from")
    REUSED = "reused", _("Reused from")


def section_network_id(parent):
    """The ``network`` id of ``parent`` when it is a network's story section (a :class:`StoryIndexPage`
    with a network), else ``None``. No query when ``parent`` is already a specific page."""
    if parent is None:
        return None
    if not isinstance(parent, StoryIndexPage):
        if not issubclass(parent.specific_class or Page, StoryIndexPage):
            return None
        parent = parent.specific_deferred
    return parent.network_id


class StoryPageForm(WagtailAdminPageForm):
    """The story editor form: a new story in a network's story section starts with that network chosen; a
    transfer link may not point at the story itself (or one of its translations)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "network" in self.fields and not self.initial.get("network"):
            network_id = section_network_id(self.parent_page)
            if network_id:
                self.initial["network"] = network_id

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("transfers")
        if formset is None:
            return cleaned_data
        formset.errors  # noqa: B018 (validates the inline forms so their cleaned_data exists)
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            source = data.get("source_story")
            if (
                source is not None
                and not data.get("DELETE")
                and source.translation_key == self.instance.translation_key
            ):
                form.add_error("source_story", _("A story cannot learn from itself."))
        return cleaned_data


class StoryPage(StoryRelationsMixin, StoryMetadataMixin, SeismicPageMixin, Page):
    """A good practice: what the challenge was, what was done, what came of it and what others can reuse.

    Its links to other stories (transfers, adaptations, related stories, translations) come from
    :class:`~.relations.StoryRelationsMixin`, its JSON-LD, share image and Open Graph locale from
    :class:`~.metadata.StoryMetadataMixin`; override their ``get_*`` methods in a subclass.
    """

    base_form_class = StoryPageForm

    #: Reading speed used for :attr:`reading_time` (words per minute; 200 is a common figure for
    #: non-fiction read on screen). Override in a subclass to change it.
    words_per_minute = 200

    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("Plain text, up to 300 characters. Shown in lists, feeds and link previews."),
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the image for people who cannot see it. Leave empty to use the image's description."),
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty while the practice is still running."),
    )
    network = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The national network the practice belongs to."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                NetworkChooserPanel("network"),
            ],
            heading=_("Where and when"),
        ),
        # ``heading`` names the panel; ``label`` one row ("Theme 1", "Add theme"), so it is singular, lower case.
        InlinePanel("story_themes", heading=_("Themes"), label=_("theme"), min_num=1),
        InlinePanel("story_organisations", heading=_("Organisations involved"), label=_("organisation")),
        FieldPanel("body"),
        InlinePanel("transfers", heading=_("Learnt from another story"), label=_("source story")),
        InlinePanel("related_stories", heading=_("Related stories"), label=_("related story"), max_num=6),
    ]

    override_translatable_fields = [
        SynchronizedField("country", overridable=False),
        SynchronizedField("start_year", overridable=False),
        SynchronizedField("end_year", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("network", overridable=False),
        TranslatableField("city"),
        TranslatableField("hero_image_alt"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.AutocompleteField("city"),
        index.FilterField("country"),
        index.FilterField("start_year"),
    ]

    #: The read API's fields (``seismic_wagtail.stories.api``): what means the same in every language, and
    #: the story's own summary and city. Themes are slugs and the network its translation key, the same in
    #: every language; names of the organisations involved, as the page shows them.
    api_fields = [
        APIField("summary"),
        APIField("city"),
        APIField("country"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("network_key"),
        APIField("theme_slugs"),
        APIField("organisation_names"),
        APIField("hero_image", serializer=PageImageField(API_IMAGE_FILTER, image="hero_image", alt="hero_alt")),
        APIField("original_url"),
        APIField("body", serializer=PortableStreamField()),
    ]
    #: In ``meta`` of the read API: what a partner site needs to copy the story and notice changes
    #: (syndication keys a copy by the translation key and refetches it when ``last_published_at`` moves).
    api_meta_fields = ["translation_key", "last_published_at"]

    parent_page_types = ["seismic_stories.StoryIndexPage"]
    subpage_types = []
    template = "seismic_wagtail/stories/story_page.html"
    stylesheets = ["seismic_wagtail/css/stories.css"]
    head_template = "seismic_wagtail/stories/includes/story_head.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_default_network_id(self):
        """The network of a new story that has none: its parent's when the parent is a network's story section
        (one query), else ``None``. Override to choose differently."""
        if not self.path or self.depth <= 1:
            return None
        parent_path = self.path[: -self.steplen]
        return StoryIndexPage.objects.filter(path=parent_path).values_list("network_id", flat=True).first()

    def set_default_network(self):
        """Give a new story without a network its section's network (see :meth:`get_default_network_id`).

        Called before validation, like Wagtail's own defaults (locale, slug): from :meth:`full_clean` (a live
        page's save, the page editor) and :meth:`minimal_clean` (a draft's save). A page saved with
        ``clean=False`` keeps what it has.
        """
        if self.pk is None and self.network_id is None:
            self.network_id = self.get_default_network_id()

    def full_clean(self, *args, **kwargs):
        self.set_default_network()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.set_default_network()
        super().minimal_clean()

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    # Display helpers ---------------------------------------------------------------------------------

    @property
    def period(self):
        """ "2014–2016", "2015" or "since 2014"."""
        if not self.start_year:
            return ""
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.end_year:
            return str(self.start_year)
        return _("since %(year)s") % {"year": self.start_year}

    @property
    def hero_alt(self):
        return image_alt_text(self.hero_image if self.hero_image_id else None, self.hero_image_alt)

    @property
    def themes(self):
        """The story's themes in editor order (uses the prefetched rows in listings)."""
        return [link.theme for link in self.story_themes.all()]

    @property
    def organisations(self):
        return [link.organisation for link in self.story_organisations.all()]

    @property
    def theme_slugs(self):
        """The themes' slugs (the same in every language), for the read API."""
        return [theme.slug for theme in self.themes]

    @property
    def organisation_names(self):
        """The organisations involved as the page names them, for the read API."""
        return [str(organisation) for organisation in self.organisations]

    @property
    def network_key(self):
        """The network page's ``translation_key`` (the same in every language), or ``None``; for the read API."""
        return str(self.network.translation_key) if self.network_id else None

    @property
    def original_url(self):
        """The address of the partner's story this one is a copy of (``None`` for a story written here): in the
        read API, so partners syndicate originals only and two sites never copy each other's copies."""
        syndication = self.get_syndication()
        return syndication.source_url if syndication is not None else None

    @classmethod
    def prepare_sitemap_pages(cls, pages):
        """Called by the package's sitemap with a batch of stories: which of them are copies, in one query."""
        copies = set(SyndicatedStory.objects.filter(page__in=pages).values_list("page_id", flat=True))
        for page in pages:
            page._seismic_is_copy = page.pk in copies

    def get_sitemap_urls(self, request=None):
        """Left out of ``sitemap.xml`` when the story is a copy: its canonical address is the original's."""
        is_copy = getattr(self, "_seismic_is_copy", None)
        if is_copy is None:
            is_copy = self.get_syndication() is not None
        return [] if is_copy else super().get_sitemap_urls(request)

    def get_syndication(self):
        """The :class:`~.syndication.models.SyndicatedStory` when this story is a copy of a partner site's
        story (with its partner), else ``None``. One query, remembered on the page (none when the listing
        fetched it with ``select_related("syndication__partner")``)."""
        try:
            return self.syndication
        except SyndicatedStory.DoesNotExist:
            return None

    def localized_network(self):
        """The network page in this story's language when it is translated, else the page chosen (specific)."""
        page = localized_page(self.network_id, self.locale_id)
        return page.specific if page is not None else None

    @cached_property
    def word_count(self):
        """Words of the summary and the body (the text the reading time is based on)."""
        texts = [self.summary]
        texts.extend(self.body.stream_block.get_searchable_content(self.body))
        return sum(len(re.findall(r"\w+", strip_tags(text))) for text in texts if text)

    @property
    def reading_time(self):
        """Minutes to read the story at :attr:`words_per_minute`, at least one."""
        return max(1, math.ceil(self.word_count / self.words_per_minute))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "translations": self.get_live_translations(),
                "network_page": self.localized_network(),
                "transfers": self.get_transfers(),
                "adaptations": self.get_adaptations(),
                "related_stories": self.get_related_stories(),
                "share_image_url": self.get_share_image_url(request),
                "index_page": self.get_parent().specific,
            }
        )
        return context


# --- Inline rows -------------------------------------------------------------------------------------
# Themes, organisations and transfer links are translatable inline models (TranslatableMixin): wagtail-localize
# copies them into a translation and points their snippet foreign keys at the target locale's translations.
# Their locale is set from the story's (``TranslatableMixin.get_default_locale`` follows the ParentalKey).


class StoryPageTheme(ThemeLink):
    """A theme of a story. wagtail-localize points the row at the theme's translation in the story's locale."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_themes")

    class Meta(ThemeLink.Meta):
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")


class StoryPageOrganisation(OrganisationLink):
    """An organisation involved in a story, with its optional role ("lead", "funder", ...)."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_organisations")
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_('For example "lead partner".'))

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(OrganisationLink.Meta):
        verbose_name = _("organisation involved")
        verbose_name_plural = _("organisations involved")


class StoryTransfer(TranslatableMixin, Orderable):
    """A transfer link: the story (``page``) learnt from ``source_story``.

    The source story lists the stories that learnt from it (:meth:`StoryPage.get_adaptations`).
    """

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="transfers")
    source_story = models.ForeignKey(
        StoryPage,
        verbose_name=_("source story"),
        on_delete=models.CASCADE,
        related_name="adaptation_links",
        help_text=_("The story this practice learnt from."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TransferStatus.choices, default=TransferStatus.INSPIRED
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("What was taken over or changed, in a sentence.")
    )

    panels = [
        PageChooserPanel("source_story", page_type="seismic_stories.StoryPage"),
        FieldPanel("status"),
        FieldPanel("note"),
    ]

    override_translatable_fields = [
        SynchronizedField("source_story", overridable=False),
        SynchronizedField("status", overridable=False),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("transfer link")
        verbose_name_plural = _("transfer links")

    def clean(self):
        super().clean()
        page = getattr(self, "page", None)
        source = self.source_story if self.source_story_id else None
        if page is not None and source is not None and page.translation_key == source.translation_key:
            raise ValidationError({"source_story": _("A story cannot learn from itself.")})

    def __str__(self):
        return f"{self.get_status_display()} {self.source_story}"


class StoryRelatedStory(Orderable):
    """A related story chosen by the editor (otherwise related stories come from shared themes)."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(StoryPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("story", page_type="seismic_stories.StoryPage")]

    override_translatable_fields = [SynchronizedField("story", overridable=False)]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")

    def __str__(self):
        return str(self.story)


# Syndication's models (partner sites and the stories copied from them) belong to this app.
from .syndication.models import SyndicatedStory, SyndicationPartner, SyndicationStatus  # noqa: E402, F401
