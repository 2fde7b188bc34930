# The results' responses index also holds the latest confirmation and anonymisation of each group: the
# fingerprint of the results cache, read from the index alone (see results.ResultsCache). The two indexes of
# free-text answers become partial (kind = "text"): the other answers, about 95% of the rows, need no entry.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("seismic_consultations", "0004_results_licence"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="consultationresponse",
            name="seismic_cons_resp_results",
        ),
        migrations.AddIndex(
            model_name="consultationresponse",
            index=models.Index(
                fields=[
                    "consultation_key",
                    "locale",
                    "country",
                    "respondent_type",
                    "confirmed",
                    "confirmed_at",
                    "anonymised_at",
                ],
                name="seismic_cons_resp_counts",
            ),
        ),
        migrations.RemoveIndex(
            model_name="consultationanswer",
            name="seismic_cons_answer_latest",
        ),
        migrations.RemoveIndex(
            model_name="consultationanswer",
            name="seismic_cons_answer_moderation",
        ),
        migrations.AddIndex(
            model_name="consultationanswer",
            index=models.Index(
                condition=models.Q(("kind", "text")), fields=["question_id", "id"], name="seismic_cons_answer_latest"
            ),
        ),
        migrations.AddIndex(
            model_name="consultationanswer",
            index=models.Index(
                condition=models.Q(("kind", "text")),
                fields=["question_id", "moderation", "id", "moderated_at"],
                name="seismic_cons_answer_moderation",
            ),
        ),
    ]
