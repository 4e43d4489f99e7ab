#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the release, serves it
# locally with gzip, drives headless Chromium and prints a table. It is not
# a test: it never fails because a machine is slow. With --json, the file
# it writes is what scripts/performance.mjs makes docs/performance.md from.
#   bash scripts/bench.sh [--loads N] [--reps N] [--scales 1,4,16]
#                         [--throttle N] [--json PATH]
set -euo pipefail
usage() {
  cat <<'USAGE'
bash scripts/bench.sh [options]   build the release, then measure it
  --loads N        cold loads per dataset (default 5)
  --reps N         repetitions of each filter (default 25)
  --scales LIST    datasets: 1 is the real data, k a synthetic one k times
                   larger (default 1,4,16)
  --throttle N     also run the real data with the CPU slowed N times, like
                   a phone (default 4; 0: not)
  --json PATH      also write every printed figure to PATH as JSON, with
                   the commit, the machine and Lighthouse's scores
                   (docs/performance.json: scripts/performance.mjs makes
                   docs/performance.md from it)
USAGE
}
ARGS=()
JSON=()
while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    # The path as the caller meant it, before the cd below.
    --json) JSON=(--json "$(realpath -m "${2:?--json needs a path}")"); ARGS+=("${JSON[@]}"); shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
# The run's durations go into the JSON (bench.mjs, lighthouse.mjs).
export UPR_BENCH_STARTED="$(date +%s)"
step "release build (what people download: its sizes, and Lighthouse)"
trunk build --release || fail "the release build failed"
# The same release with the entry points the benchmark calls inside the
# page (src/bench.rs), which the release does not contain.
step "benchmark build (trunk build --release --features bench into dist-bench/)"
trunk build --release --features bench --dist dist-bench || fail "the benchmark build failed"
export UPR_BENCH_BUILD_SECONDS="$(($(date +%s) - UPR_BENCH_STARTED))"
step "measuring (synthetic datasets go to .tmp/bench, never into the build)"
UPR_DIST=dist-bench UPR_RELEASE_DIST=dist node scripts/bench.mjs "${ARGS[@]}"
step "Lighthouse, mobile, on the home page and a review page"
node scripts/lighthouse.mjs ${JSON[@]+"${JSON[@]}"}
