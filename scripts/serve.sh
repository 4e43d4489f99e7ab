#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and serve the
# viewer on http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
step "building and serving; open http://127.0.0.1:8080 once trunk says it is ready"
# No service worker: it would answer each reload with the build it kept,
# not the one trunk has just made (docs/offline.md).
export UPR_NO_SERVICE_WORKER=1
exec bash scripts/build.sh serve --release
