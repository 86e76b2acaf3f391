"""Reference recurrence expansion for Hearth's tests: python-dateutil's rrule with zoneinfo.

Reads JSON cases on stdin ([{rule, zone, start, after, count}]) and writes, for each, the UTC
instants of the first `count` occurrences strictly after `after`.
"""
import json
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

out = []
for case in json.load(sys.stdin):
    zone = ZoneInfo(case["zone"])
    start = datetime.fromisoformat(case["start"]).replace(tzinfo=zone)
    rule = rrulestr("RRULE:" + case["rule"], dtstart=start)
    after = datetime.fromisoformat(case["after"].replace("Z", "+00:00"))
    found = []
    for occurrence in rule.xafter(after, count=case["count"], inc=False):
        found.append(occurrence.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    out.append(found)
json.dump(out, sys.stdout)
