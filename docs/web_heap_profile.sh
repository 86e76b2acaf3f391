#!/usr/bin/env bash
# Where the heap of an app's WebKit web process goes, by heaptrack: the "Where the memory goes"
# table of docs/performance.md shows Hearth's web process holding more [heap] than the bare Tauri
# app's, and this says which code allocated it.
#
#   docs/web_heap_profile.sh BINARY [SECONDS]
#
# Debian's WebKitGTK has no WEB_PROCESS_CMD_PREFIX, and heaptrack takes itself out of LD_PRELOAD
# before WebKit starts its processes, so the web process is swapped for a wrapper that starts the
# real one under heaptrack: bind-mounted over it in a mount namespace of this script's own
# (`unshare -m`, so root), never on the system. The app runs with an empty HOME, on its first
# screen, for SECONDS (5) after it says the screen is shown; then the heap at its peak is printed
# by the allocating frame's library, with heaptrack's summary. Needs heaptrack, xvfb and
# dbus-daemon. The figures in docs/performance_notes.md came from it.
set -euo pipefail
webkit=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1

if [ "${1:-}" = "--inside" ]; then
  # In the private mount namespace, under Xvfb and a session bus.
  shift
  binary=$1 seconds=$2 out=$3
  printf '#!/bin/sh\nLD_PRELOAD=%s DUMP_HEAPTRACK_OUTPUT=%s/web.$$ exec %s "$@"\n' \
    "$(ls /usr/lib/heaptrack/libheaptrack_preload.so)" "$out" "$out/WebKitWebProcess.real" > "$out/wrapper"
  chmod +x "$out/wrapper"
  mount --bind "$out/wrapper" "$webkit/WebKitWebProcess"
  HOME="$out/home" "$binary" 2> "$out/stderr.log" &
  app=$!
  for _ in $(seq 300); do grep -q "first screen shown" "$out/stderr.log" && break; sleep 0.1; done
  sleep "$seconds"
  kill "$app"
  wait "$app" || true
  sleep 2
  exit 0
fi

binary=$(realpath "$1")
seconds=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/home"
cp "$webkit/WebKitWebProcess" "$out/WebKitWebProcess.real"
unshare -m xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  bash "$0" --inside "$binary" "$seconds" "$out" > /dev/null 2>&1
raw=$(ls "$out"/web.* | head -1)
/usr/lib/heaptrack/libexec/heaptrack_interpret < "$raw" 2> /dev/null | gzip > "$out/web.gz"
heaptrack_print -f "$out/web.gz" -l 0 -a 0 -T 0 -p 1 -n 12 -s 0 2>/dev/null |
  awk '/peak memory consumed/ { size = $1 } /^  in / && size { sub(/^  in /, ""); print size "\t" $0; size = "" }'
heaptrack_print -f "$out/web.gz" -l 0 -a 0 -T 0 -p 0 2>/dev/null | grep -E "^(peak heap|calls to)"
