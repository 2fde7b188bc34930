"""Public results page: published only when the editor says so; bars in HTML with the share of respondents;
the headline ranking of the agenda items; figures as tables behind a disclosure; free-text answers published
only with consent and after moderation, paged, filtered, labelled with their language and machine-translated
on request; and a query count that does not grow with the number of responses. Asserted from the HTML."""

import datetime
import random
import re
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from seismic_wagtail.consultations.machine_translation import cache_key
from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationResponse, ModerationStatus
from tests.factories.consultations import ConsultationPageFactory, consultation_questions

from .conftest import answer_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(root_page):
    return ConsultationPageFactory(parent=root_page, slug="published", results_visibility="live")


def bulk_responses(page, count, seed=1):
    rng = random.Random(seed)
    responses = ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation_key=page.translation_key,
            page=page,
            locale=page.locale,
            token=uuid.uuid4(),
            respondent_type=rng.choice(["citizen", "academic", "business"]),
            country=rng.choice(["SE", "TR", "DE"]),
            consent=rng.choice(["public", "anonymous", "private"]),
            name=f"Person {index}",
        )
        for index in range(count)
    )
    if not responses[0].pk:  # databases that do not return ids from bulk inserts
        responses = list(ConsultationResponse.objects.filter(consultation_key=page.translation_key))
    questions = {question.id: question for question in page.get_questions()}

    def row(response, question_id, **fields):
        return ConsultationAnswer.for_response(response, questions[question_id], **fields)

    answers = []
    for response in responses:
        answers.append(row(response, "q-rating", number=rng.randint(1, 5)))
        answers.append(row(response, "q-single", choice=rng.choice(["city", "region"])))
        answers.append(row(response, "q-multiple", choice="citizens"))
        answers.append(row(response, "q-ranking", choice="energy", number=1))
        answers.append(row(response, "q-text", text=f"Idea {response.pk}", moderation=rng.choice(MODERATIONS)))
    ConsultationAnswer.objects.bulk_create(answers, batch_size=2000)


MODERATIONS = [ModerationStatus.APPROVED, ModerationStatus.PENDING, ModerationStatus.REJECTED]


def test_results_are_hidden_unless_published(client, consultation):
    assert client.get(consultation.url + "results/").status_code == 404


def test_results_after_closing_only_once_closed(client, root_page):
    now = timezone.now()
    page = ConsultationPageFactory(parent=root_page, results_visibility="after_closing")
    assert client.get(page.url + "results/").status_code == 404
    page.closes_at = now - datetime.timedelta(hours=1)
    page.opens_at = now - datetime.timedelta(days=3)
    page.save_revision().publish()
    assert client.get(page.url + "results/").status_code == 200


def test_results_page_draws_html_bars_with_figures_behind_a_disclosure(client, published):
    client.post(published.url, answer_data(consent="public", name="Ada Lovelace"))
    client.post(published.url, answer_data(consent="anonymous", name="Grace Hopper", **{"q_q-text": "Anonymous idea"}))
    client.post(published.url, answer_data(consent="private", name="Hidden Person", **{"q_q-text": "Secret idea"}))
    ConsultationAnswer.objects.filter(kind="text").update(moderation=ModerationStatus.APPROVED)
    response = client.get(published.url + "results/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" not in html  # no fixed viewBox shrinking the text on phones
    assert '<ul class="seismic-bars" id="chart-q-single" aria-label="Which scale matters most?">' in html
    assert re.search(
        r'<span class="seismic-bars__label">The city</span>\s*<span class="seismic-bars__track" aria-hidden="true">'
        r'<span class="seismic-bars__bar seismic-bar--w100"></span></span>\s*'
        r'<span class="seismic-bars__value">3 \(100%\)</span>',
        html,
    )
    assert "<summary>Show the figures as a table</summary>" in html
    assert '<th scope="row">The city</th><td>3</td><td>100%</td>' in html
    assert "Average rating: 4.00 out of 5." in html
    # Free text only with consent, named only when the respondent chose so.
    assert "Ada Lovelace" in html and "Anonymous idea" in html
    assert "Grace Hopper" not in html
    assert "Secret idea" not in html and "Hidden Person" not in html


def respond(page, *, locale=None, country="SE", respondent_type="citizen", consent="anonymous", name="", **answers):
    """A confirmed response with ``answers`` given as ``question id=value`` (a list for several rows)."""
    response = ConsultationResponse.objects.create(
        consultation_key=page.translation_key,
        page=page,
        locale=locale or page.locale,
        token=uuid.uuid4(),
        respondent_type=respondent_type,
        country=country,
        consent=consent,
        name=name,
    )
    questions = {question.id: question for question in page.get_questions()}
    rows = []
    for question_id, value in answers.items():
        question = questions[question_id.replace("_", "-")]
        if question.kind == "rating":
            rows.append(ConsultationAnswer.for_response(response, question, number=value))
        elif question.kind == "single":
            rows.append(ConsultationAnswer.for_response(response, question, choice=value))
        elif question.kind == "multiple":
            rows += [
                ConsultationAnswer.for_response(response, question, choice=key, first=index == 0)
                for index, key in enumerate(value)
            ]
        elif question.kind == "ranking":
            rows += [
                ConsultationAnswer.for_response(response, question, choice=key, number=place, first=place == 1)
                for place, key in enumerate(value, 1)
            ]
        else:
            text, moderation = value if isinstance(value, tuple) else (value, ModerationStatus.APPROVED)
            rows.append(ConsultationAnswer.for_response(response, question, text=text, moderation=moderation))
    ConsultationAnswer.objects.bulk_create(rows)
    return response


def bars(html, chart_id):
    """``{label: (figure text, width class)}`` of the bar list ``chart_id``."""
    block = html.split(f'id="{chart_id}"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(
        r'seismic-bars__label">([^<]*)</span>.*?seismic-bar--w(\d+)">.*?seismic-bars__value">([^<]*)</span>',
        block,
        re.S,
    )
    return {label: (figure, int(width)) for label, width, figure in items}


def table(html, caption):
    """The rows of the table with ``caption``, as lists of cell texts (tags stripped)."""
    block = re.split(rf"<caption[^>]*>{re.escape(caption)}</caption>", html, maxsplit=1)[1].split("</table>", 1)[0]
    body = block.split("<tbody>", 1)[1]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_shares_are_of_the_respondents_to_the_question(client, published):
    respond(published, q_single="city", q_multiple=["citizens", "researchers"], country="SE")
    respond(published, q_single="city", q_multiple=["citizens"], country="SE")
    respond(published, q_single="region", q_multiple=["citizens", "business"], country="TR")
    respond(published, q_single="region", country="TR")  # skipped the multiple choice
    html = client.get(published.url + "results/").content.decode()
    # Single choice: of the 4 respondents; the bars are scaled to them, not to the largest bar.
    assert bars(html, "chart-q-single") == {
        "The neighbourhood": ("0 (0%)", 0),
        "The city": ("2 (50%)", 50),
        "The region": ("2 (50%)", 50),
    }
    # Multiple choice: of the 3 who answered it; the shares add up to more than 100%, and the page says so.
    assert bars(html, "chart-q-multiple") == {
        "Citizens": ("3 (100%)", 100),
        "Business": ("1 (33%)", 33),
        "Researchers": ("1 (33%)", 33),
    }
    assert "the percentages can add up to more than 100%" in html
    # Who responded: of all respondents.
    assert bars(html, "respondents-country") == {"Sweden": ("2 (50%)", 50), "Türkiye": ("2 (50%)", 50)}


def test_a_small_share_still_draws_a_visible_bar(client, published):
    for _index in range(150):
        respond(published, q_single="city")
    respond(published, q_single="region")
    html = client.get(published.url + "results/").content.decode()
    assert bars(html, "chart-q-single")["The region"] == ("1 (1%)", 1)
    assert bars(html, "chart-q-single")["The city"] == ("150 (99%)", 99)


@pytest.fixture
def agenda_page(root_page):
    """Three rated agenda items: the two sections and a theme-less question, and the factory's ranking."""
    questions = consultation_questions(required=False)
    extra = [
        {
            "type": "rating",
            "id": "q-rating-2",
            "value": {
                "question": "How important is this section?",
                "help_text": "",
                "required": False,
                "agenda_section": 2,
                "theme": None,
                "low_label": "",
                "high_label": "",
            },
        },
        {
            "type": "rating",
            "id": "q-rating-3",
            "value": {
                "question": "How important is mutual learning?",
                "help_text": "",
                "required": False,
                "agenda_section": None,
                "theme": None,
                "low_label": "",
                "high_label": "",
            },
        },
    ]
    return ConsultationPageFactory(
        parent=root_page, slug="agenda", results_visibility="live", questions=questions[:1] + extra + questions[1:]
    )


def test_the_headline_ranks_the_agenda_items_by_mean_rating(client, agenda_page):
    # Urban governance: 5, 5, 4 (mean 4.67, 3 answers, all 4 or 5); Green infrastructure: 3, 4, 2, 5
    # (mean 3.5, 2 of 4 rate 4 or 5); mutual learning: 4, 4 (mean 4.0).
    for governance, green, learning in [(5, 3, 4), (5, 4, 4), (4, 2, None), (None, 5, None)]:
        answers = {"q_rating": governance, "q_rating_2": green, "q_rating_3": learning}
        respond(agenda_page, **{key: value for key, value in answers.items() if value is not None})
    html = client.get(agenda_page.url + "results/").content.decode()
    assert '<h2 id="ranking-heading">Priorities at a glance</h2>' in html
    assert table(html, "Agenda items ranked by mean rating") == [
        ["1. Urban governance", "4.67", "3", "100%"],
        ["2. How important is mutual learning?", "4.00", "2", "100%"],
        ["3. Green infrastructure", "3.50", "4", "50%"],
    ]
    # A real table, sortable: the server's order is described by aria-sort; sortable headings are marked.
    assert '<th scope="col" data-sort="number" aria-sort="descending">Mean rating</th>' in html
    assert '<th scope="col" data-sort="text">Agenda item</th>' in html
    assert '<th scope="row" data-sort-value="Green infrastructure"><span class="seismic-rank">3.</span>' in html
    assert 'href="#result-q-rating-2">Green infrastructure</a>' in html
    assert '<script src="/static/seismic_wagtail/consultations/sortable-table.js" defer></script>' in html


def test_ranking_questions_get_their_points_table(client, published):
    respond(published, q_ranking=["energy", "housing"])
    respond(published, q_ranking=["housing", "energy"])
    respond(published, q_ranking=["energy"])
    html = client.get(published.url + "results/").content.decode()
    # Two places: a first place 2 points, a second 1. Energy 2+1+2 = 5, housing 1+2 = 3, mobility 0.
    assert table(html, "Options ranked by points") == [
        ["1. Energy", "5", "3 (100%)"],
        ["2. Housing", "3", "2 (67%)"],
        ["3. Mobility", "0", "0 (0%)"],
    ]
    # The bar is the points out of the most possible (3 respondents x 2 points).
    assert bars(html, "chart-q-ranking")["Energy"] == ("5 points · ranked by 3 (100%)", 83)


def test_no_ranking_without_answers(client, published):
    html = client.get(published.url + "results/").content.decode()
    assert "Priorities at a glance" not in html
    assert "sortable-table.js" not in html


@pytest.fixture
def swedish(locales):
    return locales["sv"]


def answers_url(page, question_id="q-text"):
    return page.url + f"results/answers/{question_id}/"


def test_only_approved_answers_with_consent_are_public(client, published):
    respond(published, q_text="Approved and anonymous", consent="anonymous", name="Ann Onymous")
    respond(published, q_text="Approved and named", consent="public", name="Nina Named")
    respond(published, q_text=("Waiting for a moderator", ModerationStatus.PENDING))
    respond(published, q_text=("Rejected by a moderator", ModerationStatus.REJECTED))
    respond(published, q_text="Approved but private", consent="private")
    anonymised = respond(published, q_text="Named, then anonymised", consent="public", name="Erased Person")
    ConsultationResponse.objects.filter(pk=anonymised.pk).update(anonymised_at=timezone.now())
    for url in (published.url + "results/", answers_url(published)):
        html = client.get(url).content.decode()
        assert "Approved and anonymous" in html and "Approved and named" in html
        assert "Nina Named" in html and "Ann Onymous" not in html
        assert "Named, then anonymised" in html and "Erased Person" not in html
        assert "Waiting for a moderator" not in html
        assert "Rejected by a moderator" not in html
        assert "Approved but private" not in html
    assert "Read all 3 published answers" in client.get(published.url + "results/").content.decode()
    # Rejected and pending answers still count as respondents to the question.
    assert published.get_results().questions[-1].respondents == 6


def test_answers_carry_their_language(client, published, swedish, locales):
    respond(published, q_text="More money for parks")
    respond(published, q_text="Mer pengar till parker", locale=swedish)
    html = client.get(published.url + "results/").content.decode()
    assert '<blockquote lang="sv" dir="ltr">Mer pengar till parker</blockquote>' in html
    assert '<blockquote lang="en" dir="ltr">More money for parks</blockquote>' in html
    assert '<span class="seismic-text-answer__language">Swedish</span>' in html
    arabic = Locale.objects.create(language_code="ar")
    respond(published, q_text="مزيد من الحدائق", locale=arabic)
    html = client.get(published.url + "results/").content.decode()
    assert '<blockquote lang="ar" dir="rtl">مزيد من الحدائق</blockquote>' in html


@override_settings(SEISMIC_WAGTAIL={"CONSULTATION_RESULTS_TEXT_ANSWERS": 10})
def test_free_text_answers_are_paged(client, published):
    for index in range(1, 26):
        respond(published, q_text=f"Idea number {index:02d}.")
    html = client.get(published.url + "results/").content.decode()
    shown = re.findall(r"Idea number (\d+)\.", html)
    assert shown == [f"{n:02d}" for n in range(25, 15, -1)]  # the newest ten
    assert "Read all 25 published answers" in html
    html = client.get(answers_url(published)).content.decode()
    assert re.findall(r"Idea number (\d+)\.", html) == [f"{n:02d}" for n in range(25, 15, -1)]
    assert "Showing answers 1 to 10 of 25." in html and "Page 1 of 3" in html
    assert 'rel="next" href="?page=2"' in html and 'rel="prev"' not in html
    html = client.get(answers_url(published) + "?page=3").content.decode()
    assert re.findall(r"Idea number (\d+)\.", html) == ["05", "04", "03", "02", "01"]
    assert "Showing answers 21 to 25 of 25." in html and 'rel="prev" href="?page=2"' in html
    # Past the end: the last page; not a number (or Unicode digits): the first page. Never an error.
    assert "Showing answers 21 to 25 of 25." in client.get(answers_url(published) + "?page=99").content.decode()
    for bad in ("abc", "²", "-1", "0", "1e3"):
        response = client.get(answers_url(published), {"page": bad})
        assert response.status_code == 200
        assert "Showing answers 1 to 10 of 25." in response.content.decode()


def test_free_text_answers_are_filtered(client, published, swedish):
    respond(published, q_text="English citizen in Sweden", country="SE")
    respond(published, q_text="English academic in Turkey", country="TR", respondent_type="academic")
    respond(published, q_text="Swedish citizen in Sweden", locale=swedish, country="SE")
    respond(published, q_text=("Swedish pending", ModerationStatus.PENDING), locale=swedish, country="SE")
    html = client.get(answers_url(published)).content.decode()
    assert "Showing answers 1 to 3 of 3." in html
    # The options are what the published answers hold, with their counts.
    assert '<option value="sv">Swedish (1)</option>' in html and '<option value="en">English (2)</option>' in html
    assert '<option value="TR">Türkiye (1)</option>' in html
    assert '<option value="academic">Academic or research institution (1)</option>' in html
    html = client.get(answers_url(published), {"language": "sv"}).content.decode()
    assert "Swedish citizen in Sweden" in html and "English citizen" not in html and "Swedish pending" not in html
    assert '<option value="sv" selected>Swedish (1)</option>' in html
    html = client.get(answers_url(published), {"country": "SE", "language": "en"}).content.decode()
    assert "English citizen in Sweden" in html
    assert "English academic in Turkey" not in html and "Swedish citizen" not in html
    assert "Showing answer 1 to 1 of 1." in html
    html = client.get(answers_url(published), {"respondent_type": "academic"}).content.decode()
    assert "English academic in Turkey" in html and "citizen" not in html.split("seismic-text-answers")[1]
    # A value no answer has: reported, ignored, nothing lost.
    response = client.get(answers_url(published), {"language": "xx", "country": "SE"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No published answer matches “xx”: showing all of them." in html
    assert 'aria-invalid="true"' in html
    assert "Showing answers 1 to 2 of 2." in html  # the country filter still applies
    # Paging keeps the filters.
    for index in range(12):
        respond(published, q_text=f"More from Sweden {index}", locale=swedish)
    html = client.get(answers_url(published), {"language": "sv"}).content.decode()
    assert 'rel="next" href="?language=sv&amp;page=2"' in html


def test_answers_route_only_for_published_free_text_questions(client, published, consultation):
    assert client.get(answers_url(published, "q-single")).status_code == 404
    assert client.get(answers_url(published, "no-such-question")).status_code == 404
    assert client.get(answers_url(consultation)).status_code == 404  # results not published


def test_show_in_my_language_uses_the_configured_machine_translator(client, published, swedish):
    respond(published, q_text="More money for parks")
    swedish_answer = respond(published, q_text="Mer pengar till parker", locale=swedish)
    html = client.get(published.url + "results/").content.decode()
    assert "Show in my language (English)" in html and "Machine translation" not in html
    assert '<input type="hidden" name="translate" value="1">' in html
    html = client.get(published.url + "results/?translate=1").content.decode()
    # The dummy translator reverses the words: a real translator is never called in tests.
    assert '<div class="seismic-text-answer__translation" lang="en">' in html
    assert "<strong>Machine translation from Swedish</strong>" in html
    assert "<p>parker till pengar Mer</p>" in html
    assert '<blockquote lang="sv" dir="ltr">Mer pengar till parker</blockquote>' in html  # the original stays
    assert html.count("Machine translation from") == 1  # the English answer is not translated
    assert "Show the answers as written" in html
    # Cached by answer and language: a second request does not call the translator.
    answer_id = swedish_answer.answer_rows.get().pk
    assert cache.get(cache_key(answer_id, "en")) == "parker till pengar Mer"
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": "tests.consultations.test_results.Broken"}):
        html = client.get(answers_url(published) + "?translate=1").content.decode()
    assert "<p>parker till pengar Mer</p>" in html


class Broken:
    """A machine translator whose service is down."""

    def __init__(self, options):
        pass

    def can_translate(self, source, target):
        return True

    def translate(self, source, target, strings):
        raise ConnectionError("the translation service is down")


def test_a_failing_or_missing_translator_shows_the_originals(client, published, swedish):
    respond(published, q_text="Mer pengar till parker", locale=swedish)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": "tests.consultations.test_results.Broken"}):
        response = client.get(published.url + "results/?translate=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "could not be translated automatically just now" in html
    assert "Mer pengar till parker" in html and "Machine translation from" not in html
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        html = client.get(published.url + "results/").content.decode()
        assert "Show in my language" not in html
        response = client.get(answers_url(published) + "?translate=1")
    assert response.status_code == 200
    assert "Machine translation is not available on this site." in response.content.decode()
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": "no.such.Translator"}):
        response = client.get(published.url + "results/?translate=1")
    assert response.status_code == 200 and "Show in my language" not in response.content.decode()


def test_unconfirmed_responses_do_not_count(published):
    bulk_responses(published, 3)
    ConsultationResponse.objects.filter(pk=ConsultationResponse.objects.first().pk).update(confirmed=False)
    assert published.get_results().total == 2


@pytest.mark.parametrize(
    "path",
    ["results/", "results/?translate=1", "results/answers/q-text/", "results/answers/q-text/?country=SE&page=2"],
)
def test_results_query_count_is_the_same_for_10_and_1000_responses(client, published, django_assert_num_queries, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure():
        client.get(published.url + path)  # warm per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(published.url + path)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    bulk_responses(published, 10, seed=1)
    small, html = measure()
    assert small <= 20
    if path == "results/":
        assert "10 responses" in html
    bulk_responses(published, 990, seed=2)
    client.get(published.url + path)
    with django_assert_num_queries(small):
        response = client.get(published.url + path)
    html = response.content.decode()
    if path == "results/":
        assert "1,000 responses" in html  # grouped by seismic_number
    assert html.count('class="seismic-text-answer"') == 10  # a full page of approved answers
