"""``manage.py seismic_purge_responses``: run it daily (cron, a scheduled task)."""

from django.core.management.base import BaseCommand

from seismic_wagtail.consultations.privacy import purge_responses


class Command(BaseCommand):
    help = (
        "Delete consultation responses older than their consultation's retention period, and unconfirmed "
        "responses whose confirmation link has expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        counts = purge_responses(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {counts['retention']} response(s) past their retention period and "
                f"{counts['unconfirmed']} unconfirmed response(s) with expired links."
            )
        )
