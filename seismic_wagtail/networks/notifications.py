"""The notification email to a network's contact address about a new join request."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url

from seismic_wagtail.core.conf import get_setting


def join_request_admin_url(join_request):
    """The full admin URL of the join request (empty when the admin is not routed)."""
    try:
        path = reverse("seismic_networks_joinrequest:edit", args=[join_request.pk])
    except NoReverseMatch:
        return ""
    return (get_admin_base_url() or "") + path


def send_join_request_notification(join_request):
    """Email the network's contact; written in the site's default language (the team's working language)."""
    network = join_request.network
    if not network.contact_email:
        return 0
    from django.conf import settings

    with translation.override(settings.LANGUAGE_CODE):
        context = {"join_request": join_request, "network": network, "admin_url": join_request_admin_url(join_request)}
        subject = " ".join(render_to_string("seismic_wagtail/networks/email/join_request_subject.txt", context).split())
        body = render_to_string("seismic_wagtail/networks/email/join_request_body.txt", context)
    return send_mail(
        subject,
        body,
        get_setting("JOIN_REQUEST_FROM_EMAIL"),
        [network.contact_email],
        fail_silently=True,
    )
