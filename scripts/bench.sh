#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the release, serves it
# locally with gzip, drives headless Chromium and prints a table. It is not
# a test: it never fails because a machine is slow. With --json, the file
# it writes is what scripts/performance.mjs makes docs/performance.md from.
#   bash scripts/bench.sh [--loads N] [--reps N] [--scales 1,4,16]
#                         [--throttle N] [--only PARTS] [--json PATH]
set -euo pipefail
usage() {
  cat <<'USAGE'
bash scripts/bench.sh [options]   build the release, then measure it
  --loads N        cold loads per dataset, and of the first search
                   (default 5)
  --reps N         repetitions of each filter, and of the warm search
                   (default 25)
  --scales LIST    datasets: 1 is the real data, k a synthetic one k times
                   larger (default 1,4,16)
  --throttle N     also run the real data with the CPU slowed N times, like
                   a phone (default 4; 0: not)
  --only PARTS     run only these parts, comma-separated (default: all):
                     sizes       the release's wasm, and every file of dist/
                     wire        a first visit's bytes over the wire, on a
                                 slow connection and on a fast one
                     repeat      a second visit's bytes over the wire
                     search      the first search on a page without the
                                 texts, CPU slowed 4x
                     load        cold loads, filter latency and memory of
                                 each dataset (builds the benchmark build)
                     lighthouse  Lighthouse, three runs on each of seven pages
                   the budgets of the others are "not measured"
  --json PATH      also write every printed figure to PATH as JSON, with
                   the commit, the machine and Lighthouse's scores
                   (docs/performance.json: scripts/performance.mjs makes
                   docs/performance.md from it); with --only lighthouse
                   alone, Lighthouse's figures are added to the file there
USAGE
}
ARGS=()
JSON=()
ONLY=""
while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    # The path as the caller meant it, before the cd below.
    --json) JSON=(--json "$(realpath -m "${2:?--json needs a path}")"); ARGS+=("${JSON[@]}"); shift 2 ;;
    --only) ONLY="${2:?--only needs a list of parts}"; ARGS+=(--only "$ONLY"); shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
# Whether a part runs (scripts/bench.mjs checks the names).
wants() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
# The run's durations go into the JSON (bench.mjs, lighthouse.mjs).
export UPR_BENCH_STARTED="$(date +%s)"
step "release build (what people download: its sizes, the visits, and Lighthouse)"
bash scripts/build.sh --release || fail "the release build failed"
# The same release with the entry points the benchmark calls inside the
# page (src/bench.rs), which the release does not contain: only the cold
# loads use it.
export UPR_DIST=dist
if wants load; then
  step "benchmark build (trunk build --release --features bench into dist-bench/)"
  bash scripts/build.sh --release --features bench --dist dist-bench || fail "the benchmark build failed"
  UPR_DIST=dist-bench
fi
export UPR_BENCH_BUILD_SECONDS="$(($(date +%s) - UPR_BENCH_STARTED))"
# Every part but Lighthouse; it writes the JSON that Lighthouse adds to.
if [ "$ONLY" != lighthouse ]; then
  step "measuring (synthetic datasets go to .tmp/bench, never into the build)"
  UPR_RELEASE_DIST=dist node scripts/bench.mjs "${ARGS[@]}"
fi
if wants lighthouse; then
  step "Lighthouse, mobile: three runs on each of seven pages"
  UPR_DIST=dist node scripts/lighthouse.mjs ${JSON[@]+"${JSON[@]}"}
fi
