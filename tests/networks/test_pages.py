"""Wagtail's page test assertions for the three page types of the networks app."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from seismic_wagtail.networks.models import EventPage, NetworkIndexPage, NetworkMember, NetworkPage
from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.networks import (
    EventPageFactory,
    NetworkCoordinatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
)
from tests.testapp.models import SimpleTestPage

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


class NetworkPageTypesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Site.objects.get(is_default_site=True).root_page
        cls.index = NetworkIndexPageFactory(parent=cls.root, slug="networks")
        cls.network = NetworkPageFactory(parent=cls.index, title="SEiSMiC Belgium", slug="belgium", country="BE")
        cls.coordinator = NetworkCoordinatorFactory(page=cls.network).organisation
        NetworkMemberFactory(page=cls.network, person_name="An Peeters")
        cls.event = EventPageFactory(parent=cls.network, title="Kick-off in Brussels", slug="kick-off")
        cls.theme = ThemeFactory(name="Urban mobility", slug="mobility")

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
        self.client.force_login(self.user)

    # Where pages can go --------------------------------------------------------------------------

    def test_page_tree_rules(self):
        self.assertCanCreateAt(Page, NetworkIndexPage)
        self.assertCanCreateAt(SimpleTestPage, NetworkIndexPage)  # under any page of an existing site
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {NetworkPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(Page, EventPage)

    # Routable and renderable ---------------------------------------------------------------------

    def test_routable_and_renderable(self):
        for page in (self.index, self.network, self.event):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.network, "join/")
        self.assertPageIsRenderable(self.network, "join/")
        self.assertPageIsRenderable(self.network, "join/thanks/")
        self.assertPageIsRoutable(self.network, "calendar.ics")
        self.assertPageIsRoutable(self.event, "event.ics")

    def test_previewable(self):
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsPreviewable(self.event)
        self.assertPageIsPreviewable(self.network, post_data=self.network_edit_data(self.network.members.get()))

    # Created and edited with real form data ------------------------------------------------------

    def test_create_network_index(self):
        self.assertCanCreate(
            self.root,
            NetworkIndexPage,
            nested_form_data({"title": "National networks", "intro": rich_text("<p>Ten countries.</p>")}),
        )
        index = NetworkIndexPage.objects.get(slug="national-networks")
        self.assertIn("Ten countries.", index.intro)

    def test_create_network_page_with_coordinators_themes_members_and_body(self):
        organisation = OrganisationFactory(name="Vlaamse Instelling voor Technologisch Onderzoek", acronym="VITO")
        data = nested_form_data(
            {
                "title": "SEiSMiC Flanders",
                "country": "BE",
                "intro": "Urban actors in Flanders.",
                "body": streamfield(
                    [("heading", "What we do"), ("paragraph", rich_text("<p>We meet four times a year.</p>"))]
                ),
                "contact_name": "Network office",
                "contact_email": "flanders@example.org",
                "join_requests_open": "on",
                "join_intro": rich_text(""),
                "privacy_text": rich_text(""),
                "coordinators": inline_formset([{"organisation": organisation.pk}]),
                "network_themes": inline_formset([{"theme": self.theme.pk}]),
                "members": inline_formset(
                    [
                        {
                            "organisation": organisation.pk,
                            "person_name": "",
                            "role": "Partner",
                            "project_title": "Living lab Genk",
                            "project_description": "A living lab on energy.",
                            "city": "Genk",
                            "show_publicly": "on",
                        },
                        {
                            "organisation": "",
                            "person_name": "Els Janssens",
                            "role": "Citizen",
                            "project_title": "Repair café",
                            "project_description": "",
                            "city": "Gent",
                        },
                    ]
                ),
            }
        )
        self.assertCanCreate(self.index, NetworkPage, data)
        page = NetworkPage.objects.get(slug="seismic-flanders")
        self.assertEqual(page.country.code, "BE")
        self.assertEqual(page.get_coordinators(), [organisation])
        self.assertEqual(page.get_themes(), [self.theme])
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        members = list(page.members.order_by("sort_order"))
        self.assertEqual([m.display_name for m in members], [str(organisation), "Els Janssens"])
        self.assertEqual([m.show_publicly for m in members], [True, False])
        self.assertTrue(all(m.locale_id == page.locale_id for m in members))

    def test_member_needs_an_organisation_or_a_person(self):
        data = nested_form_data(
            {
                "title": "SEiSMiC Wallonia",
                "country": "BE",
                "join_intro": rich_text(""),
                "privacy_text": rich_text(""),
                "body": streamfield([]),
                "coordinators": inline_formset([]),
                "network_themes": inline_formset([]),
                "members": inline_formset([{"organisation": "", "person_name": "", "role": "Somebody"}]),
                "action-publish": "action-publish",
                "slug": "seismic-wallonia",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["seismic_networks", "networkpage", self.index.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NetworkPage.objects.filter(slug="seismic-wallonia").exists())
        self.assertContains(response, "Choose an organisation or give the name of the person")
        self.assertFalse(NetworkMember.objects.filter(role="Somebody").exists())

    def test_create_event_page_in_its_time_zone(self):
        data = nested_form_data(
            {
                "title": "Workshop on shared spaces",
                "start": "2026-03-28 18:00",
                "end": "2026-03-29 12:00",
                "time_zone": "Europe/Brussels",
                "venue": "De Singel",
                "address": "Desguinlei 25, Antwerpen",
                "online_url": "https://meet.example.org/workshop",
                "registration_url": "https://example.org/register",
                "description": rich_text("<p>Two days across the DST change.</p>"),
            }
        )
        self.assertCanCreate(self.network, EventPage, data)
        event = EventPage.objects.get(slug="workshop-on-shared-spaces")
        # The admin reads times in the editor's time zone (the site's, Europe/Brussels, here).
        self.assertEqual(event.start, datetime.datetime(2026, 3, 28, 18, tzinfo=BRUSSELS))
        self.assertEqual(event.end, datetime.datetime(2026, 3, 29, 12, tzinfo=BRUSSELS))
        self.assertEqual(event.end - event.start, datetime.timedelta(hours=17))  # one hour lost to DST

    def test_event_end_before_start_is_refused(self):
        data = nested_form_data(
            {
                "title": "Backwards",
                "slug": "backwards",
                "start": "2026-05-02 18:00",
                "end": "2026-05-02 17:00",
                "time_zone": "Europe/Brussels",
                "description": rich_text(""),
                "action-publish": "action-publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["seismic_networks", "eventpage", self.network.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The end must not be before the start.")
        self.assertFalse(EventPage.objects.filter(slug="backwards").exists())

    def test_event_unknown_time_zone_is_refused(self):
        data = nested_form_data(
            {
                "title": "Nowhere",
                "slug": "nowhere",
                "start": "2026-05-02 18:00",
                "end": "2026-05-02 19:00",
                "time_zone": "Mars/Olympus_Mons",
                "description": rich_text(""),
                "action-publish": "action-publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["seismic_networks", "eventpage", self.network.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(EventPage.objects.filter(slug="nowhere").exists())

    def network_edit_data(self, member):
        return nested_form_data(
            {
                "title": "SEiSMiC Belgium",
                "slug": "belgium",
                "country": "BE",
                "intro": "Changed intro.",
                "body": streamfield([("quote", {"quote": "Cities learn from each other.", "attribution": "A member"})]),
                "contact_email": "belgium@example.org",
                "join_intro": rich_text(""),
                "privacy_text": rich_text("<p>Our notice.</p>"),
                "coordinators": inline_formset(
                    [{"id": self.network.coordinators.get().pk, "organisation": self.coordinator.pk}], initial=1
                ),
                "network_themes": inline_formset([]),
                "members": inline_formset(
                    [{"id": member.pk, "person_name": "An Peeters", "role": "Coordinator", "show_publicly": ""}],
                    initial=1,
                ),
                "action-publish": "action-publish",
            }
        )

    def test_editable(self):
        # The edit form's HTML holds every field of these two, so Wagtail extracts the POST data from it.
        self.assertPageIsEditable(self.index)
        self.assertPageIsEditable(self.event)
        # A StreamField is rendered by JavaScript: the network page gets its form data spelled out.
        self.assertPageIsEditable(self.network, post_data=self.network_edit_data(self.network.members.get()))

    def test_edit_network_page_with_real_form_data(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.network.pk])
        member = self.network.members.get()
        response = self.client.post(url, self.network_edit_data(member))
        self.assertRedirects(
            response, reverse("wagtailadmin_explore", args=[self.index.pk]), fetch_redirect_response=False
        )
        page = NetworkPage.objects.get(pk=self.network.pk)
        self.assertEqual(page.intro, "Changed intro.")
        self.assertEqual(page.contact_email, "belgium@example.org")
        member.refresh_from_db()
        self.assertEqual((member.role, member.show_publicly), ("Coordinator", False))
