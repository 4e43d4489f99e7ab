#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs, and only what
# is missing, so a second run takes seconds. Sourced by serve.sh and
# test.sh: it also puts the tools on PATH for them.
#   bash scripts/setup.sh          build tools
#   bash scripts/setup.sh --test   build and test tools
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The nightly that builds the release's wasm (scripts/build.sh), pinned so
# that a build today and a build next year make the same file. Moving it:
# change the date, run scripts/build.sh --release, compare the wasm's size.
export UPR_NIGHTLY="nightly-2026-10-30"
# The CLI must match the wasm-bindgen crate pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed: $2"; }
need cargo "install Rust with rustup (https://rustup.rs) first"
need npm "install Node.js 18 or newer (Debian: apt-get install nodejs npm)"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32 target"
fi

# Only rust-src (build-std compiles std from it) and the wasm32 target: the
# nightly builds nothing else. UPR_STABLE=1 builds without it.
if [ "${UPR_STABLE:-}" != 1 ] && {
  ! rustup component list --toolchain "$UPR_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$UPR_NIGHTLY" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }; then
  step "installing $UPR_NIGHTLY with rust-src and the wasm32 target, for the release's wasm (under a minute, once)"
  rustup toolchain install "$UPR_NIGHTLY" --profile minimal -c rust-src --target wasm32-unknown-unknown \
    || fail "rustup could not install $UPR_NIGHTLY (UPR_STABLE=1 builds on stable without it)"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 9 minutes, once)"
  # --force: cargo's own record may say it is installed when the binary is
  # gone or of another version; this branch runs only when it is not right.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force || fail "cargo could not install trunk"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  # Not --locked: its lock file names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force || fail "cargo could not install wasm-bindgen-cli"
fi

# wasm-split-cli cuts the release wasm (scripts/split/wasm-bindgen): the
# version of the runtime crate pinned with `=` in Cargo.toml.
WASM_SPLIT_VERSION="$(sed -n 's/^wasm_split_helpers = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"
if [ "${UPR_STABLE:-}" != 1 ] && { ! command -v wasm-split-cli >/dev/null 2>&1 \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; }; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force \
    || fail "cargo could not install wasm_split_cli_support"
fi

# binaryen's wasm-opt 132 reads what rustc 1.95 emits (Debian's 108 cannot);
# playwright-core drives the system Chromium in end-to-end tests.
# npm's own record in node_modules is written in another form than the lock
# file, so the lock file installed last is kept beside it to compare with.
INSTALLED_LOCK="$ROOT/tools/node_modules/.installed-package-lock.json"
if ! cmp -s "$ROOT/tools/package-lock.json" "$INSTALLED_LOCK" 2>/dev/null \
   || [ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" ]; then
  step "installing wasm-opt, playwright-core and axe-core from npm into tools/node_modules"
  (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm could not install tools/package.json"
  cp "$ROOT/tools/package-lock.json" "$INSTALLED_LOCK"
fi

if [ "${1:-}" = "--test" ]; then
  # The test command's own checks: cargo fmt and clippy.
  INSTALLED="$(rustup component list --installed 2>/dev/null)"
  if ! grep -q '^clippy' <<<"$INSTALLED" || ! grep -q '^rustfmt' <<<"$INSTALLED"; then
    step "adding rustfmt and clippy to the toolchain"
    rustup component add rustfmt clippy || fail "rustup could not add rustfmt and clippy"
  fi
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    step "installing Chromium and ChromeDriver from Debian"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
      || fail "apt-get could not install chromium and chromium-driver"
  fi
fi
