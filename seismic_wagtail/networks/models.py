"""National networks: their index, network pages with coordinators, themes and members, events, join requests.

Page tree::

    any page
      NetworkIndexPage          "Networks": lists the networks of its locale
        NetworkPage             one national network (country, coordinators, members, events, join form)
          EventPage             a meeting, workshop or webinar of the network (with event.ics)

Translation with wagtail-localize: the human text is translated; countries, dates, emails, URLs and flags
are synchronised. Coordinators, themes and members are translatable inline rows (``TranslatableMixin``),
so that each translation points at the target locale's translation of the ``Organisation``/``Theme``
snippet and members' roles and projects can be translated.
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.rich_text import expand_db_html
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from seismic_wagtail.core.absolute_urls import absolute_url
from seismic_wagtail.core.models import OrganisationLink, ThemeLink
from seismic_wagtail.core.pages import SeismicPageMixin
from seismic_wagtail.core.swappable import get_story_page_model

from .blocks import NetworkBodyBlock
from .ical import calendar_for_event, calendar_for_network, calendar_for_network_index, ical_response
from .notifications import send_join_request_notification
from .views import join_thanks_view, join_view

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def default_time_zone():
    """The site's ``TIME_ZONE``: the default time zone of a new event."""
    return settings.TIME_ZONE


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value}) from exc


def time_zone_choices():
    """IANA time zone names for the event editor, computed at run time (never stored in migrations)."""
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def one_version_each(candidates):
    """``candidates`` (pages in other languages than the page listing them) with one version per
    ``translation_key``: the one in the site's default language when it is among them, else the first made
    (the lowest id: usually the original). A ``NOT EXISTS`` on Wagtail's ``(translation_key, locale)`` index,
    as the story index chooses its stories in other languages."""
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    is_default = Q(locale__language_code=default_code)
    better = candidates.filter(translation_key=OuterRef("translation_key")).filter(
        is_default | Q(pk__lt=OuterRef("pk"))
    )
    return candidates.filter(is_default | ~Exists(better))


# --- index -------------------------------------------------------------------------------------------


class NetworkIndexPage(SeismicPageMixin, RoutablePageMixin, Page):
    """Lists the national networks below it, in its own locale. Can go under any page of a site.

    ``<index url>calendar.ics`` is one subscribable iCalendar feed of all the networks' events
    (:meth:`get_events`).
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    subpage_types = ["seismic_networks.NetworkPage"]
    template = "seismic_wagtail/networks/network_index_page.html"
    stylesheets = ["seismic_wagtail/networks/networks.css"]
    head_template = "seismic_wagtail/networks/includes/network_index_head.html"

    class Meta:
        verbose_name = _("network index page")
        verbose_name_plural = _("network index pages")

    def get_networks(self):
        """The live, public networks below this page in its locale, with coordinators and member counts.

        A constant number of queries however many networks there are: the public member count is an
        annotation (``public_member_count``) and the coordinators with their organisations are prefetched.
        """
        coordinators = NetworkCoordinator.objects.select_related("organisation").order_by("sort_order")
        return (
            NetworkPage.objects.child_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .select_related("locale")
            .annotate(public_member_count=Count("members", filter=Q(members__show_publicly=True), distinct=True))
            .prefetch_related(Prefetch("coordinators", queryset=coordinators))
            .order_by("title")
        )

    def get_untranslated_networks(self):
        """Networks of the site's default-locale index that have no translation in this page's locale.

        National content is written in the national language, so not every network exists in every
        language; the index still points visitors to the others (in the default language). Empty on the
        default-locale index itself.
        """
        default_index = self.get_translation_or_none(Locale.get_default())
        if default_index is None or default_index.pk == self.pk:
            return NetworkPage.objects.none()
        translated = NetworkPage.objects.filter(locale_id=self.locale_id).values("translation_key")
        return default_index.specific.get_networks().exclude(translation_key__in=translated)

    def get_events(self):
        """The live, public events of the networks below this page in its locale and, in the default language,
        those not (yet) translated into it, such as the events of the networks the index lists as not yet in
        this language (:meth:`get_untranslated_networks`). Past and future events, as in each network's own
        calendar. A constant number of queries."""
        events = EventPage.objects.live().public()
        in_locale = events.descendant_of(self).filter(locale_id=self.locale_id)
        default_index = self.get_translation_or_none(Locale.get_default())
        if default_index is None or default_index.pk == self.pk:
            return in_locale
        translated = EventPage.objects.filter(locale_id=self.locale_id).values("translation_key")
        untranslated = (
            events.descendant_of(default_index)
            .filter(locale_id=default_index.locale_id)
            .exclude(translation_key__in=translated)
        )
        return in_locale | untranslated

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = self.get_networks()
        context["untranslated_networks"] = self.get_untranslated_networks()
        return context

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar_ics(self, request):
        """A subscribable iCalendar feed of the events of all the networks (RFC 5545)."""
        return ical_response(calendar_for_network_index(self, request), f"{self.slug}.ics", inline=True)


# --- network page ------------------------------------------------------------------------------------


class NetworkPage(SeismicPageMixin, RoutablePageMixin, Page):
    """One national network: who coordinates it, who takes part, what it does, its events and join form.

    Extension points for a subclass: :meth:`get_public_members`, :meth:`get_upcoming_events`,
    :meth:`get_past_events`, :meth:`get_latest_stories`, :meth:`get_join_form_class`,
    :meth:`send_join_notification`, and the templates ``join_template`` and ``join_thanks_template``.
    """

    country = CountryField(_("country"))
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences, shown on the page and in the network list.")
    )
    body = StreamField(NetworkBodyBlock(), blank=True, verbose_name=_("body"))
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown on the page; receives the notifications of new join requests when they are switched on."),
    )
    join_requests_open = models.BooleanField(
        _("accept join requests"), default=True, help_text=_("Show the form with which visitors apply to join.")
    )
    notify_contact_of_join_requests = models.BooleanField(
        _("email the contact about join requests"),
        default=False,
        help_text=_("Send an email to the contact address for each new join request."),
    )
    join_intro = RichTextField(
        _("join form introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who can join and what happens next. Shown above the join form."),
    )
    privacy_text = RichTextField(
        _("privacy notice"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "What happens to the data people send with the join form, shown above the consent box. "
            "Leave empty for the package's standard notice."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("intro"),
        InlinePanel("coordinators", heading=_("Coordinators"), label=_("coordinator"), min_num=0),
        InlinePanel("network_themes", heading=_("Themes"), label=_("theme")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])], heading=_("Contact")
        ),
    ]
    member_panels = [InlinePanel("members", heading=_("Members"), label=_("member"))]
    join_panels = [
        FieldPanel("join_requests_open"),
        FieldPanel("notify_contact_of_join_requests"),
        FieldPanel("join_intro"),
        FieldPanel("privacy_text"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(member_panels, heading=_("Members")),
            ObjectList(join_panels, heading=_("Join form")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    override_translatable_fields = [
        SynchronizedField("country", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_name"),
        SynchronizedField("join_requests_open", overridable=False),
        SynchronizedField("notify_contact_of_join_requests", overridable=False),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("locale"),
    ]

    #: The read API's fields (``seismic_wagtail.networks.api``). The contact is what the page shows publicly;
    #: members and join requests are never in the API.
    api_fields = [
        APIField("country"),
        APIField("intro"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("theme_slugs"),
        APIField("coordinator_names"),
    ]

    parent_page_types = ["seismic_networks.NetworkIndexPage"]
    subpage_types = ["seismic_networks.EventPage"]
    template = "seismic_wagtail/networks/network_page.html"
    stylesheets = ["seismic_wagtail/networks/networks.css"]
    head_template = "seismic_wagtail/networks/includes/network_head.html"
    join_template = "seismic_wagtail/networks/network_join.html"
    join_thanks_template = "seismic_wagtail/networks/network_join_thanks.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    # Content -----------------------------------------------------------------------------------------

    def get_coordinators(self):
        return [row.organisation for row in self.coordinators.all() if row.organisation_id]

    def get_themes(self):
        return [row.theme for row in self.network_themes.all() if row.theme_id]

    @property
    def theme_slugs(self):
        """The themes' slugs (the same in every language), for the read API."""
        return [theme.slug for theme in self.get_themes()]

    @property
    def coordinator_names(self):
        """The coordinating organisations as the page names them, for the read API."""
        return [str(organisation) for organisation in self.get_coordinators()]

    def get_public_members(self):
        """The members who agreed to be listed; editors see all members in the admin."""
        return self.members.filter(show_publicly=True).select_related("organisation")

    def get_events(self):
        return EventPage.objects.child_of(self).live().public().filter(locale_id=self.locale_id)

    def get_upcoming_events(self, limit=None):
        """Events that have not ended yet, soonest first."""
        events = self.get_events().filter(end__gte=timezone.now()).order_by("start")
        return events[:limit] if limit else events

    def get_past_events(self, limit=None):
        """Events that have ended, latest first."""
        events = self.get_events().filter(end__lt=timezone.now()).order_by("-start")
        return events[:limit] if limit else events

    def get_latest_stories(self, limit=3):
        """The latest live stories about this network in this page's locale (needs the stories app).

        A translated story may still point at the source-language network page, so stories are matched on
        the network page's ``translation_key``. Returns ``[]`` when ``seismic_wagtail.stories`` is not
        installed.
        """
        story_model = get_story_page_model()
        if story_model is None:
            return []
        return list(
            story_model.objects.live()
            .public()
            .filter(locale_id=self.locale_id, network__translation_key=self.translation_key)
            .defer_streamfields()
            .order_by("-first_published_at")[:limit]
        )

    def get_other_language_events(self):
        """The live, public events below this network's translations that have no live version below this page:
        one version of each (:func:`one_version_each`: the default language's, else the first made), with
        their locales. A queryset; evaluating it costs two queries (the view restrictions, the events)."""
        candidates = EventPage.objects.live().public().exclude(locale_id=self.locale_id)
        # Children of this network's translations: a parent's path is the start of its children's paths.
        translations = NetworkPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        candidates = candidates.filter(
            Exists(translations.filter(path=Substr(OuterRef("path"), 1, Length("path")), depth=OuterRef("depth") - 1))
        )
        local = EventPage.objects.child_of(self).live().values("translation_key")
        return one_version_each(candidates.exclude(translation_key__in=local)).select_related("locale")

    def get_other_language_upcoming_events(self):
        """:meth:`get_other_language_events` that have not ended yet, soonest first."""
        return self.get_other_language_events().filter(end__gte=timezone.now()).order_by("start")

    def get_other_language_past_events(self, limit=None):
        """:meth:`get_other_language_events` that have ended, latest first."""
        events = self.get_other_language_events().filter(end__lt=timezone.now()).order_by("-start")
        return events[:limit] if limit else events

    def get_other_language_stories(self, limit=3):
        """The latest live stories about this network that have no live version in this page's locale, one
        version of each (:func:`one_version_each`), newest first (needs the stories app; ``[]`` without it)."""
        story_model = get_story_page_model()
        if story_model is None:
            return []
        about = story_model.objects.live().public().filter(network__translation_key=self.translation_key)
        local = about.filter(locale_id=self.locale_id).values("translation_key")
        candidates = about.exclude(locale_id=self.locale_id).exclude(translation_key__in=local)
        return list(
            one_version_each(candidates)
            .select_related("locale")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            coordinators=self.get_coordinators(),
            themes=self.get_themes(),
            members=self.get_public_members(),
            upcoming_events=self.get_upcoming_events(),
            past_events=self.get_past_events(limit=10),
            latest_stories=self.get_latest_stories(),
            # Nothing hidden by language: what this network has only in other languages, labelled as such.
            other_language_upcoming_events=self.get_other_language_upcoming_events(),
            other_language_past_events=self.get_other_language_past_events(limit=10),
            other_language_stories=self.get_other_language_stories(),
        )
        return context

    # iCal --------------------------------------------------------------------------------------------

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar_ics(self, request):
        """A subscribable iCalendar feed of the network's events (RFC 5545)."""
        return ical_response(calendar_for_network(self, request), f"{self.slug}.ics", inline=True)

    # Join requests -----------------------------------------------------------------------------------

    def get_join_form_class(self):
        from .forms import JoinRequestForm  # at call time: forms.py imports NetworkJoinRequest from here

        return JoinRequestForm

    @path("join/", name="join")
    def join(self, request):
        """The join form (see :func:`.views.join_view`)."""
        return join_view(self, request)

    @path("join/thanks/", name="join_thanks")
    def join_thanks(self, request):
        return join_thanks_view(self, request)

    def send_join_notification(self, join_request, request=None):
        """Email the network's contact address about a new join request (in the site's default language);
        returns the number of messages sent. Called by the background task
        :func:`.tasks.send_join_notification_mail` (no request there), which retries a failed send."""
        return send_join_request_notification(join_request)


class NetworkCoordinator(OrganisationLink):
    """An organisation that coordinates a network (an inline row, so that it translates with the page)."""

    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="coordinators")

    class Meta(OrganisationLink.Meta):
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")


class NetworkTheme(ThemeLink):
    """A theme of the agenda the network works on."""

    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="network_themes")

    class Meta(ThemeLink.Meta):
        verbose_name = _("network theme")
        verbose_name_plural = _("network themes")


class NetworkMember(TranslatableMixin, Orderable):
    """A participant of a network: an organisation or a person, with the project they bring.

    Only members with ``show_publicly`` are shown to visitors (it defaults to off: people are listed once
    they agreed to be).
    """

    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "seismic_core.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    person_name = models.CharField(
        _("person"), max_length=255, blank=True, help_text=_("For a member taking part in their own name.")
    )
    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_('E.g. "Project lead".'))
    project_title = models.CharField(_("project title"), max_length=255, blank=True)
    project_description = models.TextField(_("project description"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    show_publicly = models.BooleanField(
        _("show publicly"), default=False, help_text=_("List this member on the public network page.")
    )

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("person_name")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("city")]),
        FieldPanel("project_title"),
        FieldPanel("project_description"),
        FieldPanel("show_publicly"),
    ]

    override_translatable_fields = [
        SynchronizedField("person_name"),
        SynchronizedField("show_publicly", overridable=False),
        TranslatableField("role"),
        TranslatableField("project_title"),
        TranslatableField("project_description"),
        TranslatableField("city"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.person_name and self.organisation_id:
            return f"{self.person_name} ({self.organisation.name})"
        if self.organisation_id:
            return str(self.organisation)
        return self.person_name

    def clean(self):
        super().clean()
        if not self.organisation_id and not self.person_name.strip():
            raise ValidationError(
                {"person_name": _("Choose an organisation or give the name of the person who takes part.")}
            )


# --- events ------------------------------------------------------------------------------------------


class EventPage(SeismicPageMixin, RoutablePageMixin, Page):
    """A meeting, workshop or webinar of a network, with its own ``event.ics``.

    ``start`` and ``end`` are stored as aware date-times (UTC in the database); ``time_zone`` is where the
    event takes place: times are shown in it and the iCal file carries it (with its VTIMEZONE).
    """

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show dates only; the event covers whole days from start to end.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=63,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Where the event takes place; times are shown in this time zone."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to join online, if it is."))
    registration_url = models.URLField(_("registration link"), blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES + ["h3", "h4"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel(
                    [FieldPanel("all_day"), FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices))]
                ),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("registration_url"),
        FieldPanel("description"),
    ]

    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("all_day", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("registration_url"),
        TranslatableField("venue"),
        TranslatableField("address"),
        TranslatableField("description"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("locale"),
    ]

    #: The read API's fields (``seismic_wagtail.networks.api``): the network is its page's translation key.
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("all_day"),
        APIField("venue"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("network_key"),
    ]

    parent_page_types = ["seismic_networks.NetworkPage"]
    subpage_types = []
    template = "seismic_wagtail/networks/event_page.html"
    stylesheets = ["seismic_wagtail/networks/networks.css"]
    head_template = "seismic_wagtail/networks/includes/event_head.html"

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    @cached_property
    def network(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def network_key(self):
        """The network page's ``translation_key`` (the same in every language), for the read API."""
        network = self.network
        return str(network.translation_key) if network else None

    @re_path(r"^event\.ics/?$", name="ical")
    def event_ics(self, request):
        """This event as an iCalendar file (RFC 5545)."""
        return ical_response(calendar_for_event(self, request), f"{self.slug}.ics")

    def get_json_ld(self, request=None):
        """A schema.org ``Event`` for search engines."""
        if self.all_day:
            start, end = self.local_start.date().isoformat(), self.local_end.date().isoformat()
        else:
            start, end = self.local_start.isoformat(), self.local_end.isoformat()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": start,
            "endDate": end,
            "eventStatus": "https://schema.org/EventScheduled",
            "url": absolute_url(self, request),
            "inLanguage": self.locale.language_code,
        }
        locations = []
        if self.venue or self.address:
            locations.append(
                {"@type": "Place", "name": self.venue or self.address, "address": " ".join(self.address.split())}
            )
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
            data["eventAttendanceMode"] = (
                "https://schema.org/MixedEventAttendanceMode"
                if len(locations) > 1
                else "https://schema.org/OnlineEventAttendanceMode"
                if self.online_url
                else "https://schema.org/OfflineEventAttendanceMode"
            )
        if self.description:
            data["description"] = " ".join(strip_tags(expand_db_html(self.description)).split())
        network = self.network
        if network is not None:
            data["organizer"] = {"@type": "Organization", "name": network.title, "url": absolute_url(network, request)}
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network"] = self.network
        return context


# --- join requests -----------------------------------------------------------------------------------


class JoinRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class NetworkJoinRequest(models.Model):
    """A visitor's application to join a network, sent with the form on the network page.

    Visible in the admin ("SEiSMiC > Join requests") to users with the "view" permission, the applicant's
    personal data (``PERSONAL_FIELDS``) only with ``view_personal_data``; users with the "change" permission set
    the status.
    """

    network = models.ForeignKey(
        NetworkPage, verbose_name=_("network"), on_delete=models.CASCADE, related_name="join_requests"
    )
    name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("email"))
    city = models.CharField(_("city"), max_length=120)
    project_description = models.TextField(
        _("project"), help_text=_("What is your project, and what would you bring to the network?")
    )
    consent = models.BooleanField(_("consent to the privacy notice"), default=False)
    language = models.CharField(_("language"), max_length=20, blank=True, help_text=_("The language of the form."))
    status = models.CharField(
        _("status"), max_length=20, choices=JoinRequestStatus.choices, default=JoinRequestStatus.NEW
    )
    notes = models.TextField(_("internal notes"), blank=True, help_text=_("Only seen in the admin."))
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    #: The join form's hidden submission token: the same form posted twice stores one request.
    token = models.UUIDField(_("submission token"), null=True, blank=True, editable=False)

    #: The fields that identify a person: shown only with the ``view_personal_data`` permission
    #: (:mod:`seismic_wagtail.core.personal_data_views`).
    PERSONAL_FIELDS = ("name", "organisation", "email", "city", "project_description")

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        permissions = [("view_personal_data", _("Can see the personal data of join applicants"))]
        constraints = [models.UniqueConstraint(fields=["token"], name="seismic_networks_joinrequest_unique_token")]

    def __str__(self):
        # No personal data: the admin shows this name to everyone who may see the request (titles, buttons,
        # the audit log), with or without the ``view_personal_data`` permission.
        return _("Join request %(id)s to %(network)s") % {"id": self.pk, "network": self.network.title}


# --- network teams -----------------------------------------------------------------------------------


class NetworkTeam(models.Model):
    """The people who run one national network in the admin: its editors, its coordinators and its collection.

    Keyed by the network page's ``translation_key``, so one team covers the network in every language.
    ``manage.py seismic_roles`` (:mod:`seismic_wagtail.networks.roles`) creates the groups and the collection
    and gives them Wagtail's own permissions: page permissions on the network page's subtree (every
    translation) and on the network's story section, collection permissions on ``collection``. The
    coordinators also see and decide the network's join requests
    (:class:`~seismic_wagtail.networks.viewsets.JoinRequestPermissionPolicy`).
    A site maps its existing groups onto a team by choosing them here (or in ``ROLE_GROUP_NAMES``).
    """

    network_key = models.UUIDField(_("network"), unique=True, help_text=_("The network page's translation key."))
    editors = models.ForeignKey(
        Group,
        verbose_name=_("national editors"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Edit the network page, its events and its stories, and submit them for review."),
    )
    coordinators = models.ForeignKey(
        Group,
        verbose_name=_("coordinators"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Also publish the network's pages, approve its stories and decide its join requests."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the network's images and documents go."),
    )

    class Meta:
        verbose_name = _("network team")
        verbose_name_plural = _("network teams")

    def __str__(self):
        return self.network_title(self.network_key)

    @staticmethod
    def network_title(network_key):
        """The title of the network ``network_key`` in the site's default language (else its first translation):
        what the team, its groups, its collection and its review workflow are named after."""
        pages = list(NetworkPage.objects.filter(translation_key=network_key).order_by("pk").only("title", "locale_id"))
        default = Locale.get_default()
        page = next((p for p in pages if p.locale_id == default.pk), pages[0] if pages else None)
        return page.title if page else str(network_key)

    def get_network_pages(self):
        """Every translation of the team's network page."""
        return NetworkPage.objects.filter(translation_key=self.network_key)
