# Mijn buurt Assen: `make run` to try it, `make test` to test it.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Development and tests run with DEBUG on; the settings default to off (production).
export DEBUG ?= true

.PHONY: run test install messages dist lint format migrate seed worker beat clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

# The wheel (dist/): every app with its templates, static files, compiled translations and
# data. The translations are compiled first, since the .mo files ship in it.
dist: messages
	rm -rf build
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .

migrate: install messages
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py runserver 127.0.0.1:8000

test: install messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: install
	$(VENV)/bin/celery -A mijnbuurt worker --loglevel=info

beat: install
	$(VENV)/bin/celery -A mijnbuurt beat --loglevel=info

clean:
	rm -rf $(VENV) var/db.sqlite3 var/staticfiles build dist
