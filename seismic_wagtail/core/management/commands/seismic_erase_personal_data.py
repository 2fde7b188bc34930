"""``manage.py seismic_erase_personal_data --email person@example.org [--anonymise] [--dry-run]``.

Erases what every installed app of the package stores about one person (consultation responses, join
requests: :mod:`seismic_wagtail.core.personal_data`).
"""

from django.core.management.base import BaseCommand, CommandError

from seismic_wagtail.core.personal_data import erase_personal_data


class Command(BaseCommand):
    #: The sources (``PersonalData.name``) the command covers; ``None``: all of them.
    sources = None
    help = "Erase (or anonymise, where the data allows) everything the package stores about one email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's email address (case-insensitive).")
        parser.add_argument(
            "--anonymise",
            action="store_true",
            help="Keep consultation answers for the results without who gave them; join requests are erased.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count the records.")

    def handle(self, *args, email, anonymise=False, dry_run=False, **options):
        if not email.strip():
            raise CommandError("Give an email address.")
        for source, action, count in erase_personal_data(
            email, anonymise=anonymise, dry_run=dry_run, names=self.sources
        ):
            line = f"{action.capitalize()} {count} {source.name} given with {email}."
            self.stdout.write(line if dry_run else self.style.SUCCESS(line))
