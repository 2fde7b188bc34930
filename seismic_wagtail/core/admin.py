"""Deprecated: the SEiSMiC admin menu group moved to :mod:`seismic_wagtail.core.menu`.

``admin.py`` is the module Django's admin autodiscovery imports, so the package keeps admin menu code out of
it. Importing a name from here still works and warns; import it from ``seismic_wagtail.core.menu``.
"""

import warnings

from . import menu

_MOVED = {"SEISMIC_MENU_HOOK", "SEISMIC_MENU_CONSTRUCT_HOOK", "seismic_menu", "SeismicMenuMixin", "seismic_menu_item"}


def __getattr__(name):
    if name in _MOVED:
        warnings.warn(
            f"seismic_wagtail.core.admin.{name} moved to seismic_wagtail.core.menu.{name}; "
            "the old import path will be removed in a future release.",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(menu, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
