#!/usr/bin/env bash
# The browser and HTML-validation tests need Debian's Chromium and a Java runtime, and the
# workflow tests need ShellCheck (without it actionlint skips the run: scripts).
# As root on Debian/Ubuntu they are installed (on a GitHub runner, with its password-free
# sudo); otherwise the run stops with one instruction.
set -euo pipefail
missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
if [ "$(id -u)" != 0 ] && [ "${GITHUB_ACTIONS:-}" = true ] && sudo -n true 2>/dev/null; then
  as_root=(sudo)
fi
if { [ "$(id -u)" = 0 ] || [ ${#as_root[@]} -gt 0 ]; } && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get (needed by the tests)..."
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need: ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
exit 1
