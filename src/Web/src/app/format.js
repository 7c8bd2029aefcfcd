// Dates, times, money and enum names as GOV.UK style writes them, in Europe/London.
const ZONE = 'Europe/London';
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: 'numeric', minute: '2-digit', hour12: true });

export const date = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');

/** A civil Date ("2026-03-04") has no zone: format it at noon UTC so it never shifts a day. */
export const civilDate = (value) => (value ? weekdayFormat.format(new Date(`${value}T12:00:00Z`)) : 'Not set');

export const time = (iso) => timeFormat.format(new Date(iso)).replace(' ', '').replace(':00', '').toLowerCase();

export const dateTime = (iso) => `${date(iso)}, ${time(iso)}`;

export const session = (s) => `${weekdayFormat.format(new Date(s.startsAt))}, ${time(s.startsAt)} to ${time(s.endsAt)}`;

export const money = (pence) => (pence === 0 ? 'Free' : `£${(pence / 100).toFixed(2)}`);

export const percent = (rate) => (rate === null || rate === undefined ? 'Not available' : `${Math.round(rate * 1000) / 10}%`);

const WORDS = {
  SENCO: 'SENCO',
  SOCIAL_EMOTIONAL_MENTAL_HEALTH: 'Social, emotional and mental health',
  POST_16: 'Post-16',
  E_LEARNING: 'E-learning',
  SCHOOL_TO_SCHOOL_SYSTEM: 'School-to-school system',
  PUPIL_REFERRAL_UNIT: 'Pupil referral unit',
  PARENT_CARER: 'Parent or carer',
  HEADTEACHER_EXECUTIVE: 'Headteacher or executive',
  COUNTY: 'County',
  SCHOOL_TYPE: 'School type',
};

/** "EARLY_CAREER_TEACHER" -> "Early career teacher". */
export function label(value) {
  if (value === null || value === undefined) return '';
  if (WORDS[value]) return WORDS[value];
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The academic year (1 September to 31 August) a day falls in, written "2025/26". */
export function academicYear(day = new Date()) {
  const year = day.getMonth() >= 8 ? day.getFullYear() : day.getFullYear() - 1;
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
