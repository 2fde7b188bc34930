"""The networks app's filter for core's translation status report: "Network".

A page is "in" a network when it is one of the network page's translations, below one of them, or of a page
type with a ``network`` foreign key to one of them. Registered with core's
``register_seismic_translation_status_filter`` hook in ``wagtail_hooks.py``; the network page model is
``SEISMIC_WAGTAIL["NETWORK_PAGE_MODEL"]`` (resolved with ``seismic_wagtail.core.swappable``), and there is no
filter when it is not installed.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from seismic_wagtail.core.swappable import get_network_page_model
from seismic_wagtail.core.translation_status import ReportFilter, has_field, report_page_models, source_pages


def network_choices():
    """``(pk, title)`` of every source network page, by title."""
    model = get_network_page_model()
    if model is None:
        return []
    return [(page.pk, page.title) for page in source_pages([model]).order_by("title")]


def filter_by_network(queryset, network, page_models=None):
    """Pages "in" ``network``: any of its translations, their descendants, and pages of models with a
    ``network`` foreign key to one of them."""
    page_models = report_page_models() if page_models is None else page_models
    translations = list(Page.objects.filter(translation_key=network.translation_key).values_list("pk", "path"))
    condition = Q(pk__in=[pk for pk, _path in translations])
    for _pk, path in translations:
        condition |= Q(path__startswith=path)
    model = get_network_page_model()
    for page_model in page_models:
        if model is not None and has_field(page_model, "network"):
            related = page_model._meta.get_field("network").related_model
            if related is not None and issubclass(model, related):
                condition |= Q(
                    pk__in=page_model.objects.filter(network__in=[pk for pk, _path in translations]).values("pk")
                )
    return queryset.filter(condition)


def apply_network_filter(queryset, value):
    """The report's pages in the network page with the primary key ``value`` (none when there is no such page)."""
    network = Page.objects.filter(pk=value).first()
    return filter_by_network(queryset, network) if network else queryset.none()


def network_report_filter():
    """The "Network" :class:`~seismic_wagtail.core.translation_status.ReportFilter`, or ``None`` when the
    network page model is not installed."""
    if get_network_page_model() is None:
        return None
    return ReportFilter(name="network", label=_("Network"), choices=network_choices, apply=apply_network_filter)
