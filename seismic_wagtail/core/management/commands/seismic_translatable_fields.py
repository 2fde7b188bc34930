"""Write (or check) the reference page of translated and synchronised fields.

manage.py seismic_translatable_fields                       # print it
manage.py seismic_translatable_fields --output docs/reference/translatable-fields.md
manage.py seismic_translatable_fields --check docs/reference/translatable-fields.md
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seismic_wagtail.core.translatable_fields import render_markdown


class Command(BaseCommand):
    help = "Write the table of translated and synchronised fields of the package's models (Markdown)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Write to this file instead of standard output.")
        parser.add_argument("--check", metavar="FILE", help="Exit with an error when FILE differs from the models.")

    def handle(self, *args, output=None, check=None, **options):
        text = render_markdown()
        if check:
            if Path(check).read_text(encoding="utf-8") != text:
                raise CommandError(f"{check} is out of date: run `make translatable-fields`.")
            self.stdout.write(f"{check} is up to date.")
        elif output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}.")
        else:
            self.stdout.write(text, ending="")
