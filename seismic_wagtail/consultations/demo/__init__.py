"""Demo content of the consultations app (``manage.py seismic_demo``, after core, networks and stories).

* An open consultation on the JPI Urban Europe research and innovation agenda, its sections following the
  five agenda themes (``context.registry["themes"]``), translated with wagtail-localize into the languages
  whose file in this folder has it (Swedish, Turkish and German) when the site has them, with over 200
  generated responses spread over the languages.
* A closed consultation from 2015 with its results published and its outcome ("what we heard, what changed").

The free-text answers that respondents agreed to publish are approved (all of the closed consultation's,
three in four of the open one's); the others wait in the moderation queue.

Both go into ``context.registry["consultations"]`` by slug.

The data is in this folder: ``content.json`` (dates, how many responses in which language, where respondents
come from), ``en.json`` (the text of the pages and the form, respondents' names and free-text answers) and
one file per other language. Responses are generated with a seeded ``random.Random`` and bulk-created; a
second run finds the pages and their responses and creates nothing.
"""

import datetime
import random
import uuid

from django.utils import timezone

from seismic_wagtail.core.demo_context import load, strings

from ..models import (
    PUBLISHED_CONSENTS,
    ConsultationAnswer,
    ConsultationPage,
    ConsultationResponse,
    ConsultationStatus,
    ModerationStatus,
)
from ..questions import MULTIPLE, RANKING, RATING, SINGLE, TEXT

#: How much the respondents care about each theme (mean rating), the basis of the generated ratings.
THEME_PRIORITY = {"governance": 3.7, "vibrancy": 3.0, "welfare": 3.9, "environment": 4.3, "connectivity": 3.4}
CORE_DEMO = "seismic_wagtail.core.demo"


def create_demo(context):
    content, english = load(__name__, "content"), load(__name__, "en")
    translations = context.translations(__name__)
    now = timezone.now().replace(second=0, microsecond=0)
    pages = [_consultation(context, data, english, translations, now) for data in content["consultations"]]
    for data, page in zip(content["consultations"], pages, strict=True):
        context.registry.setdefault("consultations", {})[data["slug"]] = page
        _generate_responses(context, page, data, content["respondents"], list(english["form"]["sections"]))


def _moment(value, now):
    """A date of ``content.json``: days from now (a number) or an ISO 8601 date and time."""
    if isinstance(value, int):
        return now + datetime.timedelta(days=value)
    return datetime.datetime.fromisoformat(value)


def _consultation(context, data, english, translations, now):
    slug = data["slug"]
    text = english["consultations"][slug]
    fields = {
        "opens_at": _moment(data["opens_at"], now),
        "closes_at": _moment(data["closes_at"], now),
        "results_visibility": data["results_visibility"],
    }
    existing = context.parent.get_children().filter(slug=slug, locale=context.parent.locale).first()
    if existing is None:
        fields.update(
            intro=f"<p>{text['intro']}</p>",
            agenda=_agenda(context.registry.get("themes", {}), english["form"]),
            questions=_questions(english["form"]),
            privacy_notice=f"<p>{english['form']['privacy']}</p>",
            thank_you_text=f"<p>{english['form']['thanks']}</p>",
            retention_days=730,
            outcome=_outcome(text),
        )
    page = context.child_page(context.parent, ConsultationPage, slug, title=text["title"], **fields)
    core_english = load(CORE_DEMO, "en")["themes"]
    for locale, translation in translations:
        local = translation.get("consultations", {}).get(slug)
        if local:
            theme_names = strings(core_english, load(CORE_DEMO, locale.language_code).get("themes"))
            page_strings = {**strings(english["form"], translation.get("form")), **strings(text, local)}
            context.ensure_translated(page, locale, {**theme_names, **page_strings})
    return page


def _outcome(text):
    """The outcome of a closed consultation ("you said, we did"): what was heard, then what changed."""
    return "".join(f"<p>{text[key]}</p>" for key in ("outcome_heard", "outcome_changed") if text.get(key))


def _agenda(themes, form):
    names = {slug: theme["name"] for slug, theme in load(CORE_DEMO, "en")["themes"].items()}
    return [
        {
            "type": "section",
            "value": {
                "heading": names[slug],
                "theme": themes[slug].pk if slug in themes else None,
                "text": f"<p>{text}</p>",
            },
        }
        for slug, text in form["sections"].items()
    ]


def _choices(labels):
    return [
        {"type": "item", "id": str(uuid.uuid4()), "value": {"key": key, "label": label}}
        for key, label in labels.items()
    ]


def _questions(form):
    rating = form["rating"]
    ratings = [
        {
            "type": "rating",
            "value": {
                "question": rating["question"],
                "help_text": "",
                "required": True,
                "agenda_section": number,
                "theme": None,
                "low_label": rating["low"],
                "high_label": rating["high"],
            },
        }
        for number in range(1, len(form["sections"]) + 1)
    ]
    return ratings + [
        _choice_question("single_choice", form["scale"], required=True),
        _choice_question("multiple_choice", form["actors"], required=False, max_choices=3),
        _choice_question("ranking", form["methods"], required=False, positions=3),
        {
            "type": "text",
            "value": {"question": form["missing"]["question"], "help_text": "", "required": False, "max_length": 2000},
        },
    ]


def _choice_question(kind, text, required, **options):
    """A question block of ``kind`` with the question and choices of ``text`` (a part of ``en.json``'s form)."""
    value = {"question": text["question"], "help_text": "", "required": required, **options}
    return {"type": kind, "value": {**value, "choices": _choices(text["choices"])}}


def _generate_responses(context, page, data, respondents, section_order):
    """``data["responses"]`` responses per language to ``page``, from ``data["seed"]``: people answer the
    translation in their language (the source page when the site lacks it), with names and free-text answers
    of that language's file and countries and cities of ``respondents`` (``content.json``)."""
    if ConsultationResponse.objects.filter(consultation_key=page.translation_key).exists():
        return
    per_language = data["responses"]
    people = {code: load(__name__, code)["respondents"] for code in per_language}
    rng = random.Random(data["seed"])  # noqa: S311 (demo data, reproducible by seed)
    versions = {page.locale.language_code: page}
    for code in per_language:
        locale = context.locale(code)
        translation = page.get_translation_or_none(locale) if locale is not None else None
        if translation is not None:
            versions[code] = translation.specific
    questions = page.get_questions()
    section_slugs = dict(zip([str(child.id) for child in page.agenda], section_order, strict=False))
    end = min(timezone.now(), page.closes_at)
    span = max((end - page.opens_at).total_seconds(), 3600)

    responses = []
    for code, count in per_language.items():
        version = versions.get(code, page)  # a site without the language: those people answer in English
        for _index in range(count):
            country = rng.choice(respondents["countries"][code])
            respondent_type = rng.choices(
                ["citizen", "civil_society", "academic", "public_authority", "business", "other"],
                weights=[34, 20, 18, 16, 8, 4],
            )[0]
            consent = rng.choices(["public", "anonymous", "private"], weights=[30, 50, 20])[0]
            organisation = (
                rng.choice(respondents["organisations"]) if respondent_type not in ("citizen", "other") else ""
            )
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
                    city=rng.choice(respondents["cities"][country]) if rng.random() < 0.7 else "",
                    organisation_name=organisation,
                    name=rng.choice(people[code]["names"]) if consent == "public" else "",
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
            answers.extend(
                _answers(rng, response, question, section_slugs, code, people.get(code, people["en"])["answers"])
            )
    _moderate(answers, closed=page.get_status() == ConsultationStatus.CLOSED)
    # Stored in the order the responses came in, so that "newest first" (by id) on the results page is the
    # latest submitted, not the last language generated. The figures do not change: no random draw here.
    answers.sort(key=lambda answer: answer.response.submitted_at)
    answers = ConsultationAnswer.objects.bulk_create(answers, batch_size=2000)
    if answers and answers[0].pk is None:
        answers = list(ConsultationAnswer.objects.filter(response__in=responses))
    context.created_in_bulk(responses)
    context.created_in_bulk(answers)


def _moderate(answers, closed):
    """Moderate the free-text answers that may be published: all of a closed consultation approved; of an open
    one, three in four approved and the rest left in the moderation queue (decided by position, not by the
    random generator, so the generated answers stay the same)."""
    moderated_at = timezone.now()
    publishable = [
        answer for answer in answers if answer.kind == TEXT and answer.response.consent in PUBLISHED_CONSENTS
    ]
    for index, answer in enumerate(publishable):
        if closed or index % 4:
            answer.moderation = ModerationStatus.APPROVED
            answer.moderated_at = moderated_at


def _answers(rng, response, question, section_slugs, code, free_texts):
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
        return [row(text=rng.choice(free_texts))]
    return []
