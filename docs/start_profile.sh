#!/usr/bin/env bash
# Where a cold start's CPU goes, by perf: each app from exec to its first screen ("Hearth: first
# screen shown" on its standard error, which the bare Tauri app says too), sampled at 4 kHz with
# every process it starts. It prints, per run, the CPU milliseconds of each process and, for
# WebKit's web process (where Hearth's page is parsed, styled and laid out), of each library.
#
#   docs/start_profile.sh RUNS BINARY...
#
# Build the binaries with symbols for readable stacks (make bench keeps such builds in
# $CARGO_TARGET_DIR/with-symbols). Needs perf (Debian's linux-perf), xvfb and dbus-daemon; the
# figures in docs/performance_notes.md came from it.
set -euo pipefail

if [ "${1:-}" = "--inside" ]; then
  # Under Xvfb and a session bus: one start, recorded until the first screen.
  binary=$2 data=$3
  log=$(mktemp)
  HOME=$(mktemp -d) perf record -q -F 4000 -g -o "$data" -- "$binary" 2> "$log" &
  recorder=$!
  for _ in $(seq 200); do grep -q "first screen shown" "$log" && break; sleep 0.05; done
  pkill -INT -f "^$binary" || true
  wait "$recorder" || true
  exit 0
fi

runs=$1
shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for run in $(seq "$runs"); do
  for binary in "$@"; do
    data="$out/$(basename "$binary").$run.data"
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      bash "$0" --inside "$(realpath "$binary")" "$data" > /dev/null 2>&1
    perf script -i "$data" -F comm,ip,dso 2> /dev/null > "$data.txt"
    python3 - "$data.txt" <<'EOF'
import collections, os, re, sys

# perf script prints each sample as its command's name, then its stack from the leaf down.
per_process, per_library = collections.Counter(), collections.Counter()
command, leaf = None, False
for line in open(sys.argv[1]):
    if not line.strip():
        command = None
    elif not line[0].isspace():
        command, leaf = line.split()[0], True
        per_process[command] += 1
    elif leaf:
        leaf = False
        if command == "WebKitWebProces":
            found = re.search(r"\(([^()]*)\)\s*$", line)
            per_library[os.path.basename(found.group(1)) if found else "?"] += 1

ms = lambda samples: f"{samples / 4:.0f} ms"
print(os.path.basename(sys.argv[1]).split(".data")[0] + ":",
      ", ".join(f"{name} {ms(n)}" for name, n in per_process.most_common(4)))
print("  web process by library:",
      ", ".join(f"{name} {ms(n)}" for name, n in per_library.most_common(6)))
EOF
  done
done
