#!/usr/bin/env bash
# Build the wheel, install it into a clean virtualenv, and run the hostsite tests with that virtualenv as
# the hosts' Python: a fresh `wagtail start` site and the two existing-site fixtures of tests/hostsites/
# each get the README's "Install into your existing Wagtail site" section applied, then check, migrate,
# the demo (and its removal) and every page type of the package are exercised (see
# tests/hostsites/test_install.py). Extra arguments go to pytest (e.g. -k dark_rtl).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/build/install-check"
rm -rf "$work" && mkdir -p "$work"

"$root/.venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$root"
wheel=$(ls "$work"/dist/seismic_wagtail-*.whl)
"$root/.venv/bin/python" "$root/.ci/check_wheel.py" "$wheel"

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip install --quiet "$wheel"
(cd "$work" && "$work/venv/bin/python" -c "import django, wagtail, seismic_wagtail; print('Hosts run: Django', django.__version__, 'Wagtail', wagtail.__version__, 'seismic_wagtail', seismic_wagtail.__version__, 'from', seismic_wagtail.__file__)")

cd "$root"
SEISMIC_HOST_PYTHON="$work/venv/bin/python" "$root/.venv/bin/python" -m pytest tests/hostsites -m hostsite "$@"
