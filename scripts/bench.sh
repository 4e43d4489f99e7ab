#!/usr/bin/env bash
# The benchmark (README, section Benchmarks): builds the release, serves it
# locally with gzip, drives headless Chromium and prints a table. It is not
# a test: it never fails because a machine is slow.
#   bash scripts/bench.sh [--loads N] [--reps N] [--scales 1,4,16]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
step "release build"
trunk build --release || fail "the release build failed"
step "measuring (synthetic datasets go to .tmp/bench, never into the build)"
node scripts/bench.mjs "$@"
step "Lighthouse, mobile, on the home page and a review page"
node scripts/lighthouse.mjs
