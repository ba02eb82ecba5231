#!/usr/bin/env bash
# make audit: Lighthouse scores of the built site (mobile profile, 3 runs per page, medians).
# Installs the Lighthouse pinned in tools/lighthouse/package-lock.json into
# tools/lighthouse/node_modules/ (git ignores it), then runs tools/audit.py, which builds,
# serves and audits the site and writes bench-results/audit.md and audit.json.
# Needs Node.js 18.16+ with npm, and Chromium (CHROME_PATH, default /usr/bin/chromium).
# Extra arguments go to tools/audit.py, e.g. `bash tools/audit.sh --runs 1`.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_DIR=tools/lighthouse
PYTHON=${PYTHON:-.venv/bin/python}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "make audit needs Node.js 18.16 or newer with npm: sudo apt-get install nodejs npm" >&2
  exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  echo "make audit needs Node.js 18.16 or newer; this is $(node --version)" >&2
  exit 1
fi
if [ ! -x "$CHROME_PATH" ]; then
  echo "make audit needs Chromium at $CHROME_PATH: sudo apt-get install chromium (or set CHROME_PATH)" >&2
  exit 1
fi

# npm ci only when the lock file is newer than the last install.
if [ ! -x "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" ] \
   || [ "$LIGHTHOUSE_DIR/package-lock.json" -nt "$LIGHTHOUSE_DIR/node_modules/.package-lock.json" ]; then
  echo "Installing Lighthouse into $LIGHTHOUSE_DIR/node_modules ..." >&2
  npm ci --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund --loglevel=error
fi

exec "$PYTHON" -m tools.audit --lighthouse "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" "$@"
