# seismic_wagtail: `make demo` serves the example site, `make test` runs the suite. Both set up .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= test,docs,lint
MANAGE := cd example_project && ../$(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto

.PHONY: demo test lint format install docs bench migrations messages translatable-fields clean help

help:
	@echo "make demo   set up .venv, migrate, load the demo content and serve http://$(HOST):$(PORT)"
	@echo "make test   set up .venv and run the whole test suite on SQLite (PYTEST_ARGS=..., PYTEST_WORKERS=auto)"
	@echo "make lint   ruff check and ruff format --check (make format rewrites the files)"
	@echo "make docs   build the documentation (strict)"
	@echo "make messages  update the .po catalogues from the package's strings and compile them"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) example_languages
	$(MANAGE) seismic_demo
	$(MANAGE) demo_admin
	$(MANAGE) runserver $(HOST):$(PORT)

# Four runs: everything but the browser, hostsite and isolated tests on every core (pytest-xdist, one test
# file per worker at a time, each worker with its own test database), then the isolated tests (they empty
# the database when done), then the browser tests in one process (they share one example server), then the hostsite tests (HOSTSITES=0 leaves them out: CI runs them on the built
# wheel). All always run; exit code 5 (no test selected, e.g. by PYTEST_ARGS="-k ical") is not a failure.
HOSTSITES ?= 1
test: install
	status=0; \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser and not hostsite and not isolated" $(PYTEST_ARGS) || [ $$? -eq 5 ] || status=1; \
	$(BIN)/python -m pytest -m isolated $(PYTEST_ARGS) || [ $$? -eq 5 ] || status=1; \
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ] || status=1; \
	if [ "$(HOSTSITES)" = 1 ]; then $(BIN)/python -m pytest -m hostsite $(PYTEST_ARGS) || [ $$? -eq 5 ] || status=1; fi; \
	exit $$status

# The linter and the formatter (configured in pyproject.toml; the same checks run in CI and pre-commit).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Benchmarks on SQLite and PostgreSQL (127.0.0.1:5432); writes docs/performance.md.
bench: install
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS),bench]"
	$(BIN)/python -m benchmarks.run

docs: install
	$(BIN)/mkdocs build --strict --site-dir build/site

# Migrations are generated with the lowest supported Wagtail and Django, so that they apply on all.
migrations:
	test -x .venv-lowest/bin/python || $(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet "wagtail==7.0.*" "Django==5.2.*" -e ".[test]"
	PYTHONPATH=. DJANGO_SETTINGS_MODULE=tests.testapp.settings .venv-lowest/bin/django-admin makemigrations \
		seismic_core seismic_networks seismic_stories seismic_consultations seismic_search

# The package's interface strings: one catalogue for all apps in seismic_wagtail/core/locale (needs GNU
# gettext's xgettext/msgmerge/msgfmt; the compiled .mo files are committed, so tests and installs do not).
LANGUAGES := en de fr nl cs hu it nb sv tr
messages: install
	cd seismic_wagtail && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=tests.i18n.makemessages_settings ../$(BIN)/django-admin \
		makemessages $(addprefix --locale=,$(LANGUAGES)) --ignore="migrations/*" --no-obsolete --add-location=file
	cd seismic_wagtail/core && ../../$(BIN)/django-admin compilemessages --ignore=".venv*"

# docs/reference/translatable-fields.md, generated from the models (a test checks it).
translatable-fields: install
	PYTHONPATH=. DJANGO_SETTINGS_MODULE=tests.testapp.settings $(BIN)/django-admin seismic_translatable_fields \
		--output docs/reference/translatable-fields.md

clean:
	rm -rf $(VENV) .venv-* build dist *.egg-info example_project/db.sqlite3 example_project/media
