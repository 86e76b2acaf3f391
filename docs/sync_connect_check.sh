#!/usr/bin/env bash
# Which processes open network connections during a full sync run: the Syncthing test
# (two vaults, two real Syncthing daemons on 127.0.0.1) under `strace -f -e trace=connect`.
# Prints every connect() by process name and family, and fails if any process other than
# syncthing connected to an IP address. Hearth's own code runs in the test process.
#
#   bash docs/sync_connect_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(cargo test -p hearth-core --test sync_syncthing --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "sync_syncthing" and m.get("executable"):
        print(m["executable"])')
trace=$(mktemp)
strace -f -qq -Y -e trace=connect -e signal=none -o "$trace" "$bin" --test-threads=1 >/dev/null
echo "connect() calls during the sync run, by process and address family:"
sed -E 's/^[0-9]+<([^>]*)> connect\([0-9]+, \{sa_family=([A-Z0-9_]+)(, sin6?_port=htons\(([0-9]+)\), (sin_addr=inet_addr|inet_pton\(AF_INET6)\(?"([^"]+)".*)?.*/\1 \2 \6/' "$trace" \
  | sort | uniq -c
if grep -vE '^[0-9]+<syncthing>' "$trace" | grep -qE 'AF_INET6?'; then
  echo "A process other than syncthing opened a network connection." >&2
  exit 1
fi
echo "Only syncthing connected, and only to: $(grep -oE 'inet_addr\("[^"]+"\)' "$trace" | sort -u | tr '\n' ' ')"
rm -f "$trace"
