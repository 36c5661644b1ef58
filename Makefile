# Two set-up commands: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
KZQUAL := $(VENV)/bin/kzqual
DB ?= kzqual.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install install-test system-deps lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## demo: install into .venv, read the bundled acts and serve the UI and API on http://127.0.0.1:8000
demo: install
	$(KZQUAL) demo --db $(DB) --host $(HOST) --port $(PORT)

## system-deps: Debian packages the tests use (PostgreSQL server, Chromium)
system-deps:
	bash scripts/system-deps.sh

## test: install what the tests need and run the whole suite
test: install-test system-deps
	$(PY) -m pytest -n 2 --dist loadfile -q

bench: install
	for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache artifacts .pg
