"""Reads a calendar feed with Debian's python3-vobject, validates it strictly and prints, as
JSON, the values the feed tests compare. Run with /usr/bin/python3, the interpreter that sees
Debian's packages."""
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
    return {"isDate": True, "wallClock": value.isoformat(), "utc": None}


def text(component, name):
    children = component.contents.get(name)
    return children[0].value if children else None


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as source:
        calendar = vobject.readOne(source.read())
    calendar.validate(raiseException=True)
    events = []
    for event in calendar.contents.get("vevent", []):
        event.validate(raiseException=True)
        start = event.contents["dtstart"][0]
        events.append({
            "uid": text(event, "uid"),
            "summary": text(event, "summary"),
            "description": text(event, "description"),
            "location": text(event, "location"),
            "status": text(event, "status"),
            "sequence": text(event, "sequence"),
            "start": describe(start.value),
            # vobject moves TZID aside once it has resolved it against the file's VTIMEZONE.
            "startTzid": start.params.get("X-VOBJ-ORIGINAL-TZID", start.params.get("TZID", [None]))[0],
            "end": describe(event.contents["dtend"][0].value),
        })
    print(json.dumps({"name": text(calendar, "x-wr-calname"), "events": events}))


if __name__ == "__main__":
    main()
