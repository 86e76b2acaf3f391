#!/usr/bin/env bash
# Chooses the release profile by measurement: builds the packages once per opt-level (3, s, z),
# each with fat LTO, one codegen unit and strip, in its own target folder, and prints for each the
# size of the binary and of both packages, and the medians of the vault benchmarks (unlocking, with
# Argon2id and SQLCipher, is where a person would feel a slower build).
#
#   bash docs/release_profile.sh [OPT_LEVEL ...]      (default: 3 s z; 10 to 15 minutes each here)
#
# Run it from a clone nobody edits meanwhile: each build reads the sources for ten minutes or more.
#
# Cargo.toml's [profile.release] holds the winner; the variants differ from it only by the
# CARGO_PROFILE_* variables set below, so nothing here edits the project. Compare unlock times in
# absolute terms, run by run: the Argon2id baseline is built with the same profile, so a ratio to it
# hides what the profile costs.
set -euo pipefail
cd "$(dirname "$0")/.."

tauri=${TAURI:-/var/tmp/hearth-tools/node_modules/.bin/tauri}
if [ $# -gt 0 ]; then levels=("$@"); else levels=(3 s z); fi
root=${RELEASE_PROFILE_DIR:-/var/tmp/hearth-release-profile}
mkdir -p "$root"

for level in "${levels[@]}"; do
  target="$root/opt-$level"
  echo "== opt-level $level ($target)"
  for profile in RELEASE BENCH; do
    export "CARGO_PROFILE_${profile}_OPT_LEVEL=$level"
    export "CARGO_PROFILE_${profile}_LTO=fat"
    export "CARGO_PROFILE_${profile}_CODEGEN_UNITS=1"
    export "CARGO_PROFILE_${profile}_STRIP=true"
  done
  start=$(date +%s)
  CARGO_TARGET_DIR="$target" "$tauri" build --ci --bundles deb,rpm >"$root/opt-$level.log" 2>&1
  echo "build: $(( $(date +%s) - start )) s"
  stat -c '%s bytes  %n' "$target/release/hearth" "$target"/release/bundle/deb/*.deb \
    "$target"/release/bundle/rpm/*.rpm
  CARGO_TARGET_DIR="$target" cargo bench -q -p hearth-core --bench vault >>"$root/opt-$level.log" 2>&1
  python3 docs/bench_medians.py "$target/criterion"
done
