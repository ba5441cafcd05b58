#!/usr/bin/env bash
# gpulca serve's page in headless Chromium (tests/browser/serve_page_test.mjs).
#   tests/browser/run.sh GPULCA DATA_DIR WORK_DIR
# Installs puppeteer-core, as pinned by package-lock.json, into
# WORK_DIR/node_modules when it is not there or the lock file changed (npm's
# registry; puppeteer-core downloads no browser: the test runs Debian's
# /usr/bin/chromium, or $CHROMIUM), then runs the test. Screenshots, the
# database and the server's token file are left in WORK_DIR.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: tests/browser/run.sh GPULCA DATA_DIR WORK_DIR" >&2
  exit 2
fi
gpulca="$1" data="$2" work="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "serve_page: $tool is missing (scripts/setup installs Debian's nodejs and npm: apt-get install nodejs npm)" >&2
    exit 1
  fi
done
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "serve_page: no Chromium at $chromium (scripts/setup installs it: apt-get install chromium)" >&2
  exit 1
fi
mkdir -p "$work"
# npm ci into WORK_DIR, again only when the lock file differs from the one installed.
if ! cmp -s "$here/package-lock.json" "$work/node_modules/.gpulca-package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  if ! npm ci --prefix "$work" --ignore-scripts --no-audit --no-fund --loglevel=error >&2; then
    echo "serve_page: 'npm ci' of tests/browser/package-lock.json into $work failed (is npm's registry reachable?)" >&2
    exit 1
  fi
  cp "$here/package-lock.json" "$work/node_modules/.gpulca-package-lock.json"
fi
exec node "$here/serve_page_test.mjs" "$gpulca" "$data" "$work"
