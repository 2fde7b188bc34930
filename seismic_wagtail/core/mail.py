"""Templated email for the package: one way to write, address and send a message.

:func:`send_templated_mail` renders a subject and a plain-text body (and, when given, an HTML alternative)
from templates in the recipient's language and sends them with Django's ``EmailMultiAlternatives``. The
join-request notification (``networks``) and the consultation's confirmation link (``consultations``) both
go through it; a city overrides what a message says by overriding its templates (same path in the site's own
``templates/`` folder), not the code.

Templates: the subject is one line (newlines and runs of white space in the rendered text become one space,
so a template may wrap); plain-text templates should wrap their content in ``{% autoescape off %}`` so that
``&`` or an apostrophe in a title stays as it is.

What happens when sending fails, the package's one policy: a template that does not render raises (a bug
to see at once); a mail server that refuses or cannot be reached (``smtplib.SMTPException``, ``OSError``)
is logged with its traceback on the ``seismic_wagtail.mail`` logger and the function returns ``0``. The
package sends mail after the visitor's submission is stored, so the visitor gets the page that says so, not
a server error, and the site's logging tells its team that a message did not go out.

The function takes only plain values (addresses, template names, a context of model instances that
templates read), so it can become a background task without changing its callers' templates.
"""

import logging
import smtplib
from contextlib import nullcontext

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger("seismic_wagtail.mail")


def render_subject(template_name, context=None):
    """The rendered subject template as one line: white space (newlines included) folded, ends stripped."""
    return " ".join(render_to_string(template_name, context).split())


def send_templated_mail(
    *,
    to,
    subject_template,
    body_template,
    context=None,
    html_template=None,
    language=None,
    from_email=None,
):
    """Render and send one message to the addresses in ``to``; return how many were sent (``1`` or ``0``).

    ``language``: the language the templates are rendered in (the recipient's: a respondent's answer
    language, the team's working language); ``None`` keeps the active one. ``from_email``: the sender, usually
    a ``SEISMIC_WAGTAIL`` setting such as ``JOIN_REQUEST_FROM_EMAIL``; ``None`` or ``""`` uses Django's
    ``DEFAULT_FROM_EMAIL``. See the module docstring for what happens when sending fails.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    with translation.override(language) if language else nullcontext():
        subject = render_subject(subject_template, context)
        body = render_to_string(body_template, context)
        html = render_to_string(html_template, context) if html_template else None
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email or None, to=recipients)
    if html is not None:
        message.attach_alternative(html, "text/html")
    try:
        return message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send %r to %s", subject, ", ".join(recipients))
        return 0
