"""``manage.py seismic_syndicate``: copy new and changed stories from the registered partner sites.

Runs every active partner in turn (or the ones named with ``--partner``), one line of counts per partner; a
partner that fails does not stop the others, and the command exits with status 1 when any failed (so cron
reports it). ``--queue`` queues one background task per partner instead (``syndicate_partner``, retried
with backoff). See ``docs/how-to/syndicate-stories.md``.
"""

from django.core.management.base import BaseCommand, CommandError

from seismic_wagtail.stories.syndication.models import SyndicationPartner
from seismic_wagtail.stories.syndication.sync import syndicate
from seismic_wagtail.stories.tasks import syndicate_partner


class Command(BaseCommand):
    help = "Copy new and changed stories from the partner sites (every active partner, or those named)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partner",
            action="append",
            default=None,
            metavar="NAME",
            help="Run only this partner (its name; repeat for several). Inactive partners run when named.",
        )
        parser.add_argument(
            "--queue", action="store_true", help="Queue a background task per partner instead of running here."
        )

    def handle(self, *args, partner=None, queue=False, **options):
        if partner:
            partners = list(SyndicationPartner.objects.filter(name__in=partner))
            missing = sorted(set(partner) - {item.name for item in partners})
            if missing:
                raise CommandError(f"No syndication partner named {', '.join(missing)}.")
        else:
            partners = list(SyndicationPartner.objects.filter(active=True))
        if not partners:
            self.stdout.write("No syndication partners to run.")
            return
        failed = 0
        for item in partners:
            if queue:
                syndicate_partner.enqueue(item.pk, 1)
                self.stdout.write(f"{item}: queued")
                continue
            report = syndicate(item)
            if report.ok:
                self.stdout.write(report.summary())
            else:
                failed += 1
                self.stderr.write(report.summary())
        if failed:
            raise CommandError(f"{failed} of {len(partners)} partners failed.", returncode=1)
