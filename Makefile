# Bogotá Internacional — `make` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install browser run serve test test-postgres lint check check-migrations messages check-translations lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-20s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned dependencies

# The browser tests drive Debian's Chromium; `playwright install` would download another one.
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

browser: $(CHROMIUM) ## Install Debian's chromium for the browser tests (apt-get; sudo when not root)

run: install ## Serve the portal with demo content at http://127.0.0.1:8000 (SQLite, database search)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) runserver $(HOST):$(PORT)

# One worker per core (2 on this project's machines), each test module on one worker so its
# module-scoped demo site is built once.
PYTEST := $(BIN)/pytest -n auto --dist loadfile

test: install browser ## Run the whole test suite (browser journeys and accessibility audits included)
	$(PYTEST)

test-postgres: install browser ## Run the suite against PostgreSQL (DATABASE_URL, default postgres://127.0.0.1:5432/test)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PYTEST)

lint: install ## Ruff lint and import order
	$(BIN)/ruff check .

check: install check-migrations ## Django system checks and migration drift
	$(MANAGE) check --fail-level WARNING

check-migrations: install ## Fail when models changed without a migration
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Update and compile the gettext catalogues
	$(MANAGE) makemessages --locale en --ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete
	$(MANAGE) compilemessages --locale en --ignore '.venv/*'

check-translations: install ## Fail when a catalogue has untranslated, fuzzy or stale strings
	$(BIN)/python .ci/check_translations.py

lock: ## Re-pin requirements.lock from a fresh resolution of pyproject.toml
	rm -rf /tmp/bogota-lock && $(PYTHON) -m venv /tmp/bogota-lock
	/tmp/bogota-lock/bin/pip install --quiet --upgrade pip
	/tmp/bogota-lock/bin/pip install --quiet -e ".[test,bench]"
	/tmp/bogota-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean: ## Remove the virtualenv, the demo database, media and collected static files
	rm -rf $(VENV) db.sqlite3 media staticfiles

.PHONY: bench-register
bench-register: install ## Time import_actions (10,000 rows) and generate_actions (100,000) on fresh SQLite in /tmp
	$(BIN)/python bench/run_register.py

.PHONY: bench-search
bench-search: install ## Search indexing time and p50/p95 latency at 100,000 records: database engine, osmem test server, Wagtail's stock backend
	$(BIN)/python bench/run_search.py

.PHONY: bench-exports
bench-exports: install ## Memory, speed and size of the streamed CSV, XLSX and JSON downloads at 1,000, 10,000 and 100,000 records on fresh SQLite in /tmp
	$(BIN)/python bench/run_exports.py

.PHONY: bench-load
bench-load: install ## Load test: gunicorn with the production settings on a fresh demo database in /tmp, 50 locust users for 60 s
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test,bench]"
	$(BIN)/python bench/run_load.py

.PHONY: bench-http
bench-http: install ## HTTP benchmark: gunicorn (2 workers, production settings) on 10,000 records, wrk 10 s x 8 connections per page, uncached and cached, SQLite then PostgreSQL
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; $$SUDO apt-get update -qq && $$SUDO apt-get install -y wrk; }
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test,bench]"
	$(BIN)/python bench/run_http.py

.PHONY: fuzz
fuzz: install ## Longer property-based run (1,500 fresh random examples per test) of the fuzzing tests and schemathesis: docs/robustness.md
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/search/test_filter_properties.py tests/test_fuzz_public_urls.py tests/search/test_api_schemathesis.py
