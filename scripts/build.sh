#!/usr/bin/env bash
# Builds (or serves) the site with Trunk, as the README's commands do: the
# wasm with the pinned nightly that setup.sh installs and the flags that
# make it about 11% smaller, everything else on stable.
#   bash scripts/build.sh [build|serve] [trunk's options]
#     bash scripts/build.sh --release                 dist/, what people download
#     bash scripts/build.sh --features test-hooks --dist dist-test
#     bash scripts/build.sh serve --release           http://127.0.0.1:8080
#   UPR_STABLE=1 bash scripts/build.sh ...            the same on stable, as
#                                                     plain `trunk build` does
# The nightly's flags, for the wasm only:
#   -Zbuild-std=std,panic_abort   std compiled with the flags below, not the
#                                 shipped one (which carries what they remove);
#   -Cpanic=immediate-abort       a panic traps at once: no formatting of its
#                                 message, no hook (src/crash.rs catches the
#                                 trap and shows the same notice);
#   -Zlocation-detail=none        no file names and lines of panics;
#   -Zfmt-debug=none              `{:?}` writes nothing (what a reader sees
#                                 never goes through Debug: format::quoted);
#   --cfg upr_split, --emit-relocs  the code of the charts, the table, a
#                                 comparison, a profile and the downloads
#                                 in a piece of its own, fetched when asked
#                                 for (src/extras.rs): scripts/split/'s
#                                 wasm-bindgen cuts it off with the
#                                 relocations the linker keeps.
# The native code the build runs (the prerender, in post-build.mjs) must
# not see any of this: post-build.mjs removes the variables named in
# UPR_WASM_ONLY_ENV before it runs cargo. Clippy, docs and tests run on
# stable, outside this script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
COMMAND=build
case "${1:-}" in build|serve) COMMAND="$1"; shift ;; esac

if [ "${UPR_STABLE:-}" != 1 ]; then
  export RUSTUP_TOOLCHAIN="$UPR_NIGHTLY"
  # A target folder of its own: stable's and the nightly's builds would
  # otherwise each throw away the other's.
  export CARGO_TARGET_DIR="$ROOT/target/nightly"
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  # Replaces .cargo/config.toml's rustflags for the target, so its
  # +simd128 is repeated here.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128 -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg upr_split -Clink-args=--emit-relocs"
  export UPR_SPLIT_DIR="$CARGO_TARGET_DIR/wasm-split"
  export PATH="$ROOT/scripts/split:$PATH"
  export UPR_WASM_ONLY_ENV="RUSTUP_TOOLCHAIN CARGO_TARGET_DIR CARGO_UNSTABLE_BUILD_STD CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"
  step "trunk $COMMAND $* (the wasm with $UPR_NIGHTLY)"
else
  step "trunk $COMMAND $* (on stable)"
fi
exec trunk "$COMMAND" "$@"
