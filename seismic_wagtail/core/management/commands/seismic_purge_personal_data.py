"""``manage.py seismic_purge_personal_data [--dry-run]``: run it daily (cron, a scheduled task).

Deletes what is past its retention period in every installed app of the package: consultation responses past
their consultation's retention period and unconfirmed ones whose link expired, join requests older than
``JOIN_REQUEST_RETENTION_DAYS`` (:mod:`seismic_wagtail.core.personal_data`).
"""

from django.core.management.base import BaseCommand

from seismic_wagtail.core.personal_data import purge_personal_data


class Command(BaseCommand):
    #: The sources (``PersonalData.name``) the command covers; ``None``: all of them.
    sources = None
    help = "Delete the personal data (consultation responses, join requests) past its retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        verb = "Would delete" if dry_run else "Deleted"
        for source, counts in purge_personal_data(dry_run=dry_run, names=self.sources):
            details = ", ".join(f"{count} ({reason})" for reason, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"{verb} {source.name}: {details}."))
