#!/usr/bin/env bash
# Command 2 of the README: install what tests need, then run every test:
# the Rust toolchain's own checks (format, clippy, doc links), the dataset
# against a fresh import, native tests, browser tests in headless
# Chromium, and end-to-end tests on the built release (and on a debug
# test build for what only tests may trigger).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
SHARED="${UPR_SHARED:-$ROOT/../shared}"
[ -d "$SHARED/data" ] || fail "the raw data is not at $SHARED (set UPR_SHARED to its folder)"

step "1/7 the toolchain's checks: cargo fmt, clippy (native and wasm), doc links, the core's dependencies"
cargo fmt --all --check || fail "cargo fmt --check: run 'cargo fmt --all' and commit"
cargo clippy --workspace --all-targets --quiet -- -D warnings || fail "clippy found something (above)"
# The viewer's browser-only code (cfg wasm32), with the features only the
# benchmark and the tests build.
cargo clippy -p upr-viewer --target wasm32-unknown-unknown --lib --bins --test browser --features bench,test-hooks --quiet -- -D warnings \
  || fail "clippy found something in the wasm build (above)"
# The release wasm's split (src/extras.rs), which only scripts/build.sh's
# --cfg compiles.
cargo clippy -p upr-viewer --target wasm32-unknown-unknown --lib --bins --quiet -- -D warnings --cfg upr_split \
  || fail "clippy found something in the split wasm build (above)"
# Comments name code as intra-doc links: a rename breaks this, not the reader.
RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps --document-private-items --quiet \
  || fail "cargo doc: a doc comment names what does not exist (above)"
# The core knows nothing of the DOM: the compiler holds it to that only
# while none of these is among its dependencies.
DOM_CRATES="$(cargo tree -p upr-core -e normal --prefix none --quiet | grep -E '^(yew|web-sys|gloo|js-sys|wasm-bindgen)( |-)' || true)"
[ -z "$DOM_CRATES" ] || fail "upr-core depends on a DOM crate: $DOM_CRATES"
node scripts/performance.mjs --check || fail "docs/performance.md is not what its committed figures make: run 'node scripts/performance.mjs' and commit"

step "2/7 data/ must equal a fresh import of $SHARED"
FRESH="$(mktemp -d)"
trap 'rm -rf "$FRESH"' EXIT
cargo run --quiet --release --bin import -- "$SHARED" "$FRESH" || fail "the importer failed"
for fresh in "$FRESH"/*.json; do
  file="$(basename "$fresh")"
  cmp -s "data/$file" "$fresh" \
    || fail "data/$file differs from a fresh import: run 'cargo run --release --bin import' and commit data/"
done
echo "data/ matches a fresh import"

step "3/7 native tests (cargo test)"
UPR_SHARED="$SHARED" cargo test --workspace --release || fail "native tests failed"

step "4/7 browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test -p upr-viewer --target wasm32-unknown-unknown --test browser \
  || fail "browser tests failed"

step "5/7 release build (scripts/build.sh --release: the wasm with the pinned nightly)"
bash scripts/build.sh --release || fail "the release build failed"

# A debug build (fast to make, never shipped) with the entry points only
# tests may call; the end-to-end tests check dist/ has none of them. Made
# the release's way (the nightly, a panic is a trap), so that the forced
# panic of tests/e2e/robust.test.mjs proves a trap shows its notice.
step "6/7 test build (scripts/build.sh --features test-hooks into dist-test/)"
bash scripts/build.sh --features test-hooks --dist dist-test || fail "the test build failed"

step "7/7 end-to-end tests (headless Chromium on dist/ and dist-test/)"
node --test --test-concurrency=1 tests/e2e/ || fail "end-to-end tests failed"

step "all tests passed"
