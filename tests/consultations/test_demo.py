import pytest
from django.core.management import call_command

from seismic_wagtail.consultations.models import ConsultationAnswer, ConsultationPage, ConsultationResponse

pytestmark = pytest.mark.django_db


def test_demo_creates_open_multilingual_consultation_and_closed_one_with_results(
    locales, root_page, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    open_en = ConsultationPage.objects.get(slug="research-agenda-consultation", locale=locales["en"])
    assert open_en.status == "open"
    versions = ConsultationPage.objects.filter(translation_key=open_en.translation_key)
    assert {page.locale.language_code for page in versions} >= {"en", "sv", "tr", "de"}
    sv = versions.get(locale=locales["sv"])
    assert sv.title == "JPI Urban Europes forsknings- och innovationsagenda"
    assert sv.get_questions()[5].label == "På vilken nivå bör forsknings- och innovationsprojekt arbeta först?"
    assert [c.id for c in sv.agenda] == [c.id for c in open_en.agenda]

    responses = ConsultationResponse.objects.filter(consultation_key=open_en.translation_key)
    assert responses.count() >= 200
    assert set(responses.values_list("locale__language_code", flat=True)) >= {"en", "sv", "tr", "de"}
    results = sv.get_results()
    assert results.total == responses.count()
    environment = next(r for r in results.questions if r.question.subject == sv.agenda[3].value["heading"])
    assert 3.5 < environment.average <= 5

    closed = ConsultationPage.objects.get(slug="research-priorities-2015", locale=locales["en"])
    assert closed.status == "closed" and closed.results_published
    page = client.get(closed.url + "results/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    assert client.get(sv.url).status_code == 200

    counts = (ConsultationPage.objects.count(), ConsultationResponse.objects.count(), ConsultationAnswer.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seismic_demo", verbosity=0)
    assert (
        ConsultationPage.objects.count(), ConsultationResponse.objects.count(), ConsultationAnswer.objects.count()
    ) == counts
