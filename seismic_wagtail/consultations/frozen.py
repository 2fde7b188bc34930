"""Published results outlive the responses behind them: aggregates are frozen before a purge deletes rows.

A consultation's results are counted from its responses (:mod:`.results`). When the retention purge
(:func:`.privacy.purge_responses`, the ``seismic_purge_responses`` and ``seismic_purge_personal_data``
commands) deletes responses past their retention period, :func:`freeze_responses` first writes their counts,
in the same transaction, to :class:`~.models.FrozenRespondentCount` and :class:`~.models.FrozenAnswerCount`:
grouped exactly as the results group the live rows, with no identity. ``count_respondents`` and
``count_answers`` add them back (one extra grouped query each), so the published figures stay the same.

Only confirmed responses are frozen: unconfirmed ones never counted. Free-text answers keep only their count
(the text is deleted with the response). An erasure at a person's request (:func:`.privacy.erase_responses`)
does not freeze: the person's contribution leaves the counts too (see ``docs/how-to/privacy.md``); use
"anonymise" to keep it in the results without the identity.
"""

from django.apps import apps
from django.db.models import Count, Sum

RESPONSE_GROUP = ("consultation_key", "locale__language_code", "country", "respondent_type")
ANSWER_GROUP = (
    "consultation_key",
    "question_id",
    "choice",
    "number",
    "first",
    "locale__language_code",
    "country",
    "respondent_type",
)


def _model(name):
    # Looked up in the app registry rather than imported: ``models`` computes results through ``results``,
    # which reads the frozen counts here, and an import of ``models`` would close that loop.
    return apps.get_model("seismic_consultations", name)


def freeze_responses(responses):
    """Add the counts of the confirmed ``responses`` (a queryset about to be deleted) and of their confirmed
    answers to the frozen counts. Two grouped reads and two bulk inserts, whatever the number of responses.
    Call it inside the transaction that deletes them. Returns the number of respondents frozen."""
    FrozenRespondentCount, FrozenAnswerCount = _model("FrozenRespondentCount"), _model("FrozenAnswerCount")
    confirmed = responses.filter(confirmed=True)
    respondent_rows = [
        FrozenRespondentCount(
            consultation_key=key, language_code=language_code, country=country, respondent_type=respondent_type, n=n
        )
        for key, language_code, country, respondent_type, n in confirmed.order_by()
        .values_list(*RESPONSE_GROUP)
        .annotate(n=Count("pk"))
    ]
    if not respondent_rows:
        return 0
    answer_rows = [
        FrozenAnswerCount(
            consultation_key=key,
            question_id=question_id,
            choice=choice,
            number=number,
            first=first,
            language_code=language_code,
            country=country,
            respondent_type=respondent_type,
            n=n,
        )
        for key, question_id, choice, number, first, language_code, country, respondent_type, n in (
            _model("ConsultationAnswer")
            .objects.filter(response__in=confirmed, confirmed=True)
            .order_by()
            .values_list(*ANSWER_GROUP)
            .annotate(n=Count("pk"))
        )
    ]
    FrozenRespondentCount.objects.bulk_create(respondent_rows, batch_size=1000)
    FrozenAnswerCount.objects.bulk_create(answer_rows, batch_size=1000)
    return sum(row.n for row in respondent_rows)


def frozen_respondent_counts(consultation_key):
    """``[(language_code, country, respondent_type, n)]`` frozen for a consultation (one grouped query)."""
    return (
        _model("FrozenRespondentCount")
        .objects.filter(consultation_key=consultation_key)
        .order_by()
        .values_list("language_code", "country", "respondent_type")
        .annotate(total=Sum("n"))
    )


def frozen_answer_counts(consultation_key):
    """``[(question_id, choice, number, first, language_code, country, respondent_type, n)]`` frozen for a
    consultation (one grouped query)."""
    return (
        _model("FrozenAnswerCount")
        .objects.filter(consultation_key=consultation_key)
        .order_by()
        .values_list("question_id", "choice", "number", "first", "language_code", "country", "respondent_type")
        .annotate(total=Sum("n"))
    )
