# Two commands do everything on a fresh Debian/Ubuntu machine with python3 (venv) and make:
#   make serve   set up, build and preview at http://127.0.0.1:8000 with live reload
#   make test    set up, strict build, the whole test suite (browser tests included)
# Everything is installed from the lock files (every package pinned with its hashes);
# `make lock` writes them from the requirements*.in inputs. See MAINTENANCE.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# ProperDocs, the second engine, lives in a virtualenv of its own (make engines).
PD_VENV := .venv-properdocs
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# Python keeps compiled modules (__pycache__, git-ignored) as it does by default. Machines
# that switch this off (Docker's Python images set PYTHONDONTWRITEBYTECODE) compiled every
# hook from source on every build and every `make serve` rebuild: about 60 ms of CPU each.
unexport PYTHONDONTWRITEBYTECODE
# Local pip settings (a mirror, find-links) are switched off for pip-compile so that the
# locks carry PyPI's hashes only and read the same on every machine.
LOCK := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --quiet $(LOCK_FLAGS)

.PHONY: serve build test translations bench audit lock engines linkcheck clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# The stamps depend on the lock files: a changed lock reinstalls on the next make.
$(VENV)/.build-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.build-deps
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

$(PD_VENV)/.deps: requirements-properdocs.txt
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/pip install --quiet --require-hashes -r requirements-properdocs.txt
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

# data/schemas/*.schema.json from the field table in hooks/_data.py (editors' help in VS Code).
.PHONY: schemas
schemas: $(VENV)/.build-deps
	$(BIN)/python -m tools.schemas

bench: $(VENV)/.dev-deps
	$(BIN)/python -m tools.bench

audit: $(VENV)/.dev-deps
	bash tools/audit.sh

# Rewrites the locks from the inputs (needs PyPI); the build's lock first, since the
# other two are constrained by it. `make lock LOCK_FLAGS=--upgrade` also moves the
# unpinned transitive dependencies to their newest releases.
lock: $(VENV)/.dev-deps
	$(LOCK) --output-file requirements.txt requirements.in
	$(LOCK) --output-file requirements-dev.txt requirements-dev.in
	$(LOCK) --output-file requirements-properdocs.txt requirements-properdocs.in

# Builds the site with MkDocs and with ProperDocs and prints every difference.
engines: $(VENV)/.build-deps $(PD_VENV)/.deps
	$(BIN)/python -m tools.compare_engines --mkdocs $(BIN)/mkdocs --properdocs $(PD_VENV)/bin/properdocs

# Checks the external links of a fresh build (needs the internet; the weekly workflow runs it).
linkcheck: $(VENV)/.dev-deps
	$(BIN)/python -m tools.linkcheck

clean:
	rm -rf site $(VENV) $(PD_VENV) .pytest_cache .hypothesis .cache test-artifacts bench-results
