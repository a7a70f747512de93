# One verb per chore. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

$(BIN)/.installed: requirements/lock.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

.PHONY: help install browser check build serve serve-fr test lint schemas lock bench
help:  ## list the verbs
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

install: $(BIN)/.installed  ## create .venv from the lock file

browser:  ## install Debian's Chromium and the pinned axe-core, if missing
	.ci/setup-browser

check: install  ## validate data/ and list every problem
	$(BIN)/explainer check

build: install  ## strict build of both editions into site/ and site/fr/ (kept as it was if the build fails)
	$(BIN)/python -m explainer.build.swap site -- $(BIN)/python -m explainer.build.editions

serve: install  ## serve the site with live reload at http://127.0.0.1:8000/mali-coup-explainer/ (another port: make serve PORT=8001)
	$(BIN)/mkdocs serve --livereload --dirty -a 127.0.0.1:$(PORT)

serve-fr: install  ## serve the French edition alone, at the same address as make serve (PORT=8001 for another port)
	$(BIN)/mkdocs serve --livereload --dirty -a 127.0.0.1:$(PORT) -f mkdocs.fr.yml

lint: install  ## ruff and mypy --strict
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

test: install browser lint  ## run every test: unit, golden, build and browser
	$(BIN)/python -m pytest

bench: install  ## time check, render and builds at 100 to 10,000 events (bench-results/)
	$(BIN)/python scripts/bench.py

schemas: install  ## regenerate schemas/ from the model
	$(BIN)/explainer schemas

lock: install  ## re-resolve requirements/lock.txt from pyproject.toml
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  -o requirements/lock.txt
