"""One mechanism for the personal data the package's apps store: erasure by email and retention purge.

Each app that stores visitors' personal data describes it in its ``privacy`` module with a
:class:`PersonalData` object named ``PERSONAL_DATA`` (the consultations app: responses; the networks app: join
requests). Core names no app: it finds them. :func:`personal_data_sources` finds them in
the installed apps, so an app that is not installed is simply not covered, and a site's own app can join in
by adding a ``privacy`` module of its own.

The commands ``seismic_erase_personal_data --email ...`` and ``seismic_purge_personal_data`` run every
source (``docs/how-to/privacy.md``). Each source's functions run in their own transaction and return counts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class PersonalData:
    """What one app stores about visitors, and how to find, erase and purge it.

    - ``count(email)``: how many records were given with ``email`` (case-insensitive).
    - ``erase(email)``: delete them; returns the number deleted.
    - ``anonymise(email)``: keep them without what identifies the person; ``None`` when the records have no
      use without it (they are erased instead).
    - ``purge(now, dry_run)``: delete what is past its retention period; returns ``{reason: count}``.
    - ``model``: the model that holds the records; the admin's "Erase or anonymise by email" view acts on a
      source for users with the model's "delete" permission and names it by its ``verbose_name_plural``
      (a source without a model is left to the commands).
    """

    name: str
    count: Callable[[str], int]
    erase: Callable[[str], int]
    purge: Callable[..., dict]
    anonymise: Callable[[str], int] | None = None
    model: type | None = None

    @property
    def delete_permission(self):
        if self.model is None:
            return None
        return f"{self.model._meta.app_label}.delete_{self.model._meta.model_name}"


def personal_data_sources(names=None):
    """The ``PERSONAL_DATA`` of every installed app that has a ``privacy`` module defining one, in app order
    (only those whose ``name`` is in ``names`` when given)."""
    sources = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "privacy"):
            continue
        source = getattr(import_module(f"{config.name}.privacy"), "PERSONAL_DATA", None)
        if isinstance(source, PersonalData) and (names is None or source.name in names):
            sources.append(source)
    return sources


def erase_personal_data(email, *, anonymise=False, dry_run=False, names=None):
    """Erase (or anonymise, where a source can) every record given with ``email``, in every source.

    Returns ``[(source, action, count)]`` with ``action`` one of ``"found"`` (dry run), ``"erased"`` and
    ``"anonymised"``.
    """
    report = []
    for source in personal_data_sources(names):
        if dry_run:
            report.append((source, "found", source.count(email)))
        elif anonymise and source.anonymise is not None:
            report.append((source, "anonymised", source.anonymise(email)))
        else:
            report.append((source, "erased", source.erase(email)))
    return report


def purge_personal_data(now=None, *, dry_run=False, names=None):
    """Run every source's retention purge. Returns ``[(source, {reason: count})]``."""
    return [(source, source.purge(now=now, dry_run=dry_run)) for source in personal_data_sources(names)]
