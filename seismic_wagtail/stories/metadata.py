"""What a story tells search engines and social networks: JSON-LD, the share image, the Open Graph locale.

:class:`StoryMetadataMixin` is a base class of :class:`~seismic_wagtail.stories.models.StoryPage`; the
story's head template (``seismic_wagtail/stories/includes/story_head.html``) prints what it returns. Override
:meth:`get_json_ld` in a ``StoryPage`` subclass to add schema.org properties (call ``super()`` and extend
the dict), or set :attr:`~StoryMetadataMixin.share_image_filter` for another crop of the share image.
"""

from django.conf import settings
from django.utils.translation import to_locale

from seismic_wagtail.core.absolute_urls import absolute_url

#: The image rendition used for Open Graph and JSON-LD (1200x630 is what social networks crop to).
SHARE_IMAGE_FILTER = "fill-1200x630"


class StoryMetadataMixin:
    """The story's schema.org ``Article`` (:meth:`get_json_ld`), share image and Open Graph locale."""

    #: The rendition of the hero image that link previews and JSON-LD show.
    share_image_filter = SHARE_IMAGE_FILTER

    def get_share_image_url(self, request=None):
        """The absolute URL of the hero image's :attr:`share_image_filter` rendition (``""`` without one)."""
        if not self.hero_image_id:
            return ""
        rendition = self.hero_image.get_rendition(self.share_image_filter)
        return absolute_url(rendition.url, request)

    def get_og_locale(self):
        """The page's language as an Open Graph locale (``"pt_BR"`` style)."""
        return to_locale(self.locale.language_code)

    def get_json_ld(self, request=None):
        """The schema.org ``Article`` describing this story, as a dict (with ``isBasedOn``, the original's
        address, for a story copied from a partner site)."""
        organisations = [
            {
                "@type": "Organization",
                "name": organisation.name,
                **({"url": organisation.website} if organisation.website else {}),
            }
            for organisation in self.organisations
        ]
        site = self.get_site()
        publisher_name = (site.site_name if site and site.site_name else None) or getattr(
            settings, "WAGTAIL_SITE_NAME", ""
        )
        modified = self.last_published_at or self.latest_revision_created_at or self.first_published_at
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.seo_title or self.title,
            "description": self.search_description or self.summary,
            "url": absolute_url(self, request),
            "mainEntityOfPage": absolute_url(self, request),
            "inLanguage": self.locale.language_code,
            "datePublished": self.first_published_at.isoformat() if self.first_published_at else None,
            "dateModified": modified.isoformat() if modified else None,
            "about": [theme.name for theme in self.themes],
            "contentLocation": {
                "@type": "Place",
                "name": self.city,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": self.city,
                    "addressCountry": self.country.code,
                },
            },
            "wordCount": self.word_count,
            "timeRequired": f"PT{self.reading_time}M",
        }
        image = self.get_share_image_url(request)
        if image:
            data["image"] = image
        if organisations:
            data["author"] = organisations
        if publisher_name:
            data["publisher"] = {"@type": "Organization", "name": publisher_name}
        syndication = self.get_syndication() if hasattr(self, "get_syndication") else None
        if syndication is not None:  # a copy of a partner's story: the original it is based on
            data["isBasedOn"] = syndication.source_url
        return {key: value for key, value in data.items() if value not in (None, "", [])}
