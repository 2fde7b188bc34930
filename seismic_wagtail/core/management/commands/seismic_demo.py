"""``manage.py seismic_demo``: create the SEiSMiC demo content under a page of an existing site.

Each installed app of the package that has a ``demo`` module contributes, in the order of its
``demo_order``. Running the command again finds what exists and creates only what is missing.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from wagtail.models import Page, Site

from seismic_wagtail.core.apps import SeismicAppConfig
from seismic_wagtail.core.demo_context import DemoContext, site_locales


class Command(BaseCommand):
    help = "Create the SEiSMiC demo content (networks, stories, consultations) in the site's locales."

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            type=int,
            default=None,
            help="ID of the page to put the content under (default: the default site's root page).",
        )

    def handle(self, *args, parent=None, **options):
        locales = site_locales()
        parent_page = self.get_parent(parent, locales[0])
        context = DemoContext(parent=parent_page, locales=locales, stdout=self.stdout)
        configs = sorted(
            (config for config in apps.get_app_configs() if isinstance(config, SeismicAppConfig)),
            key=lambda config: config.demo_order,
        )
        with transaction.atomic():
            for locale in context.other_locales:
                context.ensure_translated(parent_page, locale)
            for config in configs:
                if module_has_submodule(config.module, "demo"):
                    self.stdout.write(f"{config.verbose_name}...")
                    import_module(f"{config.name}.demo").create_demo(context)
        made = ", ".join(f"{count} {label}" for label, count in sorted(context.counts.items())) or "nothing new"
        self.stdout.write(self.style.SUCCESS(f"SEiSMiC demo content ready under {parent_page.title!r}: {made}."))

    def get_parent(self, parent_id, default_locale):
        if parent_id is not None:
            try:
                return Page.objects.get(pk=parent_id).specific
            except Page.DoesNotExist as exc:
                raise CommandError(f"No page with ID {parent_id}.") from exc
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: create one in Settings > Sites, or pass --parent.")
        root = site.root_page.specific
        if root.locale_id != default_locale.pk:
            root = root.get_translation_or_none(default_locale) or root
        return root.specific
