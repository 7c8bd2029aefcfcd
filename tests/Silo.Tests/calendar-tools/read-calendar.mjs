// Reads a calendar feed with Mozilla's ical.js and prints, as JSON, every value the feed tests
// compare: the calendar's own properties, and for each event its text values, status, sequence
// and times (wall clock, zone and the UTC instant ical.js computes from the file's VTIMEZONE).
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');

// ical.js predates RFC 7986 and reads properties it does not know as raw, still-escaped text.
ICAL.design.icalendar.property['name'] = { defaultType: 'text' };
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };
const calendar = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtimezone);
}

function describeTime(time) {
  return {
    isDate: time.isDate,
    wallClock: time.toString(),
    zone: time.isDate ? null : (time.zone ? time.zone.tzid : null),
    unixSeconds: time.isDate ? null : time.toUnixTime(),
  };
}

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
    dtstamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues()),
    start: describeTime(event.startDate),
    end: describeTime(event.endDate),
  };
});

process.stdout.write(JSON.stringify({
  prodid: calendar.getFirstPropertyValue('prodid'),
  method: calendar.getFirstPropertyValue('method'),
  name: calendar.getFirstPropertyValue('name'),
  xWrCalname: calendar.getFirstPropertyValue('x-wr-calname'),
  timezones: calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
  events,
}));
