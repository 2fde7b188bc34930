"""The visitor-facing views of a consultation page (routed by ``ConsultationPage``'s ``RoutablePageMixin``).

* ``""``: the agenda and the form; a POST stores a response (once per submission token).
* ``thanks/``: the thank-you text (after a redirect, so reloading does not post again).
* ``confirm/<signed token>/``: a button that confirms a response (a POST, so link scanners confirm nothing).
* ``results/``: the pooled results, when the editor published them.
"""

from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from seismic_wagtail.core.ratelimit import enforce_rate_limit

from .models import ConsultationStatus


def _render(page, request, template, status=200, **extra):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, template, context, status=status)


def closed_message(page):
    if page.status == ConsultationStatus.UPCOMING:
        return _("This consultation is not open yet. You can respond from %(date)s.") % {"date": _format(page.opens_at)}
    return _("This consultation closed on %(date)s. Responses are no longer accepted.") % {
        "date": _format(page.closes_at)
    }


def _format(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def consultation_view(page, request):
    form = None
    status = 200
    message = ""
    if not page.is_open:
        message = closed_message(page)
        if request.method == "POST":
            status = 403
    elif request.method == "POST":
        limited = enforce_rate_limit(request, "consultation", "CONSULTATION")
        if limited is not None:
            return limited
        form = page.get_form(request.POST)
        if form.is_valid():
            if form.is_bot():
                return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))
            response, created = page.store_response(form)
            pending = not response.confirmed
            if created and pending:
                page.send_confirmation(request, response)
            url = page.url + page.reverse_subpage("thanks")
            return HttpResponseRedirect(url + ("?pending=1" if pending else ""))
    else:
        form = page.get_form()
    return _render(page, request, page.get_template(request), status=status, form=form, closed_message=message)


def thank_you_view(page, request):
    return _render(page, request, page.thank_you_template, pending=request.GET.get("pending") == "1")


def confirm_view(page, request, signed_token):
    error = ""
    confirmed = False
    try:
        if request.method == "POST":
            page.confirm_response(signed_token)
            confirmed = True
        else:
            confirmed = page.get_response_for_confirmation(signed_token).confirmed
    except signing.SignatureExpired:
        error = _("This confirmation link has expired. Please respond to the consultation again.")
    except signing.BadSignature:
        error = _("This confirmation link is not valid.")
    status = 400 if error else 200
    return _render(page, request, page.confirm_template, status=status, confirmed=confirmed, error=error)


def results_view(page, request):
    if not page.results_published:
        raise Http404("The results of this consultation are not published.")
    results = page.get_results(public=True)
    return _render(page, request, page.results_template, results=results)
