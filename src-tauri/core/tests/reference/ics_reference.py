"""Reads Hearth's .ics export with a real iCalendar parser (python-icalendar) and expands it with
python-dateutil and zoneinfo, for Hearth's tests.

Reads JSON on stdin ({ics, after, count}) and writes {events: {uid: [UTC instants]}, transitions,
zone_mismatches}: the first `count` occurrences after `after` of each event, how many VTIMEZONE
transitions were checked, and those whose offsets disagree with zoneinfo.
"""
import json
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar
from icalendar.parser import Contentlines

case = json.load(sys.stdin)
calendar = Calendar.from_ical(case["ics"])
after = datetime.fromisoformat(case["after"].replace("Z", "+00:00"))

# The parser moves a start inside a DST gap to a later wall-clock time; RFC 5545 keeps the written
# one for the recurrence, so the events' DTSTART values are read from the raw content lines.
raw_starts = [
    line.parts()
    for line in Contentlines.from_ical(case["ics"])
    if line.startswith("DTSTART;TZID=")
]
events = {}
for event, (_, params, value) in zip(calendar.walk("VEVENT"), raw_starts):
    zone = ZoneInfo(params["TZID"])
    local = datetime.strptime(value, "%Y%m%dT%H%M%S")
    rule = rrulestr("RRULE:" + event["RRULE"].to_ical().decode(), dtstart=local.replace(tzinfo=zone))
    events[str(event["UID"])] = [
        o.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        for o in rule.xafter(after, count=case["count"], inc=False)
    ]


def offset(prop):
    return prop.td if hasattr(prop, "td") else prop


transitions = 0
mismatches = []
for tz in calendar.walk("VTIMEZONE"):
    zone = ZoneInfo(str(tz["TZID"]))
    parts = [p for p in tz.subcomponents if p.name in ("STANDARD", "DAYLIGHT")]
    for part in parts[1:]:
        before, to = offset(part["TZOFFSETFROM"]), offset(part["TZOFFSETTO"])
        local = datetime.strptime(part["DTSTART"].to_ical().decode(), "%Y%m%dT%H%M%S")
        onset = (local - before).replace(tzinfo=timezone.utc)
        got_to = onset.astimezone(zone).utcoffset()
        got_before = (onset - timedelta(seconds=1)).astimezone(zone).utcoffset()
        transitions += 1
        if got_to != to or got_before != before:
            mismatches.append(f"{tz['TZID']} at {onset}: file {before}->{to}, zoneinfo {got_before}->{got_to}")

json.dump({"events": events, "transitions": transitions, "zone_mismatches": mismatches}, sys.stdout)
