#!/usr/bin/env bash
# Idle CPU of Hearth: starts the app as autostart does (--hidden: tray and reminder timer, no
# window) with a wake list of upcoming reminders, lets it settle, then reads utime+stime from
# /proc/<pid>/stat once a minute for five minutes. Prints CPU milliseconds per minute (median and
# total) for the Hearth process, and for Hearth with its WebKit child processes.
#
#   make idle-cpu        (builds, then runs this under Xvfb and a session bus)
#   bash docs/idle_cpu.sh BINARY [MINUTES] [--visible]
set -euo pipefail

binary=${1:?the hearth binary}
minutes=${2:-5}
mode=${3:---hidden}
[ "$mode" = --visible ] && args=() || args=(--hidden)

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/data"

# Reminders due every few hours for two weeks, so the timer has something to wait for.
python3 - "$work/data/wake-list.json" <<'PY'
import json, sys
from datetime import datetime, timedelta, timezone
now = datetime.now(timezone.utc).replace(microsecond=0)
items = [{"fireAt": (now + timedelta(hours=3 * i + 1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
          "reminderId": f"rem-{i:04d}", "text": "Time for the two of you"} for i in range(112)]
json.dump({"format": 1, "items": items, "quiet": None, "pausedUntil": None}, open(sys.argv[1], "w"))
PY

HEARTH_DATA_DIR="$work/data" HOME="$work" XDG_CONFIG_HOME="$work/config" \
  "$binary" "${args[@]}" >/dev/null 2>&1 &
pid=$!
sleep 20
kill -0 "$pid" || { echo "Hearth exited early" >&2; exit 1; }

hz=$(getconf CLK_TCK)
# utime + stime of one process, in clock ticks. The command name is in brackets, so count fields
# from after it.
ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0; }
tree() { echo "$1"; for child in $(pgrep -P "$1" || true); do tree "$child"; done; }
tree_ticks() { local sum=0; for p in $(tree "$1"); do sum=$((sum + $(ticks "$p"))); done; echo "$sum"; }

echo "Hearth pid $pid ($mode), $(tree "$pid" | wc -l) processes in its tree, CLK_TCK $hz"
app_prev=$(ticks "$pid"); tree_prev=$(tree_ticks "$pid")
app_per_minute=(); tree_per_minute=()
for minute in $(seq 1 "$minutes"); do
  sleep 60
  app_now=$(ticks "$pid"); tree_now=$(tree_ticks "$pid")
  app_per_minute+=($(( (app_now - app_prev) * 1000 / hz )))
  tree_per_minute+=($(( (tree_now - tree_prev) * 1000 / hz )))
  echo "minute $minute: hearth ${app_per_minute[-1]} ms, with WebKit ${tree_per_minute[-1]} ms"
  app_prev=$app_now; tree_prev=$tree_now
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sum() { local s=0; for v in "$@"; do s=$((s + v)); done; echo "$s"; }
echo "hearth: median $(median "${app_per_minute[@]}") ms CPU per minute, $(sum "${app_per_minute[@]}") ms over $minutes minutes"
echo "with WebKit: median $(median "${tree_per_minute[@]}") ms CPU per minute, $(sum "${tree_per_minute[@]}") ms over $minutes minutes"
