"""The page type in Wagtail's editor."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from seismic_wagtail.consultations.models import ConsultationPage
from tests.factories.consultations import ConsultationPageFactory


@pytest.mark.django_db
class TestConsultationPageInAdmin(WagtailPageTestCase):
    def setUp(self):
        self.root = Page.objects.get(depth=2)
        self.user = self.login()

    def test_can_be_created_under_any_page(self):
        self.assertCanCreateAt(Page, ConsultationPage)

    def test_editor_creates_a_consultation_with_questions(self):
        self.assertCanCreate(
            self.root,
            ConsultationPage,
            nested_form_data(
                {
                    "title": "Agenda 2030",
                    "slug": "agenda-2030",
                    "intro": rich_text("Tell us what matters."),
                    "agenda": streamfield(
                        [("section", {"heading": "Mobility", "theme": "", "text": rich_text("Getting around.")})]
                    ),
                    "opens_at": "2030-01-01 09:00",
                    "closes_at": "2030-02-01 09:00",
                    "questions": streamfield(
                        [
                            (
                                "text",
                                {"question": "What is missing?", "help_text": "", "required": "", "max_length": 500},
                            )
                        ]
                    ),
                    "privacy_notice": rich_text("We keep responses for a year."),
                    "thank_you_text": rich_text("Thanks!"),
                    "results_visibility": "after_closing",
                    "results_licence": "CC-BY-4.0",
                }
            ),
        )
        page = ConsultationPage.objects.get(slug="agenda-2030")
        assert page.status == "upcoming"
        assert page.get_questions()[0].max_length == 500

    def test_page_is_routable_renderable_and_editable(self):
        page = ConsultationPageFactory(parent=self.root, slug="editable")
        self.assertPageIsRoutable(page)
        self.assertPageIsRoutable(page, "thanks/")
        self.assertPageIsRenderable(page)
        # The editor opens (the POST side is covered by the creation test above).
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert "Consultation period" in response.content.decode()


@pytest.mark.django_db
def test_closing_must_come_after_opening(root_page):
    import datetime

    from django.core.exceptions import ValidationError

    page = ConsultationPageFactory(parent=root_page)
    page.closes_at = page.opens_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "closes_at" in error.value.message_dict
