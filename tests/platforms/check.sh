#!/usr/bin/env bash
# `make check-platforms`: the whole workspace, every target (lib, bins, tests, benches, examples),
# type-checked for Windows (x86_64-pc-windows-gnu) and macOS (aarch64-apple-darwin) with
# -D warnings, by the second Rust that tests/platforms/rust-web.sh unpacks, so code that only one
# OS has keeps compiling on the others.
#
# A type-check needs no C, and there is no Apple SDK here to compile macOS's anyway, so none is
# compiled for either: libsqlite3-sys takes its bundled bindings (LIBSQLITE3_SYS_USE_PKG_CONFIG,
# whose probe is skipped for a target other than the host), openssl-sys's build script is replaced
# by what it would have said, and DOCS_RS keeps the crates with Objective-C from compiling it.
# (That also keeps a fresh run to minutes: SQLCipher and OpenSSL for Windows took ten more.)
# mingw-w64 is still the C compiler for Windows, for the little C that is left (criterion's
# alloca, in the benchmarks' crate). Build outputs go to a folder outside the clone, reused when it is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
toolchain=$(bash tests/platforms/rust-web.sh)
export LD_LIBRARY_PATH="$toolchain/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export RUSTC="$toolchain/usr/bin/rustc" RUSTDOC="$toolchain/usr/bin/rustdoc"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${PLATFORMS_TARGET_DIR:-/var/tmp/hearth-platforms-target}"
# Only the workspace's own crates are held to it: cargo caps the lints of every dependency.
export RUSTFLAGS="-D warnings"
cargo="$toolchain/usr/bin/cargo"
check() {
  local target=$1
  shift
  echo "== $target"
  "$cargo" check --locked --workspace --all-targets -Zbuild-std=std,panic_abort \
    --target "$target" "$@"
}
targets=${PLATFORMS:-"x86_64-pc-windows-gnu aarch64-apple-darwin"}
for target in $targets; do
  # criterion compiles C for the benchmarks (src-tauri/bench), and macOS's C cannot be compiled
  # here: that one crate is checked for Linux and Windows only.
  case "$target" in *-apple-*) leave_out=(--exclude hearth-bench) ;; *) leave_out=() ;; esac
  ossl='["ossl101","ossl102","ossl110","ossl111","ossl300"]'
  LIBSQLITE3_SYS_USE_PKG_CONFIG=1 DOCS_RS=1 check "$target" \
    --config "target.$target.openssl.rustc-link-lib=[\"ssl\",\"crypto\"]" \
    --config "target.$target.openssl.rustc-cfg=$ossl" "${leave_out[@]}"
done
echo "Every platform type-checks: $targets"
