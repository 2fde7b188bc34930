"""Page-type assertions for StoryIndexPage and StoryPage, with Wagtail's WagtailPageTestCase."""

from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from seismic_wagtail.stories.models import StoryIndexPage, StoryPage
from tests.factories.core import ImageFactory, OrganisationFactory, ThemeFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


class StoryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Site.objects.get(is_default_site=True).root_page.specific
        cls.index = StoryIndexPageFactory(parent=cls.root, slug="stories")
        cls.theme = ThemeFactory(slug="environment", name="Environment")
        cls.organisation = OrganisationFactory(name="Charles University", organisation_type="university")
        cls.story = StoryPageFactory(
            parent=cls.index,
            title="Repair cafés",
            hero_image=ImageFactory(),
            hero_image_alt="Volunteers fixing a toaster",
            themes=[cls.theme],
            organisations=[cls.organisation],
        )

    def setUp(self):
        self.user = self.login()

    def test_page_tree_rules(self):
        self.assertCanCreateAt(Page, StoryIndexPage)
        self.assertCanCreateAt(StoryIndexPage, StoryPage)
        self.assertCanNotCreateAt(Page, StoryPage)
        self.assertCanNotCreateAt(StoryPage, StoryPage)
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage, StoryIndexPage})  # story sections
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})

    def story_form_data(self, **overrides):
        data = {
            "title": "Community energy shares",
            "slug": "community-energy-shares",
            "summary": "Residents invested in community-owned solar panels.",
            "city": "Bristol",
            "country": "GB",
            "start_year": 2014,
            "end_year": "",
            "hero_image_alt": "",
            "body": streamfield(
                [
                    ("challenge", {"heading": "", "text": rich_text("<p>Fuel poverty.</p>")}),
                    ("approach", {"heading": "", "text": rich_text("<p>Share offers.</p>")}),
                    (
                        "key_figures",
                        {"heading": "", "figures": streamfield([("item", {"value": "£4m", "label": "raised"})])},
                    ),
                ]
            ),
            "story_themes": inline_formset([{"theme": self.theme.pk}]),
            "story_organisations": inline_formset([{"organisation": self.organisation.pk, "role": "evaluation"}]),
            "transfers": inline_formset([{"source_story": self.story.pk, "status": "inspired", "note": ""}]),
            "related_stories": inline_formset([]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_pages_are_routable_renderable_editable_and_previewable(self):
        for page in (self.index, self.story):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsEditable(self.index)
        self.assertPageIsPreviewable(self.index)
        # StreamField editors are rendered by JavaScript, so the story's form data is given explicitly.
        data = self.story_form_data(title="Repair cafés", slug="repair-cafes", transfers=inline_formset([]))
        self.assertPageIsEditable(self.story, post_data=data)
        self.assertPageIsPreviewable(self.story, post_data=data)
        self.assertPageIsRoutable(self.index, "rss.xml/")
        self.assertPageIsRoutable(self.index, "atom/")

    def test_editor_can_create_a_story_with_sections_themes_and_organisations(self):
        self.assertCanCreate(self.index, StoryPage, self.story_form_data())
        story = StoryPage.objects.get(slug="community-energy-shares")
        self.assertEqual([theme.slug for theme in story.themes], ["environment"])
        self.assertEqual(story.story_organisations.get().role, "evaluation")
        self.assertEqual(story.transfers.get().source_story.specific, self.story)
        self.assertEqual([block.block_type for block in story.body], ["challenge", "approach", "key_figures"])

    def test_bad_input_is_reported_beside_the_field_and_nothing_is_stored(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=("seismic_stories", "storypage", self.index.pk))
        data = self.story_form_data(summary="x" * 301, start_year=2016, end_year=2014)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("summary", form.errors)
        self.assertFalse(StoryPage.objects.filter(slug="community-energy-shares").exists())
        response = self.client.post(url, self.story_form_data(end_year=2010))
        self.assertIn("end_year", response.context["form"].errors)
        self.assertEqual(response.context["form"]["title"].value(), "Community energy shares")  # kept

    def test_a_story_cannot_learn_from_itself(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:edit", args=(self.story.pk,))
        data = self.story_form_data(
            title="Repair cafés",
            slug="repair-cafes",
            transfers=inline_formset([{"source_story": self.story.pk, "status": "adapted", "note": ""}]),
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.story.transfers.exists())

    def test_story_page_shows_sections_meta_and_head_tags(self):
        response = self.client.get(self.story.url)
        html = response.content.decode()
        self.assertContains(response, "<h1>Repair cafés</h1>", html=True)
        self.assertContains(response, "<h2>The challenge</h2>", html=True)
        self.assertContains(response, "<h2>What we did</h2>", html=True)  # editor's heading wins
        self.assertContains(response, "<h2>Lessons and transferability</h2>", html=True)
        self.assertContains(response, "<dt>shops reopened</dt>", html=True)
        self.assertIn('alt="Volunteers fixing a toaster"', html)
        self.assertIn('<link rel="canonical" href="http://testserver/stories/repair-cafes/">', html)
        self.assertIn('<meta property="og:type" content="article">', html)
        self.assertIn('<meta property="og:title" content="Repair cafés">', html)
        self.assertIn('<meta property="og:locale" content="en">', html)
        self.assertIn('<meta property="og:image" content="http://testserver/', html)
        self.assertIn('<script type="application/ld+json">', html)
        self.assertIn("Charles University", html)
        self.assertIn('href="/stories/?theme=environment"', html)

    def test_json_ld_article(self):
        data = self.story.get_json_ld()
        self.assertEqual(data["@type"], "Article")
        self.assertEqual(data["headline"], "Repair cafés")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["datePublished"], self.story.first_published_at.isoformat())
        self.assertIn("dateModified", data)
        self.assertTrue(data["image"].startswith("http://localhost/"))
        self.assertEqual(
            data["author"], [{"@type": "Organization", "name": "Charles University", "url": "https://example.org/"}]
        )
        self.assertEqual(data["publisher"]["name"], "SEiSMiC test site")

    def test_json_ld_is_escaped_for_html(self):
        self.story.title = "</script><script>alert(1)</script>"
        script = self.story.json_ld_script()
        self.assertEqual(script.count("</script>"), 1)
        self.assertIn("\\u003C/script\\u003E", script)


class StoryIndexTemplateTests(WagtailPageTestCase):
    def test_index_head_has_canonical_and_feed_links(self):
        root = Site.objects.get(is_default_site=True).root_page
        index = StoryIndexPageFactory(parent=root, slug="stories")
        response = self.client.get(index.url + "?country=AT")
        html = response.content.decode()
        self.assertIn('<link rel="canonical" href="http://testserver/stories/">', html)
        self.assertIn('href="/stories/rss.xml?country=AT"', html)
        self.assertIn('<meta name="robots" content="noindex, follow">', html)
        self.assertIn('<label for="seismic-story-q">', html)
        self.assertEqual(Locale.get_default().language_code, "en")
