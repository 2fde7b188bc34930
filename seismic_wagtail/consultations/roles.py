"""The consultations' part of the roles (``manage.py seismic_roles``, :mod:`seismic_wagtail.core.roles`).

An agenda consultation speaks for the whole network, so the central editors hold it: they see the responses
with the respondents' personal data, moderate the free-text answers, and (with ``--workflows``) approve every
consultation before it goes live, in a review workflow of one step assigned to each consultation page in every
language. A consultation page created later gets the workflow as well (:mod:`.signal_handlers`).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from seismic_wagtail.core import roles

from .models import ConsultationPage

#: The :class:`~seismic_wagtail.core.models.ReviewWorkflow` scope of the consultations' review workflow.
WORKFLOW_SCOPE = "consultations"

#: The central editors' model permissions: responses (no adding: visitors send them) and their answers.
CENTRAL_MODEL_PERMISSIONS = [
    "seismic_consultations.view_consultationresponse",
    "seismic_consultations.change_consultationresponse",
    "seismic_consultations.delete_consultationresponse",
    "seismic_consultations.view_personal_data",
    "seismic_consultations.view_consultationanswer",
    "seismic_consultations.change_consultationanswer",
]


def consultations_in(roots):
    """Every consultation page (all translations) in the subtrees of ``roots``."""
    return ConsultationPage.objects.filter(roles.in_area(roots))


def ensure_workflow(central):
    """The consultations' review workflow: the central editors (``central``) approve."""
    task = roles.central_approval_task(central)
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Review: agenda consultations")
    return roles.ensure_review_workflow(WORKFLOW_SCOPE, name, [task])


def setup_roles(setup):
    setup.grant_central_models(CENTRAL_MODEL_PERMISSIONS)
    if setup.workflows:
        pages = roles.translations_of(consultations_in(setup.roots))
        assigned = roles.assign_workflow(ensure_workflow(setup.central), pages)
        setup.report.append(f"Consultations: review workflow on {len(assigned)} pages")


def on_consultation_page_created(page):
    """A new consultation page (or a translation of one) gets the review workflow when the site installed it."""
    workflow = roles.review_workflow(WORKFLOW_SCOPE)
    if workflow is not None:
        roles.assign_workflow(workflow, [page])
