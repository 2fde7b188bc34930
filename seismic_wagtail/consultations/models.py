"""Agenda consultations: the page, its responses and their answers.

A :class:`ConsultationPage` is translated with wagtail-localize; every language version shares the page's
``translation_key``. Responses are stored against that key (:attr:`ConsultationResponse.consultation_key`),
so the answers given on the English, Swedish and Turkish versions pool into one result. Each answer is a row
of :class:`ConsultationAnswer` keyed by the question's StreamField block id (the same in every translation)
and, for choices, by the choice's language-independent key, so results are one ``GROUP BY`` in the database.
"""

import base64
import uuid

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from seismic_wagtail.core.api_fields import SubpageUrlField
from seismic_wagtail.core.conf import get_setting
from seismic_wagtail.core.mail import send_templated_mail
from seismic_wagtail.core.pages import SeismicPageMixin

from .blocks import AgendaBlock, QuestionsBlock
from .questions import MULTIPLE, QUESTION_LISTS, RANKING, RATING, SINGLE, TEXT, get_questions, questions_fingerprint
from .synchronization import SYNCHRONIZED_FIELDS, governing_page, merge_questions


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ResultsVisibility(models.TextChoices):
    HIDDEN = "hidden", _("Not published")
    LIVE = "live", _("Published while open and after closing")
    AFTER_CLOSING = "after_closing", _("Published after closing")


class ResultsLicence(models.TextChoices):
    """The licences a consultation's open data can carry (SPDX identifiers); :data:`.open_data.LICENCES` gives
    each one's short name and deed URL. A site adds one by overriding both (and a migration of its own)."""

    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA_4 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    CC0_1 = "CC0-1.0", _("Creative Commons Zero 1.0 (CC0 1.0): no rights reserved")


class RespondentType(models.TextChoices):
    """Who responds, as on the EU "Have your say" portal."""

    CITIZEN = "citizen", _("Citizen")
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
    ACADEMIC = "academic", _("Academic or research institution")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


#: Respondent types that answer on behalf of an organisation (the organisation name is then required).
ORGANISATION_TYPES = frozenset(
    {
        RespondentType.CIVIL_SOCIETY,
        RespondentType.ACADEMIC,
        RespondentType.PUBLIC_AUTHORITY,
        RespondentType.BUSINESS,
    }
)


class PublicationConsent(models.TextChoices):
    PUBLIC = "public", _("Publish my response with my name")
    ANONYMOUS = "anonymous", _("Publish my response anonymously")
    PRIVATE = "private", _("Do not publish my response")


#: The consents under which a respondent's free-text answers may appear publicly (once approved in moderation).
PUBLISHED_CONSENTS = (PublicationConsent.PUBLIC, PublicationConsent.ANONYMOUS)


class ModerationStatus(models.TextChoices):
    """Where a free-text answer stands in moderation. Only approved answers (whose respondent agreed to
    publication) appear on the public results page; every answer counts in the statistics whatever its status."""

    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


CONFIRMATION_SALT = "seismic_wagtail.consultations.confirm"


class ConsultationPage(SeismicPageMixin, RoutablePageMixin, Page):
    """An agenda put out for consultation, with its questions, in any number of languages.

    Extension points, as on Wagtail's ``AbstractForm``: :meth:`get_questions` (with
    :meth:`get_questions_cache_key`), :meth:`get_form_class`, :meth:`get_form`, :meth:`get_response`,
    :meth:`store_response`, :meth:`send_confirmation`, :meth:`get_results`.
    """

    intro = RichTextField(_("introduction"), blank=True)
    agenda = StreamField(
        AgendaBlock(),
        blank=True,
        verbose_name=_("agenda"),
        help_text=_("The agenda put out for consultation, section by section."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    questions = StreamField(QuestionsBlock(), blank=True, verbose_name=_("questions"))
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        help_text=_("Who processes the responses, why, for how long, and how respondents can have them erased."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    outcome = RichTextField(
        _("outcome"),
        blank=True,
        help_text=_(
            "After the consultation closes: what was heard and what changed as a result. Shown above the results; "
            "respondents who asked to be told are emailed when it is first published."
        ),
    )
    require_confirmation = models.BooleanField(
        _("confirm by email"),
        default=False,
        help_text=_("Respondents give an email address; a response counts only once its link is followed."),
    )
    results_visibility = models.CharField(
        _("public results"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.HIDDEN,
    )
    results_licence = models.CharField(
        _("licence of the results data"),
        max_length=20,
        choices=ResultsLicence.choices,
        default=ResultsLicence.CC_BY_4,
        help_text=_("Once closed, published results are offered as CSV and JSON under this licence."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep responses for (days)"),
        null=True,
        blank=True,
        help_text=_("Responses older than this are deleted by the seismic_purge_responses command. Empty: keep."),
    )

    template = "seismic_wagtail/consultations/consultation_page.html"
    stylesheets = ["seismic_wagtail/consultations/consultations.css"]
    results_template = "seismic_wagtail/consultations/consultation_results.html"
    thank_you_template = "seismic_wagtail/consultations/consultation_thank_you.html"
    confirm_template = "seismic_wagtail/consultations/consultation_confirm.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading=_("Consultation period"),
        ),
        FieldPanel("questions"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        FieldPanel("outcome"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("require_confirmation"),
                FieldPanel("results_visibility"),
                FieldPanel("results_licence"),
                FieldPanel("retention_days"),
            ],
            heading=_("Responses"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("closes_at", overridable=False),
        SynchronizedField("require_confirmation", overridable=False),
        SynchronizedField("results_visibility", overridable=False),
        SynchronizedField("results_licence", overridable=False),
        SynchronizedField("retention_days", overridable=False),
    ]

    #: The read API's fields (``seismic_wagtail.consultations.api``). The dates and the phase follow the
    #: translation source; the results are aggregates only, in the detail (``results``), when published.
    api_fields = [
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("status"),
        APIField("questions_count"),
        APIField("results_published"),
        APIField("results_url", serializer=SubpageUrlField("results", when="results_published")),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})

    # --- the source's settings govern every language copy (see synchronization.py) ---------------------

    @cached_property
    def translation_source_page(self):
        """The page this language copy was translated from (the original source, following a copy of a
        copy), or ``self``. Cached on the instance: one query for a source, two for a copy."""
        return governing_page(self)

    def apply_source_settings(self):
        """Take the phase and the other synchronised settings (``opens_at``, ``closes_at``,
        ``require_confirmation``, ``results_visibility``, ``retention_days``, ``results_licence``) from the translation source, on
        this instance (nothing is saved). Called by :meth:`serve`, :meth:`get_status` and
        :meth:`get_form_class`, so a copy whose editors never clicked "Sync translated pages" still opens and
        closes with its source. Override to opt a page type out (``pass``)."""
        if self.__dict__.get("_source_settings_applied"):
            return
        self.__dict__["_source_settings_applied"] = True
        source = self.translation_source_page
        if source is self:
            return
        for name in SYNCHRONIZED_FIELDS:
            setattr(self, name, getattr(source, name))

    def serve(self, request, *args, **kwargs):
        self.apply_source_settings()
        return super().serve(request, *args, **kwargs)

    # --- status -----------------------------------------------------------------------------------------

    def get_status(self, now=None):
        self.apply_source_settings()
        now = now or timezone.now()
        if now < self.opens_at:
            return ConsultationStatus.UPCOMING
        if now >= self.closes_at:
            return ConsultationStatus.CLOSED
        return ConsultationStatus.OPEN

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return ConsultationStatus(self.status).label

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    @property
    def results_published(self):
        self.apply_source_settings()
        if self.results_visibility == ResultsVisibility.LIVE:
            return self.status != ConsultationStatus.UPCOMING
        if self.results_visibility == ResultsVisibility.AFTER_CLOSING:
            return self.status == ConsultationStatus.CLOSED
        return False

    # --- questions and form -----------------------------------------------------------------------------

    @cached_property
    def question_list(self):
        """The questions (:meth:`get_questions`), parsed once per content of the page (and of its translation
        source) and process: memoised under :attr:`questions_cache_key`. The :class:`~.questions.Question`
        objects are shared between requests: read them, never change them."""
        key = self.questions_cache_key
        if key is None:
            return self.get_questions()
        return list(QUESTION_LISTS.get_or_set(key, self.get_questions))

    @property
    def questions_count(self):
        """How many questions the consultation asks (those of its translation source), for the read API."""
        return len(self.question_list)

    def get_questions(self):
        """The questions of this language version (see :func:`.questions.get_questions`).

        A translated copy asks its source's questions (ids, kinds, choice keys, limits) with its own labels
        where it has them and the source's text otherwise (:func:`.synchronization.merge_questions`), so a
        copy whose translation lags behind never takes answers to a different set of questions.

        The result is memoised per process under :meth:`get_questions_cache_key`: an override that reads
        anything else must extend that key too (or make it return ``None``)."""
        source = self.translation_source_page
        if source is self:
            return get_questions(self)
        return merge_questions(get_questions(source), get_questions(self))

    def get_questions_cache_key(self):
        """The key the parsed questions and the form class of this page are memoised under (per process, a
        bounded LRU), or ``None`` to build them on every request.

        It names everything :meth:`get_questions` reads: the page class, the page, a digest of its questions
        and agenda as stored (:func:`.questions.questions_fingerprint`, which includes the names of the themes
        rated) and the same for the translation source a copy follows. A new publish of the page or of its
        source, or any other change of what they store, gives a new key, so a stale hit is impossible in any
        worker. Override to add what an overridden :meth:`get_questions` or :meth:`get_form_class` reads."""
        source = self.translation_source_page
        key = (type(self), self.pk, self.locale_id, questions_fingerprint(self))
        if source is not self:
            key += (source.pk, questions_fingerprint(source))
        return key

    @cached_property
    def questions_cache_key(self):
        """:meth:`get_questions_cache_key`, computed once per instance (that is, per request)."""
        return self.get_questions_cache_key()

    def get_form_class(self):
        """The form class of this language version: :func:`.forms.build_form_class`, built once per
        :attr:`questions_cache_key` and language and memoised per process (:func:`.forms.cached_form_class`).
        Override to use a subclass of :class:`.forms.ConsultationForm` (pass it as ``base``)."""
        from .forms import cached_form_class  # at call time: forms.py imports this module's choices

        self.apply_source_settings()
        return cached_form_class(self)

    def get_form(self, *args, **kwargs):
        """A form bound to this page (``page=self``: the instance reads this request's page, never the one
        its memoised class was built with)."""
        from .forms import ConsultationForm  # at call time: forms.py imports this module's choices

        form_class = self.get_form_class()
        if issubclass(form_class, ConsultationForm):
            kwargs.setdefault("page", self)
        return form_class(*args, **kwargs)

    def responses(self):
        """Every response to this consultation, in every language (confirmed or not)."""
        return ConsultationResponse.objects.filter(consultation_key=self.translation_key)

    def get_response(self, form):
        """The unsaved :class:`ConsultationResponse` of a valid form (override to store more fields)."""
        data = form.cleaned_data
        return ConsultationResponse(
            consultation_key=self.translation_key,
            page=self,
            locale_id=self.locale_id,
            token=data["submission_token"],
            respondent_type=data["respondent_type"],
            country=data["country"],
            city=data.get("city", ""),
            organisation_name=data.get("organisation_name", ""),
            name=data.get("name", ""),
            email=data.get("email", ""),
            consent=data["consent"],
            notify_outcome=data.get("notify_outcome", False),
            confirmed=not self.require_confirmation,
            confirmed_at=None if self.require_confirmation else timezone.now(),
        )

    def store_response(self, form):
        """Store a valid form's response once per submission token. Returns ``(response, created)``.

        One transaction (a savepoint inside a host's ``ATOMIC_REQUESTS``): the response's ``INSERT`` and its
        answers' bulk ``INSERT``, nothing read first. The unique constraint on the token decides duplicates
        (a reload, a double click, a concurrent retry): on its ``IntegrityError`` everything is rolled back
        and the response stored first is returned with ``created=False``. Any other error stores nothing
        and propagates."""
        response = self.get_response(form)
        rows = answer_rows(response, self.question_list, form.cleaned_data)
        try:
            with transaction.atomic():
                response.save(force_insert=True)
                ConsultationAnswer.objects.bulk_create(rows)
        except IntegrityError:
            existing = self.responses().filter(token=response.token).first()
            if existing is None:  # not the token's constraint: a real error
                raise
            return existing, False
        return response, True

    # --- email confirmation -----------------------------------------------------------------------------

    def make_confirmation_token(self, response):
        """A signed, timestamped token naming the response, encoded to fit Wagtail's URL path pattern
        (letters, digits, ``-`` and ``_`` only)."""
        signed = signing.TimestampSigner(salt=CONFIRMATION_SALT).sign(str(response.token))
        return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")

    def get_confirmation_url(self, request, response):
        relative = self.url + self.reverse_subpage("confirm", args=[self.make_confirmation_token(response)])
        return request.build_absolute_uri(relative) if request is not None else self.full_url

    def send_confirmation(self, request, response, confirm_url=None):
        """Email the respondent the link that makes the response count, in the language they answered in.

        Called by the background task :func:`.tasks.send_confirmation_mail` (the form's view queues it once
        the response is committed, with ``confirm_url`` built from the visitor's request). Sent from ``SEISMIC_WAGTAIL["CONSULTATION_FROM_EMAIL"]`` (else ``DEFAULT_FROM_EMAIL``) with the
        templates ``email/confirm_subject.txt`` and ``email/confirm_body.txt``; returns the number of messages
        sent (see :mod:`seismic_wagtail.core.mail` for failures).
        """
        return send_templated_mail(
            to=[response.email],
            subject_template="seismic_wagtail/consultations/email/confirm_subject.txt",
            body_template="seismic_wagtail/consultations/email/confirm_body.txt",
            context={
                "page": self,
                "response": response,
                "confirm_url": confirm_url or self.get_confirmation_url(request, response),
                "max_age_days": get_setting("CONSULTATION_CONFIRMATION_MAX_AGE") // 86400,
            },
            language=self.locale.language_code,
            from_email=get_setting("CONSULTATION_FROM_EMAIL"),
        )

    def get_response_for_confirmation(self, signed_token):
        """The response a confirmation token names. Raises ``signing.BadSignature`` (or its subclass
        ``signing.SignatureExpired``) for a bad or expired link."""
        try:
            signed = base64.urlsafe_b64decode(signed_token + "=" * (-len(signed_token) % 4)).decode()
        except (ValueError, UnicodeDecodeError) as exc:
            raise signing.BadSignature("not a token") from exc
        value = signing.TimestampSigner(salt=CONFIRMATION_SALT).unsign(
            signed, max_age=get_setting("CONSULTATION_CONFIRMATION_MAX_AGE")
        )
        try:
            token = uuid.UUID(value)
        except ValueError as exc:
            raise signing.BadSignature("not a token") from exc
        response = self.responses().filter(token=token).first()
        if response is None:
            raise signing.BadSignature("no such response")
        return response

    def confirm_response(self, signed_token):
        """Confirm the response named by a signed token and return it (see
        :meth:`get_response_for_confirmation` for the errors)."""
        response = self.get_response_for_confirmation(signed_token)
        if not response.confirmed:
            response.confirmed = True
            response.confirmed_at = timezone.now()
            with transaction.atomic():
                response.save(update_fields=["confirmed", "confirmed_at"])
                response.answer_rows.update(confirmed=True)
        return response

    # --- results ----------------------------------------------------------------------------------------

    def get_results(self, **kwargs):
        from .results import compute_results  # at call time: results.py imports this module's rows

        return compute_results(self, **kwargs)

    # --- views ------------------------------------------------------------------------------------------

    @path("")
    def consultation_view(self, request):
        from .views import consultation_view  # at call time: views.py imports ConsultationStatus from here

        return consultation_view(self, request)

    @path("thanks/", name="thanks")
    def thank_you_view(self, request):
        from .views import thank_you_view  # at call time: views.py imports ConsultationStatus from here

        return thank_you_view(self, request)

    @path("confirm/<str:signed_token>/", name="confirm")
    def confirm_view(self, request, signed_token):
        from .views import confirm_view  # at call time: views.py imports ConsultationStatus from here

        return confirm_view(self, request, signed_token)

    @path("results/", name="results")
    def results_view(self, request):
        from .views import results_view  # at call time: views.py imports ConsultationStatus from here

        return results_view(self, request)

    @path("results/answers/<str:question_id>/", name="results_answers")
    def results_answers_view(self, request, question_id):
        from .views import results_answers_view  # at call time: views.py imports ConsultationStatus from here

        return results_answers_view(self, request, question_id)

    # ``results.csv`` / ``results.json`` come through ``seismic_wagtail.core.urls``; ``results/csv/`` and
    # ``results/json/`` work without it (Wagtail's own page URLs allow no dots). See open_data.py.
    @re_path(r"^results\.(?P<data_format>csv|json)/?$", name="results_data")
    @re_path(r"^results/(?P<data_format>csv|json)/$", name="results_data_slash")
    def results_data_view(self, request, data_format):
        from .views import results_data_view  # at call time: views.py imports ConsultationStatus from here

        return results_data_view(self, request, data_format)


def answer_rows(response, questions, data):
    """The :class:`ConsultationAnswer` rows of one response, from a form's ``cleaned_data``."""
    rows = []
    for question in questions:
        value = data.get(question.field_name)
        if value in (None, "", []):
            continue
        if question.kind == RATING:
            rows.append(ConsultationAnswer.for_response(response, question, number=int(value)))
        elif question.kind == SINGLE:
            rows.append(ConsultationAnswer.for_response(response, question, choice=value))
        elif question.kind == MULTIPLE:
            rows.extend(
                ConsultationAnswer.for_response(response, question, choice=key, first=index == 0)
                for index, key in enumerate(value)
            )
        elif question.kind == RANKING:
            ranked = [(position, key) for position, key in enumerate(value, start=1) if key]
            rows.extend(
                ConsultationAnswer.for_response(response, question, choice=key, number=position, first=index == 0)
                for index, (position, key) in enumerate(ranked)
            )
        elif question.kind == TEXT:
            rows.append(ConsultationAnswer.for_response(response, question, text=value))
    return rows


def build_answers(rows):
    """``{question id: value}`` from answer rows given as ``(question_id, kind, choice, number, text, pk)``."""
    answers = {}
    for question_id, kind, choice, number, text, _pk in sorted(rows, key=lambda row: (row[0], row[3] or 0, row[5])):
        if kind in (MULTIPLE, RANKING):
            answers.setdefault(question_id, []).append(choice)
        elif kind == SINGLE:
            answers[question_id] = choice
        elif kind == RATING:
            answers[question_id] = number
        else:
            answers[question_id] = text
    return answers


class ConsultationResponse(models.Model):
    """One person's response to a consultation, in the language version they answered."""

    consultation_key = models.UUIDField(
        _("consultation"),
        db_index=True,
        help_text=_("The translation key shared by every language version of the consultation."),
    )
    page = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("language version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    token = models.UUIDField(_("submission token"), editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    respondent_type = models.CharField(_("respondent type"), max_length=20, choices=RespondentType.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    name = models.CharField(_("name"), max_length=255, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    consent = models.CharField(_("publication"), max_length=20, choices=PublicationConsent.choices)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    notify_outcome = models.BooleanField(_("tell about the outcome"), default=False)
    outcome_notified_at = models.DateTimeField(_("told about the outcome at"), null=True, blank=True)

    #: The fields that identify a person: shown only with the ``view_personal_data`` permission.
    PERSONAL_FIELDS = ("name", "email", "organisation_name", "city")

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("view_personal_data", _("Can see the personal data of consultation respondents"))]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "token"], name="seismic_consultations_response_unique_token"
            ),
        ]
        indexes = [
            # Covers the results' "responses by language, country, type and confirmation" GROUP BY (in this
            # order) with the latest confirmation and anonymisation of each group (the fingerprint of the
            # results cache): read from the index alone, no table rows (results.group_responses).
            models.Index(
                fields=[
                    "consultation_key",
                    "locale",
                    "country",
                    "respondent_type",
                    "confirmed",
                    "confirmed_at",
                    "anonymised_at",
                ],
                name="seismic_cons_resp_counts",
            ),
        ]

    def __str__(self):
        return _("Response %(id)s") % {"id": self.pk}

    @property
    def answers(self):
        """The answers keyed by question id: a number (rating), a key (single choice), a list of keys
        (multiple choice; ranking, in rank order) or a text. Uses prefetched ``answer_rows`` when there."""
        rows = [
            (row.question_id, row.kind, row.choice, row.number, row.text, row.pk or 0) for row in self.answer_rows.all()
        ]
        return build_answers(rows)

    @property
    def display_name(self):
        """The name to publish with a free-text answer: ``""`` unless the respondent chose to be named."""
        if self.consent == PublicationConsent.PUBLIC and not self.anonymised_at:
            return self.organisation_name or self.name
        return ""


class ConsultationAnswer(models.Model):
    """One answer value: a rating, a chosen key, a ranked key (``number`` = place) or a text.

    ``consultation_key``, ``locale``, ``country``, ``respondent_type`` and ``confirmed`` repeat the
    response's values. They are copied when the answer is written (:meth:`for_response`), never change
    afterwards except ``confirmed``, which :meth:`ConsultationPage.confirm_response` updates in the same
    transaction as the response. The reason: results become one ``GROUP BY`` over one covering index, with
    no join, which keeps the results page fast at 100,000 responses (see the consultations reference).
    """

    response = models.ForeignKey(ConsultationResponse, on_delete=models.CASCADE, related_name="answer_rows")
    question_id = models.CharField(_("question"), max_length=64)
    kind = models.CharField(_("kind"), max_length=10)
    choice = models.CharField(_("choice key"), max_length=64, blank=True)
    number = models.SmallIntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    #: True on the first row of a response's answer to a question: counts respondents per question.
    first = models.BooleanField(default=True)
    # Copies of the response's values, for aggregation without a join (see the class docstring).
    consultation_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    country = models.CharField(max_length=2)
    respondent_type = models.CharField(max_length=20)
    confirmed = models.BooleanField(default=True)
    #: Moderation of free-text answers (see :class:`ModerationStatus`); other kinds stay ``pending``, unused.
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        indexes = [
            models.Index(
                # In the order of the results query's GROUP BY, so that the database aggregates while
                # reading the index (no sort). ``confirmed`` is last and filtered after grouping.
                fields=[
                    "consultation_key",
                    "question_id",
                    "choice",
                    "number",
                    "first",
                    "locale",
                    "country",
                    "respondent_type",
                    "confirmed",
                ],
                name="seismic_cons_answer_results",
            ),
            # The latest free-text answers of a question (public results page), newest first. Partial: only
            # the free-text rows (about 5% of the rows), so the other answers cost no entry here.
            models.Index(
                fields=["question_id", "id"], name="seismic_cons_answer_latest", condition=models.Q(kind="text")
            ),
            # The moderation queue and the public page's approved answers of one question, newest first;
            # with the moderation time, what changed in moderation is read from it alone (results cache).
            models.Index(
                fields=["question_id", "moderation", "id", "moderated_at"],
                name="seismic_cons_answer_moderation",
                condition=models.Q(kind="text"),
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.choice or self.number or self.text[:40]}"

    @classmethod
    def for_response(cls, response, question, **fields):
        """An answer row of ``response`` to ``question`` with the response's values copied in."""
        return cls(
            response=response,
            question_id=question.id,
            kind=question.kind,
            consultation_key=response.consultation_key,
            locale_id=response.locale_id,
            country=str(response.country.code if hasattr(response.country, "code") else response.country),
            respondent_type=response.respondent_type,
            confirmed=response.confirmed,
            **fields,
        )


def publishable_answers():
    """The answers moderation is about: free-text answers of confirmed responses whose respondent agreed to
    publication (:data:`PUBLISHED_CONSENTS`). The moderation queue lists them; the public results show the
    approved ones (:func:`.results.published_answers`)."""
    return ConsultationAnswer.objects.filter(kind=TEXT, confirmed=True, response__consent__in=PUBLISHED_CONSENTS)


class FrozenRespondentCount(models.Model):
    """Confirmed respondents of a consultation counted before their responses were purged (retention).

    One row per group of a purge, in the shape the results group by (language, country, respondent type);
    the results add them to the live rows' counts (:func:`.results.count_respondents`). No identity: a count.
    Written by :func:`.frozen.freeze_responses` in the same transaction as the delete.
    """

    consultation_key = models.UUIDField(_("consultation"))
    language_code = models.CharField(_("language"), max_length=100)
    country = models.CharField(_("country"), max_length=2)
    respondent_type = models.CharField(_("respondent type"), max_length=20)
    n = models.PositiveIntegerField(_("respondents"))
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)

    class Meta:
        verbose_name = _("frozen respondent count")
        verbose_name_plural = _("frozen respondent counts")
        indexes = [models.Index(fields=["consultation_key"], name="seismic_cons_frozen_resp")]

    def __str__(self):
        return f"{self.consultation_key} {self.language_code} {self.country} {self.respondent_type}: {self.n}"


class FrozenAnswerCount(models.Model):
    """Confirmed answer rows counted before their responses were purged, grouped as
    :func:`.results.count_answers` groups :class:`ConsultationAnswer` (question, choice, number, first row,
    language, country, respondent type). Free-text answers leave only their count (one per respondent)."""

    consultation_key = models.UUIDField(_("consultation"))
    question_id = models.CharField(_("question"), max_length=64)
    choice = models.CharField(_("choice key"), max_length=64, blank=True)
    number = models.SmallIntegerField(_("number"), null=True, blank=True)
    first = models.BooleanField(default=True)
    language_code = models.CharField(_("language"), max_length=100)
    country = models.CharField(_("country"), max_length=2)
    respondent_type = models.CharField(_("respondent type"), max_length=20)
    n = models.PositiveIntegerField(_("answers"))
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)

    class Meta:
        verbose_name = _("frozen answer count")
        verbose_name_plural = _("frozen answer counts")
        indexes = [models.Index(fields=["consultation_key"], name="seismic_cons_frozen_answer")]

    def __str__(self):
        return f"{self.consultation_key} {self.question_id} {self.choice or self.number}: {self.n}"
