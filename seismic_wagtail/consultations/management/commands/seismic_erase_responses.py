"""``manage.py seismic_erase_responses --email person@example.org [--anonymise]``."""

from django.core.management.base import BaseCommand, CommandError

from seismic_wagtail.consultations.privacy import anonymise_responses, erase_responses, responses_of


class Command(BaseCommand):
    help = "Erase (or anonymise) every consultation response given with an email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The respondent's email address (case-insensitive).")
        parser.add_argument(
            "--anonymise",
            action="store_true",
            help="Keep the answers for the results but remove name, email, organisation, city and free text.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count the responses.")

    def handle(self, *args, email, anonymise=False, dry_run=False, **options):
        if not email.strip():
            raise CommandError("Give an email address.")
        if dry_run:
            self.stdout.write(f"{responses_of(email).count()} response(s) given with {email}.")
            return
        if anonymise:
            count = anonymise_responses(email)
            self.stdout.write(self.style.SUCCESS(f"Anonymised {count} response(s) given with {email}."))
        else:
            count = erase_responses(email)
            self.stdout.write(self.style.SUCCESS(f"Erased {count} response(s) given with {email}."))
