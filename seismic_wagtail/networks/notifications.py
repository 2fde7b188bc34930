"""The notification email to a network's contact address about a new join request."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.admin.utils import get_admin_base_url

from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.mail import send_templated_mail


def join_request_admin_url(join_request):
    """The full admin URL of the join request (empty when the admin is not routed)."""
    try:
        path = reverse("seismic_networks_joinrequest:edit", args=[join_request.pk])
    except NoReverseMatch:
        return ""
    return (get_admin_base_url() or "") + path


def send_join_request_notification(join_request):
    """Email the network's contact; written in the site's default language (the team's working language).

    Sent from ``SEISMIC_WAGTAIL["JOIN_REQUEST_FROM_EMAIL"]`` (else ``DEFAULT_FROM_EMAIL``). Returns the
    number of messages sent (see :mod:`seismic_wagtail.core.mail` for failures).
    """
    network = join_request.network
    return send_templated_mail(
        to=[network.contact_email],
        subject_template="seismic_wagtail/networks/email/join_request_subject.txt",
        body_template="seismic_wagtail/networks/email/join_request_body.txt",
        context={"join_request": join_request, "network": network, "admin_url": join_request_admin_url(join_request)},
        language=settings.LANGUAGE_CODE,
        from_email=get_setting("JOIN_REQUEST_FROM_EMAIL"),
    )
