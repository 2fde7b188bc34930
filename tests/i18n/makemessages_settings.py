"""Settings for ``make messages``: the test settings, with the package's one catalogue as the locale path.

``makemessages`` runs in ``seismic_wagtail/`` and writes the strings of every app into
``seismic_wagtail/core/locale`` (``LOCALE_PATHS[0]``), so the whole package has one catalogue per language.
"""

from pathlib import Path

from tests.testapp.settings import *  # noqa: F403

LOCALE_PATHS = [Path(__file__).resolve().parents[2] / "seismic_wagtail" / "core" / "locale"]
