# Two commands do everything on a fresh Debian/Ubuntu machine with python3 (venv) and make:
#   make serve   set up, build and preview at http://127.0.0.1:8000 with live reload
#   make test    set up, strict build, the whole test suite (browser tests included)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test translations bench audit clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.build-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.build-deps
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# The preview lives at the root of ADDR, whatever site_url says (SITE_URL overrides it).
# SITE_LISTINGS_CACHE keeps the listings between rebuilds (hooks/_cache.py); only serve sets it.
serve: $(VENV)/.build-deps
	SITE_URL=http://$(ADDR)/ SITE_LISTINGS_CACHE=.cache/listings $(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload --watch data --watch hooks

build: $(VENV)/.build-deps
	$(BIN)/mkdocs build --strict

test: $(VENV)/.dev-deps
	bash tests/require-tools.sh
	$(BIN)/python -m pytest

translations: $(VENV)/.build-deps
	$(BIN)/python -m tools.translations

bench: $(VENV)/.dev-deps
	$(BIN)/python -m tools.bench

audit: $(VENV)/.dev-deps
	bash tools/audit.sh

clean:
	rm -rf site $(VENV) .pytest_cache test-artifacts
