"""``manage.py seismic_roles``: set up the roles of a SEiSMiC network with Wagtail's own permissions.

Creates (or completes: it only adds what is missing, so it can run again after adding a network or a
language) the central editors' group, a translators' group per language, a team per network (national
editors, coordinators, a collection) and, with ``--workflows``, the review workflows. See
:mod:`seismic_wagtail.core.roles` and ``docs/how-to/roles-and-review.md``.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from seismic_wagtail.core.roles import setup_roles


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class Command(BaseCommand):
    help = (
        "Create or complete the groups, page and collection permissions (and with --workflows the review "
        "workflows) of the central editors, the translators of each language and each network's team."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--root",
            type=int,
            action="append",
            default=None,
            help="ID of a page whose subtree (in every language) the roles cover; repeat for several. "
            "Default: every site's root page.",
        )
        parser.add_argument(
            "--workflows",
            action="store_true",
            help="Also install the review workflows and assign them to the networks, their story sections and "
            "the consultations.",
        )
        parser.add_argument(
            "--move-stories",
            action="store_true",
            help="Move each network's stories into its story section (their URLs change; Wagtail redirects).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be set up; change nothing.")

    def handle(self, *args, root=None, workflows=False, move_stories=False, dry_run=False, **options):
        roots = None
        if root:
            roots = list(Page.objects.filter(pk__in=root))
            missing = set(root) - {page.pk for page in roots}
            if missing:
                raise CommandError(f"No page with ID {', '.join(map(str, sorted(missing)))}.")
        try:
            with transaction.atomic():
                setup = setup_roles(roots=roots, workflows=workflows, move_stories=move_stories)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was changed. It would set up:")
        self.stdout.write("\n".join(setup.report))
