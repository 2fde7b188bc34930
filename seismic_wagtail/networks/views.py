"""The visitor-facing views of a network page: its join form (routed by ``NetworkPage``'s ``RoutablePageMixin``).

* ``join/``: the form; a valid POST stores a :class:`~seismic_wagtail.networks.models.NetworkJoinRequest`
  and redirects to the thank-you page.
* ``join/thanks/``: the thank-you text (after a redirect, so reloading does not post again).

The routes stay on the page (``NetworkPage.join`` and ``NetworkPage.join_thanks``) and hand over to these
functions. What a city changes is on the page: ``get_join_form_class()``, ``send_join_notification()``,
``join_template`` and ``join_thanks_template``.
"""

from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from seismic_wagtail.core.ratelimit import enforce_rate_limit

from .tasks import queue_join_notification


def join_view(page, request):
    """The join form of ``page`` (a ``NetworkPage``); on a valid submission store the request and redirect.

    Closed forms redirect to the network page. Every POST, valid or not, counts against the client's rate
    limit (``JOIN_REQUEST_RATE_LIMIT`` per ``JOIN_REQUEST_RATE_PERIOD``). A bot (the honeypot field filled
    in) gets the thank-you page and nothing is stored; so does a repeat of the same form (its submission token).
    The contact is notified by a background task queued once the request is committed (:mod:`.tasks`).
    """
    if not page.join_requests_open:
        return redirect(page.get_url(request))
    form_class = page.get_join_form_class()
    if request.method == "POST":
        limited = enforce_rate_limit(request, "network-join", "JOIN_REQUEST")
        if limited is not None:
            return limited
        form = form_class(request.POST, network=page)
        if form.is_valid():
            if not form.is_bot():
                store_join_request(page, form, request)
            return redirect(page.get_url(request) + page.reverse_subpage("join_thanks"))
    else:
        form = form_class(network=page)
    return page.render(request, template=page.join_template, context_overrides={"form": form})


def store_join_request(page, form, request):
    """Save the valid ``form``'s join request once per submission token and, when the page asks for it, notify
    the contact (a background task queued after commit). A repeat of a stored token (a double click, a resent POST, a concurrent request
    caught by the unique constraint) stores and notifies nothing and returns the stored request."""
    model = type(form.instance)
    join_request = form.save(commit=False)
    with transaction.atomic():
        existing = model.objects.filter(token=join_request.token).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                join_request.save()
        except IntegrityError:  # the same token stored by a concurrent request
            return model.objects.get(token=join_request.token)
        if page.notify_contact_of_join_requests and page.contact_email:
            queue_join_notification(page, join_request)
    return join_request


def join_thanks_view(page, request):
    """The thank-you page after a join request."""
    return page.render(request, template=page.join_thanks_template)
