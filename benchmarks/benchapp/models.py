"""The benchmark's floors and peers.

- :class:`MinimalSubmission`: the floor of submissions (one form, one row; see ``views.minimal_submit``).
- :class:`HandWrittenStoryIndex`: the story index a Wagtail developer would write by hand, following Wagtail's
  docs (``defer_streamfields``, the card's image renditions prefetched, Django's ``Paginator``).
- :class:`BenchFormPage`: Wagtail's own form builder (``wagtail.contrib.forms``) with the consultation's
  questions: the peer of consultation submissions.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.images import get_image_model
from wagtail.models import Page


class MinimalSubmission(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField()
    answer = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class HandWrittenStoryIndex(Page):
    """Lists the live, public stories under ``listing`` (the package's English story index), newest first,
    12 per page, each as the package's card (image, title, place and period, teaser, themes)."""

    listing = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")

    template = "benchapp/hand_written_story_index.html"
    per_page = 12

    def get_stories(self):
        from seismic_wagtail.stories.models import CARD_IMAGE_FILTER, StoryPage

        return (
            StoryPage.objects.child_of(self.listing)
            .live()
            .public()
            .defer_streamfields()
            .prefetch_related(
                Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER)),
                "story_themes__theme",
            )
            .order_by("-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_stories(), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update({"paginator": paginator, "page_obj": page_obj, "stories": page_obj.object_list})
        return context


class BenchFormField(AbstractFormField):
    page = ParentalKey("BenchFormPage", on_delete=models.CASCADE, related_name="form_fields")


class BenchFormPage(AbstractForm):
    """Wagtail's form builder page (no email): stores a ``FormSubmission`` and renders its landing page."""

    template = "benchapp/bench_form_page.html"
    landing_page_template = "benchapp/bench_form_page_landing.html"
