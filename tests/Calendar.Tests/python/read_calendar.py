"""Reads an iCalendar file with Debian's python3-vobject, validates it strictly and prints, as
JSON, the values the InclusionNetwork.Calendar tests compare. Run with /usr/bin/python3, the
interpreter that sees Debian's packages."""
import datetime
import json
import sys

import vobject


def describe(value):
    if isinstance(value, datetime.datetime):
        return {
            "isDate": False,
            "wallClock": value.replace(tzinfo=None).isoformat(),
            "utc": value.astimezone(datetime.timezone.utc).replace(tzinfo=None).isoformat()
            if value.tzinfo is not None else None,
        }
    if isinstance(value, datetime.date):
        return {"isDate": True, "wallClock": value.isoformat(), "utc": None}
    return None


def first(component, name):
    children = component.contents.get(name)
    return children[0] if children else None


def text(component, name):
    line = first(component, name)
    return None if line is None else line.value


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as source:
        content = source.read()
    calendar = vobject.readOne(content)
    calendar.validate(raiseException=True)
    events = []
    for event in calendar.contents.get("vevent", []):
        event.validate(raiseException=True)
        start = first(event, "dtstart")
        categories = []
        for line in event.contents.get("categories", []):
            categories.extend(line.value)
        events.append({
            "uid": text(event, "uid"),
            "summary": text(event, "summary"),
            "description": text(event, "description"),
            "location": text(event, "location"),
            "url": text(event, "url"),
            "status": text(event, "status"),
            "sequence": text(event, "sequence"),
            "categories": categories,
            "start": describe(start.value),
            # vobject moves TZID aside once it has resolved it against the file's VTIMEZONE.
            "startTzid": start.params.get("X-VOBJ-ORIGINAL-TZID", start.params.get("TZID", [None]))[0],
            "end": describe(first(event, "dtend").value),
            "dtstamp": describe(first(event, "dtstamp").value),
        })
    print(json.dumps({
        "prodid": text(calendar, "prodid"),
        "version": text(calendar, "version"),
        "name": text(calendar, "x-wr-calname"),
        "timezones": [text(zone, "tzid") for zone in calendar.contents.get("vtimezone", [])],
        "events": events,
    }))


if __name__ == "__main__":
    main()
