"""Registers the stories app's admin pieces: the syndication viewsets (partners and copied stories), the warning
on a copied story's editor and the dashboard panel of the copies to review."""

from wagtail import hooks

from .admin_views import (
    CHANGE_SYNDICATED_STORY,
    VIEW_SYNDICATED_STORY,
    SyndicationReviewPanel,
    syndication_edit_warning,
)
from .viewsets import SyndicatedStoryViewSet, SyndicationPartnerViewSet


@hooks.register("register_admin_viewset")
def register_syndication_partner_viewset():
    return SyndicationPartnerViewSet()


@hooks.register("register_admin_viewset")
def register_syndicated_story_viewset():
    return SyndicatedStoryViewSet()


@hooks.register("before_edit_page")
def warn_on_editing_a_syndicated_copy(request, page):
    syndication_edit_warning(request, page)


@hooks.register("construct_homepage_panels")
def add_syndication_review_panel(request, panels):
    if request.user.has_perm(VIEW_SYNDICATED_STORY) or request.user.has_perm(CHANGE_SYNDICATED_STORY):
        panels.append(SyndicationReviewPanel())
