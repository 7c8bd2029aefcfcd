// Reads an iCalendar file with Mozilla's ical.js and prints, as JSON, every value the
// InclusionNetwork.Calendar tests compare: calendar properties, and for each event its text
// values, times (wall clock, zone and the UTC instant ical.js computes from the file's own
// VTIMEZONE) and, for repeating events, the first occurrences ical.js expands.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const path = process.argv[2];
const occurrenceLimit = Number(process.argv[3] ?? '30');
const text = readFileSync(path, 'utf8');

// ical.js predates RFC 7986 and reads properties it does not know as raw, still-escaped text;
// tell it NAME and the X-WR-CALNAME convention are TEXT, as the writer treats them.
ICAL.design.icalendar.property['name'] = { defaultType: 'text' };
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };
const calendar = new ICAL.Component(ICAL.parse(text));

// Register the file's zones explicitly so times resolve against exactly what the writer emitted;
// ical.js ships no zone database of its own.
for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtimezone);
}

function describeTime(time) {
  if (!time) {
    return null;
  }
  return {
    isDate: time.isDate,
    wallClock: time.toString(),
    zone: time.isDate ? null : (time.zone ? time.zone.tzid : null),
    unixSeconds: time.isDate ? null : time.toUnixTime(),
  };
}

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues());
  const result = {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: vevent.getFirstPropertyValue('url'),
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
    dtstamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    dtstampZone: vevent.getFirstPropertyValue('dtstamp')?.zone?.tzid ?? null,
    categories,
    start: describeTime(event.startDate),
    end: describeTime(event.endDate),
    startTzidParameter: vevent.getFirstProperty('dtstart').getParameter('tzid') ?? null,
    rrule: vevent.getFirstPropertyValue('rrule')?.toString() ?? null,
    occurrences: [],
  };
  if (event.isRecurring()) {
    const iterator = event.iterator();
    for (let next = iterator.next(); next && result.occurrences.length < occurrenceLimit; next = iterator.next()) {
      result.occurrences.push(describeTime(next));
    }
  }
  return result;
});

const output = {
  prodid: calendar.getFirstPropertyValue('prodid'),
  version: calendar.getFirstPropertyValue('version'),
  calscale: calendar.getFirstPropertyValue('calscale'),
  method: calendar.getFirstPropertyValue('method'),
  name: calendar.getFirstPropertyValue('name'),
  xWrCalname: calendar.getFirstPropertyValue('x-wr-calname'),
  refreshInterval: calendar.getFirstPropertyValue('refresh-interval')?.toString() ?? null,
  publishedTtl: calendar.getFirstPropertyValue('x-published-ttl')?.toString() ?? null,
  timezones: calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
  events,
};
process.stdout.write(JSON.stringify(output));
