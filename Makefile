# Leadwise: `make run` starts the app on SQLite; `make test` runs every test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format typecheck web web-check lock bench bench-leads bench-dedupe clean help browsers

help:
	@echo "make run    - install, build the web app, migrate, serve on http://127.0.0.1:8000"
	@echo "make test   - install dev tools and run lint, type checks and every test suite"
	@echo "make web-check - the web app's type check, unit tests, API client drift check and build"
	@echo "make lock   - re-resolve requirements*.lock from pyproject.toml"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs are stamped so that repeated runs are instant until a lock file changes.
$(VENV)/.runtime-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.dev-installed: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@ $(VENV)/.runtime-installed

# npm ci only when the lock file changed (the stamp below), so a second `make run` starts at once.
web: frontend/node_modules/.installed
	cd frontend && npm run build

# The web app's checks: types, formatting (Prettier), unit tests, the generated API client against the OpenAPI
# document (it must be regenerated and committed when the API changes), and the build that
# the browser tests in tests/e2e then drive. npm ci only when the lock file changed.
frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

web-check: $(VENV)/.dev-installed frontend/node_modules/.installed
	cd frontend && npm run typecheck && npm run check:format && npm test && PYTHON=$(CURDIR)/$(BIN)/python npm run check:api && npm run build

run: $(VENV)/.runtime-installed web
	$(BIN)/leadwise serve

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

format: $(VENV)/.dev-installed
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# The crawler's rendering tests and the web app's browser tests drive Debian's Chromium
# (Playwright never downloads a browser here); a fresh machine gets it once.
browsers:
	@if ! command -v chromium >/dev/null 2>&1; then \
		apt-get update && apt-get install -y chromium; fi

test: $(VENV)/.dev-installed lint typecheck browsers web-check
	$(BIN)/pytest

lock: $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements-dev.lock

bench: $(VENV)/.dev-installed
	bash bench/http.sh

bench-leads: $(VENV)/.dev-installed
	bash bench/leads.sh

# `leadwise dedupe` beside Splink on generated leads (ROWS=200000 for a shorter run). Splink
# comes from its own lock, resolved within the dev lock's versions (installed against it, so
# a stale bench lock fails instead of changing dev packages; after `make lock`, re-run):
#   uv pip compile pyproject.toml --extra bench -c requirements-dev.lock \
#     --python-version 3.11 -o requirements-bench.lock
ROWS ?= 1000000
bench-dedupe: $(VENV)/.dev-installed
	$(BIN)/pip install --quiet -r requirements-bench.lock -c requirements-dev.lock
	$(BIN)/python bench/splink_compare.py $(ROWS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
