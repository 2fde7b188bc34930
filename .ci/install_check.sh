#!/usr/bin/env bash
# Build the wheel, install it into a clean virtualenv with a site made by `wagtail start`, follow the
# README's "Install into your existing Wagtail site" section, migrate, load the demo content and render one
# page of each page type of the package.
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
cd "$work"
"$work/venv/bin/wagtail" start citysite
cd citysite
# (not requirements.txt: Wagtail 8's template pins a Django that needs Python 3.12; the wheel brings Wagtail and Django)
"$work/venv/bin/python" "$root/.ci/follow_readme.py" "$root/README.md" citysite/settings/base.py citysite/urls.py
"$work/venv/bin/python" manage.py check
"$work/venv/bin/python" manage.py migrate --noinput -v 0
"$work/venv/bin/python" manage.py seismic_demo
"$work/venv/bin/python" manage.py shell -c "exec(open('$root/.ci/render_page_types.py').read())"
