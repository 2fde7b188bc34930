"""``manage.py seismic_retry_outcome_mails``: queue the outcome mails still owed.

A respondent is owed one when they asked to be told, their response is confirmed, it was not anonymised, and
no mail reached them yet (``outcome_notified_at`` is empty): for instance when every retry of a send failed
while the mail server was down. Only consultations that are closed and have a live page with an outcome are
considered; each mail is a background task (:func:`~seismic_wagtail.consultations.tasks.send_outcome_mail`),
which tells nobody twice. Safe to run as often as wanted (for example daily, beside
``seismic_purge_personal_data``).
"""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from seismic_wagtail.consultations.models import ConsultationPage
from seismic_wagtail.consultations.tasks import enqueue_outcome_mails, outcome_is_published, owed_responses


class Command(BaseCommand):
    help = "Queue the consultation outcome mails that respondents asked for and have not received yet."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count the mails still owed.")

    def handle(self, *args, dry_run=False, **options):
        keys = set(owed_responses().values_list("consultation_key", flat=True).distinct())
        default_locale_id = Locale.get_default().pk
        queued = 0
        for key in sorted(keys, key=str):
            pages = ConsultationPage.objects.live().filter(translation_key=key)
            # The default language's version first: the fallback of respondents whose language has no outcome.
            pages = sorted(pages, key=lambda page: (page.locale_id != default_locale_id, page.pk))
            page = next((page for page in pages if outcome_is_published(page)), None)
            if page is None:
                continue
            if dry_run:
                queued += owed_responses(key).count()
            else:
                queued += enqueue_outcome_mails(page)
        verb = "owed" if dry_run else "queued"
        self.stdout.write(f"{queued} outcome mail(s) {verb}.")
