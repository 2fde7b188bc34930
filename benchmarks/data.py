"""Data generators for the benchmarks: stories over the ten locales, consultation responses.

Fast on purpose: 20,000 stories through ``add_child`` would take most of the time budget, so story pages are
bulk-inserted. The treebeard materialised paths are computed here (``Page.steplen`` characters of
``Page.alphabet`` per level, under the index page), the ``wagtailcore_page`` rows go in with
``bulk_create``, the ``StoryPage`` rows (multi-table inheritance, which ``bulk_create`` refuses) with the
model's ``_insert``, the inline theme and organisation rows with ``bulk_create``; then the index's
``numchild`` is fixed and the search backend's index entries are built with ``add_bulk``. Every story has a hero
image: a row of its own in Wagtail's image table (bulk-created), sharing one of :data:`IMAGE_FILES` JPEG files
made with Pillow under ``MEDIA_ROOT``, with the card's rendition row (``CARD_IMAGE_FILTER``) pointing to a
pre-made rendition file, so that no page generates a rendition while it is measured. Consultation responses
go in with PostgreSQL's ``COPY`` (SQLite: ``bulk_create``). Everything else
(locales, index pages and their translations, themes, organisations, the consultation) is created the way
the package's demo and tests do it.
"""

import contextlib
import datetime
import random
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from seismic_wagtail.core.models import Organisation, OrganisationType, Theme
from seismic_wagtail.core.translation import translate
from seismic_wagtail.stories.models import StoryIndexPage, StoryPage, StoryPageOrganisation, StoryPageTheme

THEMES = ["governance", "vibrancy", "welfare", "environment", "connectivity"]
COUNTRIES = ["AT", "CZ", "DE", "FR", "HU", "IT", "NL", "NO", "SE", "TR"]
CITIES = [
    "Vienna",
    "Brno",
    "Leipzig",
    "Lyon",
    "Pécs",
    "Turin",
    "Utrecht",
    "Bergen",
    "Malmö",
    "Izmir",
    "Graz",
    "Ostrava",
    "Dresden",
    "Nantes",
    "Szeged",
    "Bologna",
    "Eindhoven",
    "Trondheim",
    "Umeå",
    "Bursa",
]
WORDS = (
    "residents neighbourhood energy housing mobility co-operative garden school library market square "
    "bicycle heating river park youth elders refugees festival workshop budget repair café allotment "
    "tram solar insulation participatory living lab district council volunteers"
).split()
#: Filler words (two or three syllables), so that a topic word matches a realistic share of the stories.
SYLLABLES = "ka lo mi ra ten vo shu pel dra nik sol ve bar tu gem far lin os quo ze".split()
VOCABULARY = [a + b for a in SYLLABLES for b in SYLLABLES] + [
    a + b + c for a in SYLLABLES[:6] for b in SYLLABLES for c in SYLLABLES[:8]
]
#: Share of the stories written in English; the other nine languages share the rest equally. The story index
#: measured is the English one, so at 20,000 stories it lists 10,000.
ENGLISH_SHARE = 0.5
SEED = 2026
#: Distinct JPEG files behind the stories' hero images (each story has its own image row).
IMAGE_FILES = 20
ORIGINAL_SIZE = (1600, 900)


def locales():
    """Every language of the site as a ``Locale`` (``{code: Locale}``)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def analyze():
    """Refresh the planner's statistics after a bulk insert, as autovacuum would on a live site."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class StorySite:
    """The English story index and its nine translations, themes and organisations in every locale."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.locales = locales()
        home = home_page()
        self.index = StoryIndexPage.objects.filter(slug="stories", locale=home.locale).first()
        if self.index is None:
            self.index = StoryIndexPage(title="Stories", slug="stories", intro="<p>Good practices.</p>")
            home.add_child(instance=self.index)
            self.index.save_revision().publish()
        self.indexes = {"en": self.index}
        self.themes = {}
        self.organisations = {}
        source_themes = [
            Theme.objects.get_or_create(slug=slug, locale=home.locale, defaults={"name": slug.title()})[0]
            for slug in THEMES
        ]
        types = [value for value, _label in OrganisationType.choices]
        source_organisations = [
            Organisation.objects.get_or_create(
                name=f"Organisation {number}",
                locale=home.locale,
                defaults={"organisation_type": types[number % len(types)]},
            )[0]
            for number in range(20)
        ]
        for code, locale in self.locales.items():
            if code != "en":
                if home.get_translation_or_none(locale) is None:
                    translate(home, locale)
                self.indexes[code] = (
                    self.index.get_translation_or_none(locale) or translate(self.index, locale)
                ).specific
            self.themes[code] = [
                theme if code == "en" else (theme.get_translation_or_none(locale) or translate(theme, locale))
                for theme in source_themes
            ]
            self.organisations[code] = [
                org if code == "en" else (org.get_translation_or_none(locale) or translate(org, locale))
                for org in source_organisations
            ]
        self.count = StoryPage.objects.count()

    def url(self, code="en"):
        return self.indexes[code].url

    def grow_to(self, total, batch=2000):
        """Add stories until there are ``total``, spread over the locales, themes, countries and years."""
        codes = [code for code in self.locales if code != "en"]
        while self.count < total:
            size = min(batch, total - self.count)
            plan = {}
            for _number in range(size):
                code = "en" if self.rng.random() < ENGLISH_SHARE else self.rng.choice(codes)
                plan[code] = plan.get(code, 0) + 1
            with transaction.atomic():
                for code, count in plan.items():
                    self._bulk_stories(code, count)
            self.count += size
        from seismic_wagtail.stories.filters import clear_facet_cache

        clear_facet_cache()  # bulk inserts send no signals
        analyze()

    def _bulk_stories(self, code, count):
        rng = self.rng
        index = Page.objects.get(pk=self.indexes[code].pk)  # fresh path and numchild
        locale = self.locales[code]
        content_type = ContentType.objects.get_for_model(StoryPage)
        last = index.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        base = datetime.datetime(2014, 1, 1, tzinfo=datetime.UTC)
        pages = []
        for offset in range(1, count + 1):
            number = step + offset
            topics = rng.sample(WORDS, 3)
            title = f"{topics[0].title()} and {topics[1]} in {rng.choice(CITIES)} {number}"
            slug = f"story-{number}"
            published = base + datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 12))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    path=Page._get_path(index.path, index.depth + 1, number),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                )
            )
        pages = Page.objects.bulk_create(pages)
        if pages[0].pk is None:
            pages = list(Page.objects.filter(path__in=[page.path for page in pages]).order_by("path"))
        images = hero_images(len(pages), start=step)
        stories = []
        for page, image in zip(pages, images, strict=True):
            start = rng.randrange(2008, 2025)
            topics = page.title.split()[0].lower(), page.title.split()[2], rng.choice(WORDS)

            def text(count, topics=topics):
                return " ".join(rng.choices(VOCABULARY, k=count) + [rng.choice(topics)])

            story = StoryPage(
                page_ptr_id=page.pk,
                summary=f"Residents and the city worked on {topics[0]}, {topics[1]} and {topics[2]} together.",
                city=rng.choice(CITIES),
                country=rng.choice(COUNTRIES),
                hero_image_id=image.pk,
                start_year=start,
                end_year=start + rng.randrange(0, 4) if rng.random() < 0.6 else None,
                body=[
                    {"type": "challenge", "value": {"heading": "", "text": f"<p>{text(40)}</p>"}},
                    {"type": "approach", "value": {"heading": "", "text": f"<p>{text(60)}</p>"}},
                    {"type": "results", "value": {"heading": "", "text": f"<p>{text(30)}</p>"}},
                ],
            )
            story.__dict__.update({field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})
            stories.append(story)
        StoryPage._base_manager._insert(stories, fields=StoryPage._meta.local_concrete_fields)
        themes, organisations = self.themes[code], self.organisations[code]
        theme_rows, organisation_rows = [], []
        for story in stories:
            for order, theme in enumerate(rng.sample(themes, rng.choice([1, 1, 2, 2, 3]))):
                theme_rows.append(StoryPageTheme(page_id=story.pk, theme=theme, sort_order=order, locale=locale))
            for order, organisation in enumerate(rng.sample(organisations, rng.choice([0, 1, 1, 2]))):
                organisation_rows.append(
                    StoryPageOrganisation(page_id=story.pk, organisation=organisation, sort_order=order, locale=locale)
                )
        StoryPageTheme.objects.bulk_create(theme_rows, batch_size=2000)
        StoryPageOrganisation.objects.bulk_create(organisation_rows, batch_size=2000)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        from wagtail.search.backends import get_search_backend

        with searchable_values_once():
            get_search_backend().add_bulk(StoryPage, stories)


@contextlib.contextmanager
def searchable_values_once():
    """Within the block, each search field's value of an object is computed once.

    Wagtail's search backends (``modelsearch``) read every field of an object once for each of the index
    entry's columns (title, body, autocomplete and their plain texts): five times the story's rich-text
    body. Memoising ``BaseField.get_value`` while the generator indexes its own objects makes the same index
    entries in a third of the time; the site's own indexing is untouched.
    """
    from modelsearch import index

    original = index.BaseField.get_value
    memo = {}

    def get_value(field, obj):
        key = (id(field), id(obj))
        if key not in memo:
            memo[key] = original(field, obj)
        return memo[key]

    index.BaseField.get_value = get_value
    try:
        yield
    finally:
        index.BaseField.get_value = original


# --- images ----------------------------------------------------------------------------------------------


def image_files():
    """The JPEG originals and their card renditions under ``MEDIA_ROOT`` (made once with Pillow).

    Returns ``[(original name, rendition name, file size, file hash, (rendition width, height))]``.
    """
    import hashlib
    from pathlib import Path

    from PIL import Image as PILImage
    from PIL import ImageDraw

    from seismic_wagtail.stories.models import CARD_IMAGE_FILTER

    root = Path(settings.MEDIA_ROOT)
    (root / "original_images").mkdir(parents=True, exist_ok=True)
    (root / "images").mkdir(parents=True, exist_ok=True)
    card_size = tuple(int(n) for n in CARD_IMAGE_FILTER.split("-")[1].split("x"))
    files = []
    for number in range(IMAGE_FILES):
        original = f"original_images/bench-{number}.jpg"
        rendition = f"images/bench-{number}.{CARD_IMAGE_FILTER}.jpg"
        if not (root / original).exists() or not (root / rendition).exists():
            picture = PILImage.new("RGB", ORIGINAL_SIZE, ((number * 53) % 256, (number * 97) % 256, 140))
            draw = ImageDraw.Draw(picture)
            for band in range(0, ORIGINAL_SIZE[0], 80):
                draw.rectangle((band, 0, band + 40, ORIGINAL_SIZE[1]), fill=(band % 256, 200 - number * 5, 90))
            picture.save(root / original, "JPEG", quality=80)
            picture.resize(card_size).save(root / rendition, "JPEG", quality=80)
        data = (root / original).read_bytes()
        files.append((original, rendition, len(data), hashlib.sha1(data).hexdigest(), card_size))  # noqa: S324
    return files


_FILES = []


def hero_images(count, start=0):
    """Bulk-create ``count`` image rows (cycling over :func:`image_files`) and their card rendition rows."""
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter
    from wagtail.models import Collection

    from seismic_wagtail.stories.models import CARD_IMAGE_FILTER

    if not _FILES:
        _FILES.extend(image_files())
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    collection_id = Collection.get_first_root_node().pk
    images = []
    for number in range(start, start + count):
        original, _rendition, size, file_hash, _card = _FILES[number % len(_FILES)]
        images.append(
            image_model(
                title=f"Story photo {number}",
                file=original,
                width=ORIGINAL_SIZE[0],
                height=ORIGINAL_SIZE[1],
                file_size=size,
                file_hash=file_hash,
                collection_id=collection_id,
            )
        )
    images = image_model.objects.bulk_create(images, batch_size=2000)
    assert images[0].pk is not None, "the database returns no ids from bulk_create"
    card_filter = Filter(spec=CARD_IMAGE_FILTER)
    focal_point_key = card_filter.get_cache_key(images[0])  # no focal points: the same key for every image
    renditions = []
    for number, image in enumerate(images, start):
        _original, rendition, _size, _hash, (width, height) = _FILES[number % len(_FILES)]
        renditions.append(
            rendition_model(
                image_id=image.pk,
                filter_spec=CARD_IMAGE_FILTER,
                focal_point_key=focal_point_key,
                file=rendition,
                width=width,
                height=height,
            )
        )
    rendition_model.objects.bulk_create(renditions, batch_size=2000)
    return images


# --- consultations ---------------------------------------------------------------------------------------


def consultation_page(slug="bench-consultation", **fields):
    """An open consultation with one question of each kind, results published live (test factory data)."""
    from seismic_wagtail.consultations.models import ConsultationPage
    from tests.factories.consultations import consultation_agenda, consultation_questions

    page = ConsultationPage.objects.filter(slug=slug).first()
    if page is None:
        now = timezone.now().replace(microsecond=0)
        page = ConsultationPage(
            title="Research agenda consultation",
            slug=slug,
            intro="<p>Tell us what the agenda should say.</p>",
            agenda=consultation_agenda(),
            questions=consultation_questions(),
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now + datetime.timedelta(days=30),
            privacy_notice="<p>Processed for this consultation only.</p>",
            thank_you_text="<p>Thank you.</p>",
            results_visibility="live",
            **fields,
        )
        home_page().add_child(instance=page)
        page.save_revision().publish()
    return page


def add_responses(page, count, batch=20_000):
    """Add ``count`` confirmed responses with their answers (as the consultations demo does); returns seconds.

    PostgreSQL: ``COPY`` of rows made from one model instance of each table (so that the models' own defaults
    and any new column apply) with the values that vary set per row, ids taken from the tables' sequences;
    SQLite: ``bulk_create`` of model instances.
    """
    import time

    from django.db import connection

    from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse

    started = time.perf_counter()
    rng = random.Random(SEED)
    questions = page.get_questions()
    types = ["citizen", "civil_society", "academic", "public_authority", "business", "other"]
    now = timezone.now()
    copy = connection.vendor == "postgresql"
    fixed = {
        "consultation_key": page.translation_key,
        "page_id": page.pk,
        "locale_id": page.locale_id,
        "confirmed": True,
        "confirmed_at": now,
    }
    prototype = ConsultationResponse(**fixed, respondent_type="citizen", country="SE", consent="private")
    answer_prototype = ConsultationAnswer.for_response(prototype, questions[0])
    loading = bulk_load([ConsultationResponse, ConsultationAnswer]) if copy else contextlib.nullcontext()
    with loading:
        _add_responses(page, count, batch, rng, questions, types, now, copy, fixed, prototype, answer_prototype)
    analyze()
    return time.perf_counter() - started


def _add_responses(page, count, batch, rng, questions, types, now, copy, fixed, prototype, answer_prototype):
    from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse

    for start in range(0, count, batch):
        responses = [
            {
                "token": uuid.uuid4(),
                "submitted_at": now - datetime.timedelta(seconds=rng.randrange(0, 30 * 86400)),
                "respondent_type": rng.choice(types),
                "country": rng.choice(COUNTRIES),
                "city": rng.choice(CITIES),
                "consent": rng.choice(["public", "anonymous", "private"]),
                "name": f"Respondent {start + number}",
                "email": f"r{start + number}@example.org",
            }
            for number in range(min(batch, count - start))
        ]
        with transaction.atomic():
            if copy:
                for values, pk in zip(responses, _next_ids(ConsultationResponse, len(responses)), strict=True):
                    values["id"] = pk
                _copy_rows(ConsultationResponse, prototype, responses)
                answers = []
                for values in responses:
                    for question in questions:
                        for fields in _answers(rng, question):
                            answers.append(
                                {
                                    "response_id": values["id"],
                                    "question_id": question.id,
                                    "kind": question.kind,
                                    "country": values["country"],
                                    "respondent_type": values["respondent_type"],
                                    **fields,
                                }
                            )
                for values, pk in zip(answers, _next_ids(ConsultationAnswer, len(answers)), strict=True):
                    values["id"] = pk
                _copy_rows(ConsultationAnswer, answer_prototype, answers)
            else:
                instances = ConsultationResponse.objects.bulk_create(
                    [ConsultationResponse(**fixed, **values) for values in responses]
                )
                ConsultationAnswer.objects.bulk_create(
                    [
                        ConsultationAnswer.for_response(response, question, **fields)
                        for response in instances
                        for question in questions
                        for fields in _answers(rng, question)
                    ],
                    batch_size=5000,
                )


@contextlib.contextmanager
def bulk_load(models, threshold=0):
    """Load rows into ``models``' tables as a restore does (PostgreSQL): their plain (non-unique) indexes are
    dropped and made again at the end, in one pass each, and the session skips the foreign key triggers
    (``session_replication_role = replica``: the generator writes ids that exist). Unique constraints stay."""
    from django.db import connection

    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
            for _name, definition in indexes:
                cursor.execute(definition)


def _next_ids(model, count):
    """``count`` ids from ``model``'s id sequence (PostgreSQL), as its inserts would take them."""
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
        return [row[0] for row in cursor.fetchall()]


def _copy_rows(model, prototype, rows):
    """``COPY`` ``rows`` (dicts of the values that vary, by attname) into ``model``'s table; every other column
    takes ``prototype``'s value (psycopg 3's ``cursor.copy``)."""
    from django.db import connection

    fields = model._meta.concrete_fields
    base = [field.get_db_prep_save(getattr(prototype, field.attname), connection) for field in fields]
    position = {field.attname: number for number, field in enumerate(fields)}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for values in rows:
                row = base.copy()
                for attname, value in values.items():
                    row[position[attname]] = value
                copy.write_row(row)


def _answers(rng, question):
    """The answer rows' own values (choice, number, text, first) for one response to ``question``."""
    from seismic_wagtail.consultations.questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT

    keys = [key for key, _label in question.choices]
    if question.kind == RATING:
        return [{"number": rng.randint(1, 5)}]
    if question.kind == SINGLE:
        return [{"choice": rng.choice(keys)}]
    if question.kind == MULTIPLE:
        chosen = [key for key in keys if key in rng.sample(keys, k=rng.choice([1, 2]))]
        return [{"choice": key, "first": number == 0} for number, key in enumerate(chosen)]
    if question.kind == RANKING:
        order = rng.sample(keys, k=question.rank_positions)
        return [{"choice": key, "number": position, "first": position == 1} for position, key in enumerate(order, 1)]
    if question.kind == TEXT and rng.random() < 0.3:
        return [{"text": "More green space near schools, and safer cycling."}]
    return []


# --- peers -----------------------------------------------------------------------------------------------


def hand_written_index(listing):
    """The hand-written story index (``benchapp.HandWrittenStoryIndex``) listing ``listing``'s stories."""
    from benchmarks.benchapp.models import HandWrittenStoryIndex

    page = HandWrittenStoryIndex.objects.filter(slug="hand-written-stories").first()
    if page is None:
        page = HandWrittenStoryIndex(title="Stories", slug="hand-written-stories", listing=listing)
        home_page().add_child(instance=page)
        page.save_revision().publish()
    return page


def form_page():
    """Wagtail's form builder page with the consultation's questions and profile (``benchapp.BenchFormPage``).

    Fills ``load.FORM_PAGE_FIELDS`` with the fields' names. The country choices are the consultation form's
    (django-countries, about 250 names), one a line, as an editor would paste them.
    """
    from django_countries import countries

    from benchmarks.benchapp.models import BenchFormField, BenchFormPage

    from .load import FORM_PAGE_FIELDS

    fields = [
        ("rating", "How important is this section?", "radio", "1\n2\n3\n4\n5", True),
        ("single", "Which scale matters most?", "radio", "The neighbourhood\nThe city\nThe region", True),
        ("multiple", "Who should take part?", "checkboxes", "Citizens\nBusiness\nResearchers", False),
        ("ranking_1", "Funding priority: first", "dropdown", "Housing\nMobility\nEnergy", False),
        ("ranking_2", "Funding priority: second", "dropdown", "Housing\nMobility\nEnergy", False),
        ("text", "Anything else?", "multiline", "", False),
        (
            "respondent_type",
            "I am responding as",
            "radio",
            "Citizen\nCivil society organisation\nAcademic or research institution\nPublic authority\nBusiness\nOther",
            True,
        ),
        ("organisation", "Organisation", "singleline", "", False),
        ("country", "Country", "dropdown", "\n".join(name for _code, name in countries), True),
        ("city", "City", "singleline", "", False),
        ("name", "Name", "singleline", "", False),
        ("email", "Email", "email", "", False),
        ("notify", "Email me when the outcome of this consultation is published", "checkbox", "", False),
        (
            "consent",
            "Publication of your response",
            "radio",
            "Publish my response with my name\nPublish my response anonymously\nDo not publish my response",
            True,
        ),
        ("privacy", "I have read the privacy notice.", "checkbox", "", True),
    ]
    page = BenchFormPage.objects.filter(slug="bench-form-page").first()
    if page is None:
        page = BenchFormPage(title="Research agenda consultation", slug="bench-form-page")
        for order, (_key, label, field_type, choices, required) in enumerate(fields):
            page.form_fields.add(
                BenchFormField(sort_order=order, label=label, field_type=field_type, choices=choices, required=required)
            )
        home_page().add_child(instance=page)
        page.save_revision().publish()
    names = {field.label: field.clean_name for field in BenchFormField.objects.filter(page=page)}
    FORM_PAGE_FIELDS.update({key: names[label] for key, label, *_rest in fields})
    return page
