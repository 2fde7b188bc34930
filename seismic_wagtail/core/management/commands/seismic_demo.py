"""``manage.py seismic_demo``: the SEiSMiC demo content, as a guest in an existing site.

Everything goes under one new page, "SEiSMiC demo" (a :class:`~seismic_wagtail.core.models.SectionPage`),
below the default site's root page (or ``--parent``), in the languages that page already has a live
translation in (or the ones ``--languages`` picks among them). The demo never publishes copies of the
site's own pages, creates no redirects, picks slugs that no URL pattern of the site shadows, and runs in
one transaction: a failed run leaves nothing behind, image files included. ``--dry-run`` lists what it would
create; ``--remove`` deletes exactly what it created (recorded as :class:`~seismic_wagtail.core.models.DemoRecord`
rows), and refuses when that would take anything of the site's own with it.

Each installed app of the package that has a ``demo`` module contributes, in the order of its
``demo_order``. Then the roles are set up for the demo's section (``seismic_roles --workflows --move-stories``
on it: groups, permissions, collections, review workflows; ``example_project``'s ``demo_admin`` adds a user per
role). Running the command again finds what exists and creates only what is missing.
"""

from collections import Counter
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, router, transaction
from django.db.models.deletion import Collector
from django.utils.module_loading import module_has_submodule
from wagtail.coreutils import get_content_languages
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Site

from seismic_wagtail.core.apps import SeismicAppConfig
from seismic_wagtail.core.demo_context import (
    DemoContext,
    no_automatic_redirects,
    reachable_slug,
    record_keys,
    recording,
)
from seismic_wagtail.core.models import DemoRecord, SectionPage
from seismic_wagtail.core.roles import setup_roles

SECTION_TITLE = "SEiSMiC demo"
SECTION_SLUG = "seismic-demo"
SECTION_INTRO = (
    "<p>Demo content of seismic_wagtail: the national networks, good-practice stories and the agenda "
    "consultation of SEiSMiC. <code>python manage.py seismic_demo --remove</code> deletes all of it.</p>"
)


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class Command(BaseCommand):
    help = (
        "Create the SEiSMiC demo content (networks, stories, consultations) under one new page of the site, "
        "or remove it again (--remove)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            type=int,
            default=None,
            help="ID of the page to put the demo's own page under (default: the default site's root page).",
        )
        parser.add_argument(
            "--languages",
            default=None,
            help="Comma-separated language codes to create content in (default: every language the parent "
            "page already has a live translation in).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List what would be created; create nothing.")
        parser.add_argument("--remove", action="store_true", help="Delete everything the demo created.")

    def handle(self, *args, parent=None, languages=None, dry_run=False, remove=False, **options):
        if remove:
            return self.remove(dry_run=dry_run)
        made = []
        try:
            with recording() as made, transaction.atomic():
                # No automatic redirects: translated slugs set after a page is published are not moves.
                with no_automatic_redirects():
                    context = self.create(parent, languages)
                keys = record_keys(made + context.bulk_created)
                summary = self.summary(keys, context, dry_run)
                if dry_run:
                    raise DryRun
                self.save_records(keys)
        except DryRun:
            delete_files(made)  # storage is not transactional
        except BaseException:
            delete_files(made)
            raise
        self.stdout.write("\n".join(summary))

    # -- Creating ---------------------------------------------------------------------------------------------

    def create(self, parent_id, languages):
        parent = self.get_parent(parent_id)
        locales = self.get_locales(parent, languages)
        section = self.get_section(parent, locales)
        context = DemoContext(parent=section, locales=locales, stdout=self.stdout)
        for locale in context.other_locales:
            context.ensure_translated(section, locale)
        configs = sorted(
            (config for config in apps.get_app_configs() if isinstance(config, SeismicAppConfig)),
            key=lambda config: config.demo_order,
        )
        for config in configs:
            if module_has_submodule(config.module, "demo"):
                self.stdout.write(f"{config.verbose_name}...")
                import_module(f"{config.name}.demo").create_demo(context)
        self.stdout.write("Roles and review workflows...")
        # The demo's own roles cover only its section: the central editors, the translators of each language and
        # a team per network, with the review workflows and each network's stories in its story section.
        setup_roles(roots=[section], workflows=True, move_stories=True)
        # Then what needs every page in its final place (a demo module's optional ``finish_demo``): the stories
        # app syndicates the demo's own stories into its "Partner stories" index.
        for config in configs:
            if module_has_submodule(config.module, "demo"):
                finish = getattr(import_module(f"{config.name}.demo"), "finish_demo", None)
                if finish is not None:
                    finish(context)
        return context

    def get_parent(self, parent_id):
        if parent_id is not None:
            try:
                return Page.objects.get(pk=parent_id).specific
            except Page.DoesNotExist as exc:
                raise CommandError(f"No page with ID {parent_id}.") from exc
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: create one in Settings > Sites, or pass --parent.")
        return site.root_page.specific

    def get_locales(self, parent, languages):
        """The parent's locale first, then the others it has a live translation in (or those asked for)."""
        configured = {code.lower() for code in get_content_languages()}
        translations = {
            page.locale.language_code.lower(): page.locale
            for page in parent.get_translations(inclusive=True).live().select_related("locale")
            if page.locale.language_code.lower() in configured or page.locale_id == parent.locale_id
        }
        source = parent.locale
        if languages is None:
            codes = sorted(translations)
        else:
            codes = [code.strip().lower() for code in languages.split(",") if code.strip()]
            missing = [code for code in codes if code not in translations]
            if missing:
                raise CommandError(
                    f"The page {parent.title!r} has no live translation in {', '.join(missing)}. The demo puts "
                    "its pages below that page's translations and publishes no pages of your site's own: "
                    f"translate {parent.title!r} into these languages first, or leave them out of --languages "
                    f"(available: {', '.join(sorted(translations))})."
                )
        others = [translations[code] for code in codes if translations[code].pk != source.pk]
        return [source] + others

    def get_section(self, parent, locales):
        """The demo's own page below ``parent``: the one an earlier run made, else a new one."""
        recorded = DemoRecord.objects.filter(content_type__model="sectionpage", content_type__app_label="seismic_core")
        existing = (
            SectionPage.objects.child_of(parent)
            .filter(pk__in=[int(pk) for pk in recorded.values_list("object_id", flat=True)])
            .first()
        )
        if existing is not None:
            return existing
        section = SectionPage(
            title=SECTION_TITLE,
            slug=reachable_slug(parent, SECTION_SLUG),
            locale=parent.locale,
            intro=SECTION_INTRO,
            search_description="seismic_wagtail demo content",
        )
        parent.add_child(instance=section)
        section.save_revision().publish()
        return section

    def save_records(self, keys):
        existing = set(DemoRecord.objects.values_list("content_type_id", "object_id"))
        DemoRecord.objects.bulk_create(
            DemoRecord(content_type=content_type, object_id=object_id)
            for content_type, object_id in keys
            if (content_type.pk, object_id) not in existing and content_type.model_class() is not DemoRecord
        )

    def summary(self, keys, context, dry_run=False):
        """What the run made, as lines to print (read inside the transaction, before a dry run rolls back)."""
        image_model = get_image_model()
        content, other = Counter(), 0
        for content_type, _object_id in keys:
            model = content_type.model_class()
            if is_content_model(model, image_model):
                content[str(model._meta.verbose_name_plural)] += 1
            else:
                other += 1
        languages = ", ".join(locale.language_code for locale in context.locales)
        made = ", ".join(f"{count} {label}" for label, count in sorted(content.items())) or "nothing new"
        if other:
            made += f" (and {other} revisions, translation records and log entries)"
        section = context.parent
        if not dry_run:
            return [self.style.SUCCESS(f"SEiSMiC demo content ready at {section.url} ({languages}): {made}.")]
        lines = [f"Dry run, nothing was created. In {languages}, the demo would create: {made}."]
        page_ids = [object_id for content_type, object_id in keys if issubclass(content_type.model_class(), Page)]
        for page in Page.objects.filter(pk__in=page_ids).order_by("path"):
            lines.append(f"  {page.url or page.url_path}  {page.title}")
        return lines

    # -- Removing ---------------------------------------------------------------------------------------------

    def remove(self, dry_run=False):
        """Delete what the records name: the demo's top pages (with the pages below them), then every other
        recorded row, model by model, newest first. Refuses when that would delete the site's own content."""
        records = list(DemoRecord.objects.select_related("content_type").order_by("pk"))
        if not records:
            self.stdout.write("Nothing to remove: no demo content is recorded.")
            return
        by_model = {}
        for record in records:
            model = record.content_type.model_class()
            if model is not None:
                by_model.setdefault(model, []).append(record.object_id)
        page_ids = {int(pk) for model, ids in by_model.items() if issubclass(model, Page) for pk in ids}
        recorded_pages = Page.objects.filter(pk__in=page_ids)
        recorded_paths = set(recorded_pages.values_list("path", flat=True))
        # The demo's top pages: those whose parent the demo did not make (the sections, in each language).
        top_pages = [
            page.specific
            for page in recorded_pages.order_by("path")
            if page.path[: -Page.steplen] not in recorded_paths
        ]
        foreign = site_content_in_the_way(top_pages, by_model)
        if foreign:
            listed = "; ".join(foreign[:10]) + (f" and {len(foreign) - 10} more" if len(foreign) > 10 else "")
            raise CommandError(
                "Removing the demo would delete content that the demo did not create: "
                f"{listed}. Move or delete it first, then run --remove again."
            )
        total = len(records)
        if dry_run:
            self.stdout.write(f"Dry run: --remove would delete the {total} rows the demo created.")
            return
        image_model = get_image_model()
        with transaction.atomic():
            for page in top_pages:
                page.delete()
            for model in reversed(list(by_model)):
                if issubclass(model, Page):
                    continue
                rows = model._base_manager.filter(pk__in=by_model[model])
                if model is image_model:
                    delete_files(rows)
                rows.delete()
            # The pages never were the site's: their audit-log lines (creation and deletion) go with them.
            PageLogEntry.objects.filter(page_id__in=page_ids).delete()
            DemoRecord.objects.all().delete()
        self.stdout.write(self.style.SUCCESS(f"Removed the demo content: {total} rows, {len(page_ids)} of them pages."))


def is_content_model(model, image_model=None):
    """Pages, images and the package's own rows: what a site's editors see as content."""
    image_model = image_model or get_image_model()
    return issubclass(model, Page) or model is image_model or model._meta.app_label.startswith("seismic_")


def site_content_in_the_way(top_pages, by_model):
    """Descriptions of the pages, images and package rows that deleting the demo would take with it although
    the demo did not create them (a page an editor added below a demo page, a story tagged with a demo theme)."""
    image_model = get_image_model()
    recorded = {(model, str(pk)) for model, ids in by_model.items() for pk in ids}
    page_ids = {pk for model, pk in recorded if issubclass(model, Page)}
    found = []
    for page in top_pages:
        for descendant in Page.objects.descendant_of(page, inclusive=True).only("pk", "title"):
            if str(descendant.pk) not in page_ids:
                found.append(f"the page {descendant.title!r} (id {descendant.pk})")
    using = router.db_for_write(Page) or DEFAULT_DB_ALIAS
    for model, ids in by_model.items():
        if issubclass(model, Page) or not is_content_model(model, image_model):
            continue
        collector = Collector(using=using)
        collector.collect(model._base_manager.filter(pk__in=ids))
        for related_model, instances in collector.data.items():
            if is_content_model(related_model, image_model):
                found += [
                    f"{related_model._meta.verbose_name} {instance} (id {instance.pk})"
                    for instance in instances
                    if (related_model, str(instance.pk)) not in recorded
                    and not (isinstance(instance, Page) and str(instance.pk) in page_ids)
                ]
        for queryset in collector.fast_deletes:
            if is_content_model(queryset.model, image_model):
                found += [
                    f"{queryset.model._meta.verbose_name} id {pk}"
                    for pk in queryset.values_list("pk", flat=True)
                    if (queryset.model, str(pk)) not in recorded
                ]
    return sorted(set(found))


def delete_files(instances):
    """Delete the files of images (and their renditions) in ``instances``: storage is not transactional."""
    image_model = get_image_model()
    for instance in instances:
        if isinstance(instance, image_model) and instance.file:
            for rendition in instance.renditions.all():
                rendition.file.delete(save=False)
            instance.file.delete(save=False)
