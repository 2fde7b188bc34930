"""The visitor-facing views of a consultation page (routed by ``ConsultationPage``'s ``RoutablePageMixin``).

* ``""``: the agenda and the form; a POST stores a response (once per submission token).
* ``thanks/``: the thank-you text (after a redirect, so reloading does not post again).
* ``confirm/<signed token>/``: a button that confirms a response (a POST, so link scanners confirm nothing).
* ``results/``: the pooled results, when the editor published them.
* ``results/answers/<question id>/``: one free-text question's published answers, paged and filtered.
* ``results.csv`` / ``results.json`` (or ``results/csv/``, ``results/json/``): the results as open data, once
  closed and published (:mod:`.open_data`).

Both results views take ``?translate=1`` to show the free-text answers machine-translated into the page's
language (:mod:`.machine_translation`).
"""

from django.core import signing
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from seismic_wagtail.core.formats import format_datetime
from seismic_wagtail.core.i18n import language_name
from seismic_wagtail.core.ratelimit import enforce_rate_limit

from .machine_translation import translate_answers, translator_available
from .models import ConsultationStatus
from .open_data import csv_response, json_response, open_data_available, open_data_links
from .questions import TEXT
from .results import text_answer_page
from .tasks import queue_confirmation_mail

#: The script that makes the results' ranking tables sortable (the tables work, server-ordered, without it).
SORTABLE_TABLE_SCRIPT = "seismic_wagtail/consultations/sortable-table.js"
#: The template of one free-text question's answers; a page class overrides it with ``results_answers_template``.
RESULTS_ANSWERS_TEMPLATE = "seismic_wagtail/consultations/consultation_results_answers.html"


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
    return format_datetime(value)  # in the site's time zone, named: seismic_wagtail.core.formats


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
            # The request's site root paths (cached on the request by Wagtail's routing), not a cache look-up.
            url = page.get_url(request) + page.reverse_subpage("thanks")
            if form.is_bot():
                return HttpResponseRedirect(url)
            response, created = page.store_response(form)
            pending = not response.confirmed
            if created and pending:
                queue_confirmation_mail(page, request, response)
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


#: The query parameters of the results pages that "Show in my language" and "Show as written" keep.
KEPT_PARAMETERS = ("language", "country", "respondent_type", "page")


def _translation_context(page, request, answers):
    """What the results templates need for "Show in my language": translate when ``?translate=1`` asks.

    The answers are translated into the page's language (the language version the visitor reads). A failed
    or missing translator leaves them as written, with ``translation_notice`` saying so.
    """
    target = page.locale.language_code
    translate = request.GET.get("translate") == "1"
    notice = translate_answers(answers, target) if translate and answers else ""
    foreign = any(answer.language and answer.language != target for answer in answers)
    keep = [(name, request.GET[name][:64]) for name in KEPT_PARAMETERS if request.GET.get(name)]
    query = QueryDict(mutable=True)
    for name, value in keep:
        query[name] = value
    return {
        "translate": translate,
        "can_translate": foreign and translator_available(),
        "translation_notice": notice,
        "target_language": target,
        "target_language_name": language_name(target),
        "keep_params": keep,
        "keep_query": query.urlencode(),
    }


def sortable_table_script():
    """The ``<script>`` of the sortable ranking table, for ``{% seismic_nonced %}`` (a nonce when the site
    uses django-csp, so it also runs where the static files come from another origin)."""
    return format_html('<script src="{}" defer></script>', static(SORTABLE_TABLE_SCRIPT))


def results_view(page, request):
    if not page.results_published:
        raise Http404("The results of this consultation are not published.")
    results = page.get_results(public=True)
    answers = [answer for result in results.questions for answer in result.texts]
    return _render(
        page,
        request,
        page.results_template,
        results=results,
        open_data=open_data_links(page, request),
        sortable_table_script=sortable_table_script(),
        **_translation_context(page, request, answers),
    )


def results_answers_view(page, request, question_id):
    """All published answers to one free-text question: ``?language=``, ``?country=``, ``?respondent_type=``
    filter them, ``?page=`` pages them (:func:`.results.text_answer_page`), ``?translate=1`` translates them."""
    if not page.results_published:
        raise Http404("The results of this consultation are not published.")
    question = next((q for q in page.question_list if q.id == question_id and q.kind == TEXT), None)
    if question is None:
        raise Http404("No such free-text question.")
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    answer_page = text_answer_page(question, page.translation_key, languages, request.GET)
    translate = "1" if request.GET.get("translate") == "1" else None
    return _render(
        page,
        request,
        getattr(page, "results_answers_template", RESULTS_ANSWERS_TEMPLATE),
        question=question,
        answer_page=answer_page,
        previous_query=answer_page.querystring(page=answer_page.number - 1, translate=translate),
        next_query=answer_page.querystring(page=answer_page.number + 1, translate=translate),
        **_translation_context(page, request, answer_page.answers),
    )


def results_data_view(page, request, data_format):
    """The results as open data: ``data_format`` ``"csv"`` or ``"json"`` (:mod:`.open_data`); 404 unless the
    results are published and the consultation closed."""
    if not open_data_available(page):
        raise Http404("The results of this consultation are not published as open data.")
    return json_response(page, request) if data_format == "json" else csv_response(page, request)
