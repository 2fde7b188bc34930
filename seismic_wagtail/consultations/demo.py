"""Demo content of the consultations app (``manage.py seismic_demo``, after core, networks and stories).

* An open consultation on the JPI Urban Europe research and innovation agenda, its sections following the
  five agenda themes (``context.registry["themes"]``), translated with wagtail-localize into Swedish,
  Turkish and German when the site has them, with over 200 generated responses spread over the languages.
* A closed consultation from 2015 with its results published.

Responses are generated with a seeded ``random.Random`` and bulk-created; a second run finds the pages and
their responses and creates nothing.
"""

import datetime
import random
import uuid

from django.utils import timezone

from . import demo_data as data
from .models import ConsultationAnswer, ConsultationPage, ConsultationResponse
from .questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT

DEMO_LANGUAGES = ("sv", "tr", "de")
THEME_ORDER = ("governance", "vibrancy", "welfare", "environment", "connectivity")
#: How much the respondents care about each theme (mean rating), the basis of the generated ratings.
THEME_PRIORITY = {"governance": 3.7, "vibrancy": 3.0, "welfare": 3.9, "environment": 4.3, "connectivity": 3.4}
#: Responses per language of the open consultation (English is the default language).
OPEN_RESPONSES = {"en": 84, "sv": 48, "tr": 42, "de": 46}
CLOSED_RESPONSES = {"en": 60, "sv": 25, "tr": 20, "de": 30}


def create_demo(context):
    themes = context.registry.get("themes", {})
    now = timezone.now().replace(second=0, microsecond=0)
    open_page = _consultation(
        context,
        slug="research-agenda-consultation",
        title=data.TITLE,
        intro=data.INTRO,
        themes=themes,
        opens_at=now - datetime.timedelta(days=21),
        closes_at=now + datetime.timedelta(days=60),
        results_visibility="live",
        strings=data.TRANSLATIONS,
    )
    closed_page = _consultation(
        context,
        slug="research-priorities-2015",
        title=data.CLOSED_TITLE,
        intro=data.CLOSED_INTRO,
        themes=themes,
        opens_at=datetime.datetime(2015, 3, 2, 9, 0, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2015, 6, 30, 22, 0, tzinfo=datetime.UTC),
        results_visibility="after_closing",
        strings={code: {**data.TRANSLATIONS[code], **data.CLOSED_TRANSLATIONS[code]} for code in data.TRANSLATIONS},
    )
    context.registry["consultations"] = {"open": open_page, "closed": closed_page}
    _generate_responses(context, open_page, OPEN_RESPONSES, seed=2016)
    _generate_responses(context, closed_page, CLOSED_RESPONSES, seed=2015)


def _consultation(context, *, slug, title, intro, themes, strings, **fields):
    existing = context.parent.get_children().filter(slug=slug, locale=context.parent.locale).first()
    if existing is None:
        fields.update(
            intro=f"<p>{intro}</p>",
            agenda=_agenda(themes),
            questions=_questions(),
            privacy_notice=f"<p>{data.PRIVACY}</p>",
            thank_you_text=f"<p>{data.THANKS}</p>",
            retention_days=730,
        )
    page = context.child_page(context.parent, ConsultationPage, slug, title=title, **fields)
    for code in DEMO_LANGUAGES:
        locale = context.locale(code)
        if locale is not None:
            theme_names = _theme_strings(code)
            context.ensure_translated(page, locale, {**theme_names, **strings[code]})
    return page


def _theme_strings(code):
    from seismic_wagtail.core.demo_data import THEMES

    return {theme["name"]["en"]: theme["name"][code] for theme in THEMES if code in theme["name"]}


def _agenda(themes):
    from seismic_wagtail.core.demo_data import THEMES

    names = {theme["slug"]: theme["name"]["en"] for theme in THEMES}
    return [
        {
            "type": "section",
            "value": {
                "heading": names[slug],
                "theme": themes[slug].pk if slug in themes else None,
                "text": f"<p>{data.SECTION_TEXTS[slug]}</p>",
            },
        }
        for slug in THEME_ORDER
    ]


def _choices(pairs):
    return [{"type": "item", "id": str(uuid.uuid4()), "value": {"key": key, "label": label}} for key, label in pairs]


def _questions():
    ratings = [
        {
            "type": "rating",
            "value": {
                "question": data.RATING_QUESTION,
                "help_text": "",
                "required": True,
                "agenda_section": number,
                "theme": None,
                "low_label": data.LOW,
                "high_label": data.HIGH,
            },
        }
        for number in range(1, len(THEME_ORDER) + 1)
    ]
    return ratings + [
        {
            "type": "single_choice",
            "value": {
                "question": data.SCALE_QUESTION,
                "help_text": "",
                "required": True,
                "choices": _choices(data.SCALE_CHOICES),
            },
        },
        {
            "type": "multiple_choice",
            "value": {
                "question": data.ACTORS_QUESTION,
                "help_text": "",
                "required": False,
                "max_choices": 3,
                "choices": _choices(data.ACTORS_CHOICES),
            },
        },
        {
            "type": "ranking",
            "value": {
                "question": data.METHODS_QUESTION,
                "help_text": "",
                "required": False,
                "positions": 3,
                "choices": _choices(data.METHODS_CHOICES),
            },
        },
        {
            "type": "text",
            "value": {"question": data.MISSING_QUESTION, "help_text": "", "required": False, "max_length": 2000},
        },
    ]


def _generate_responses(context, page, per_language, seed):
    if ConsultationResponse.objects.filter(consultation_key=page.translation_key).exists():
        return
    rng = random.Random(seed)  # noqa: S311 (demo data, reproducible by seed)
    versions = {page.locale.language_code: page}
    for code in DEMO_LANGUAGES:
        locale = context.locale(code)
        translation = page.get_translation_or_none(locale) if locale is not None else None
        if translation is not None:
            versions[code] = translation.specific
    questions = page.get_questions()
    section_slugs = dict(zip([str(child.id) for child in page.agenda], THEME_ORDER, strict=False))
    end = min(timezone.now(), page.closes_at)
    span = max((end - page.opens_at).total_seconds(), 3600)

    responses = []
    for code, count in per_language.items():
        version = versions.get(code, page)  # a site without the language: those people answer in English
        for _index in range(count):
            country = rng.choice(data.COUNTRIES[code])
            respondent_type = rng.choices(
                ["citizen", "civil_society", "academic", "public_authority", "business", "other"],
                weights=[34, 20, 18, 16, 8, 4],
            )[0]
            consent = rng.choices(["public", "anonymous", "private"], weights=[30, 50, 20])[0]
            organisation = rng.choice(data.ORGANISATIONS) if respondent_type not in ("citizen", "other") else ""
            responses.append(
                ConsultationResponse(
                    consultation_key=page.translation_key,
                    page=version,
                    locale=version.locale,
                    token=uuid.uuid4(),
                    submitted_at=page.opens_at + datetime.timedelta(seconds=rng.uniform(0, span)),
                    confirmed_at=None,  # generated: counted without an email round trip
                    respondent_type=respondent_type,
                    country=country,
                    city=rng.choice(data.CITIES[country]) if rng.random() < 0.7 else "",
                    organisation_name=organisation,
                    name=rng.choice(data.NAMES[code]) if consent == "public" else "",
                    consent=consent,
                )
            )
    responses = ConsultationResponse.objects.bulk_create(responses, batch_size=500)
    if responses and responses[0].pk is None:  # a database that returns no ids from bulk inserts
        responses = list(ConsultationResponse.objects.filter(consultation_key=page.translation_key))

    answers = []
    for response in responses:
        code = response.locale.language_code if response.locale_id else "en"
        for question in questions:
            answers.extend(_answers(rng, response, question, section_slugs, code))
    answers = ConsultationAnswer.objects.bulk_create(answers, batch_size=2000)
    if answers and answers[0].pk is None:
        answers = list(ConsultationAnswer.objects.filter(response__in=responses))
    context.created_in_bulk(responses)
    context.created_in_bulk(answers)


def _answers(rng, response, question, section_slugs, code):
    def row(**fields):
        return ConsultationAnswer.for_response(response, question, **fields)

    keys = [key for key, _label in question.choices]
    if question.kind == RATING:
        mean = THEME_PRIORITY.get(section_slugs.get(question.subject_id), 3.5)
        if code == "tr" and section_slugs.get(question.subject_id) == "environment":
            mean += 0.3  # earthquake and climate resilience weigh heavily in Turkish cities
        return [row(number=max(1, min(5, round(rng.gauss(mean, 0.9)))))]
    if question.kind == SINGLE:
        return [row(choice=rng.choices(keys, weights=[3, 4, 2, 2][: len(keys)] or None)[0])]
    if question.kind == MULTIPLE:
        if rng.random() < 0.15:
            return []
        chosen = rng.sample(keys, k=rng.choice([1, 2, 3, 3]))
        return [row(choice=key, first=index == 0) for index, key in enumerate(key for key in keys if key in chosen)]
    if question.kind == RANKING:
        if rng.random() < 0.2:
            return []
        order = sorted(keys, key=lambda key: rng.random() - (0.3 if key in ("living-labs", "mutual-learning") else 0))
        return [
            row(choice=key, number=position, first=position == 1)
            for position, key in enumerate(order[: question.rank_positions], 1)
        ]
    if question.kind == TEXT and rng.random() < 0.3:
        return [row(text=rng.choice(data.MISSING_ANSWERS.get(code, data.MISSING_ANSWERS["en"])))]
    return []
