"""The networks app's signal receivers, connected with ``sender=`` each network page class (``NetworkPage`` and
a site's subclasses) by :func:`register_signal_handlers` in ``NetworksConfig.ready()``.

- :func:`extend_team_to_translation`: a new network page whose translation key has a team (a translation
  made by wagtail-localize, or a copy) gets the team's page permissions and review workflow at once, so
  the national editors can edit their network in a language added later (:mod:`.roles`).
"""

from django.apps import apps
from django.db.models.signals import post_save

from .models import NetworkPage
from .roles import on_network_translation_created


def extend_team_to_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        on_network_translation_created(instance)


def network_page_models():
    return [model for model in apps.get_models() if issubclass(model, NetworkPage)]


def register_signal_handlers():
    for model in network_page_models():
        post_save.connect(
            extend_team_to_translation,
            sender=model,
            dispatch_uid=f"seismic_networks_team_{model._meta.label_lower}",
        )
