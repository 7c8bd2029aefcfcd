"""Reads a calendar feed with Debian's python3-icalendar (the library Python calendar tools
build on) and prints, as JSON, the values the feed tests compare. Run with /usr/bin/python3,
the interpreter that sees Debian's packages."""

import datetime
import json
import sys

import icalendar


def describe(value):
    if isinstance(value, datetime.datetime):
        zone = getattr(value.tzinfo, "zone", None) if value.tzinfo else None
        utc = value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") if value.tzinfo else None
        return {"isDate": False, "wallClock": value.strftime("%Y-%m-%dT%H:%M:%S"), "zone": zone, "utc": utc}
    return {"isDate": True, "wallClock": value.isoformat(), "zone": None, "utc": None}


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def main(path):
    with open(path, "rb") as source:
        calendar = icalendar.Calendar.from_ical(source.read())
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": text(event, "UID"),
            "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"),
            "location": text(event, "LOCATION"),
            "status": text(event, "STATUS"),
            "sequence": int(event.get("SEQUENCE", 0)),
            "start": describe(event.decoded("DTSTART")),
            "end": describe(event.decoded("DTEND")),
        })
    print(json.dumps({
        "name": text(calendar, "X-WR-CALNAME"),
        "method": text(calendar, "METHOD"),
        "timezones": [text(zone, "TZID") for zone in calendar.walk("VTIMEZONE")],
        "events": events,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
