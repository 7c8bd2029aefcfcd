// Providers: their runs, a run's register (attendance per session) and cancelling a run.
import { gql } from '../api.js';
import { html } from '../html.js';
import { backLink, button, fieldFor, showErrors, summaryList, table, tag, textarea } from '../components.js';
import { date, dateTime, session } from '../format.js';
import { reload } from '../main.js';

const ERROR_FIELDS = 'errors { code message path }';

export async function providerPage() {
  const { directory } = await gql(`query ProviderRuns { directory(first: 100, orderBy: SOONEST) {
    nodes { id title provider runs(includePast: true) { id startsAt status confirmedCount capacity waitlistLength } } } }`);
  const rows = directory.nodes.flatMap((c) => c.runs.map((r) => ({ course: c, run: r })))
    .sort((a, b) => a.run.startsAt.localeCompare(b.run.startsAt));
  return {
    title: 'Registers',
    body: html`
      <h1 class="govuk-heading-xl">Registers</h1>
      <p class="govuk-body">Take attendance for each session, or cancel a run.</p>
      ${table({ caption: 'Runs of your courses', id: 'runs', heads: ['Course', 'Starts', 'Status', '#Booked', '#Waiting'],
        rows: rows.map(({ course, run }) => [
          html`<a class="govuk-link" href="/runs/${run.id}/register">${course.title}<span class="govuk-visually-hidden">, run starting ${date(run.startsAt)}</span></a>`,
          date(run.startsAt), tag(run.status), `${run.confirmedCount} of ${run.capacity}`, run.waitlistLength]) })}`,
  };
}

const REGISTER = `query Register($id: ID!) {
  courseRun(id: $id) {
    id startsAt endsAt status capacity confirmedCount waitlistLength venue district { name }
    course { id title }
    sessions { id startsAt endsAt }
    bookings { id status staff { id name } school { name } attendance { session { id } present } }
  }
}`;

export async function registerPage({ params }) {
  const { courseRun: run } = await gql(REGISTER, { id: params.id });
  if (!run) return { title: 'Run not found', body: html`<h1 class="govuk-heading-l">Run not found</h1>` };
  const confirmed = run.bookings.filter((b) => b.status === 'CONFIRMED').sort((a, b) => a.staff.name.localeCompare(b.staff.name));
  const present = (b, s) => b.attendance.some((a) => a.session.id === s.id && a.present);
  const sessionForm = (s, n) => html`
    <form method="post" action="/runs/${run.id}/register" data-session="${s.id}" novalidate class="govuk-!-margin-bottom-8">
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Session ${n + 1}: ${session(s)}</h2></legend>
          <div class="govuk-hint">Tick everyone who was there.</div>
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            ${confirmed.map((b) => html`<div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="present-${s.id}-${b.id}" name="present" type="checkbox" value="${b.id}" data-path="attendance" ${present(b, s) ? 'checked' : ''}>
              <label class="govuk-label govuk-checkboxes__label" for="present-${s.id}-${b.id}">${b.staff.name}, ${b.school.name}</label></div>`)}
          </div>
        </fieldset>
      </div>
      ${button(html`Save attendance<span class="govuk-visually-hidden"> for session ${n + 1}</span>`)}
    </form>`;
  return {
    title: `Register: ${run.course.title}`,
    body: html`
      ${backLink('/provider', 'Back to registers')}
      <span class="govuk-caption-l">Register</span>
      <h1 class="govuk-heading-xl">${run.course.title}</h1>
      ${summaryList([
        ['Status', tag(run.status)],
        ['Starts', dateTime(run.startsAt)],
        ['Where', run.venue ? `${run.venue}${run.district ? `, ${run.district.name}` : ''}` : 'Online'],
        ['Booked', `${run.confirmedCount} of ${run.capacity}, ${run.waitlistLength} waiting`],
      ])}
      ${run.status === 'CANCELLED' ? html`<p class="govuk-body">This run is cancelled.</p>`
        : confirmed.length ? run.sessions.map(sessionForm) : html`<p class="govuk-body">No one is booked yet.</p>`}
      ${run.status === 'SCHEDULED' ? html`
        <h2 class="govuk-heading-l">Cancel this run</h2>
        <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Every booking on the run is cancelled and the schools are told.</strong></div>
        <form method="post" action="/runs/${run.id}/register" id="cancel-run" novalidate>
          ${textarea({ id: 'reason', text: 'Reason (optional)', hint: 'Schools see this' , rows: 3 })}
          ${button('Cancel run', { warning: true })}
        </form>` : ''}`,
    bind(main) {
      main.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        if (form.id === 'cancel-run') {
          const { cancelRun: r } = await gql(`mutation CancelRun($input: CancelRunInput!) { cancelRun(input: $input) { run { id status } ${ERROR_FIELDS} } }`,
            { input: { runId: run.id, reason: form.reason.value || null } });
          if (r.errors.length) { showErrors(main, form, r.errors.map((e) => ({ field: fieldFor(form, e.path), message: e.message }))); return; }
          reload('The run is cancelled. Every booking on it is cancelled.');
          return;
        }
        const attendance = [...form.querySelectorAll('input[name=present]')].map((box) => ({ bookingId: box.value, present: box.checked }));
        const { recordAttendance: r } = await gql(`mutation Attendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance { present } ${ERROR_FIELDS} } }`,
          { input: { sessionId: form.dataset.session, attendance } });
        if (r.errors.length) { showErrors(main, form, r.errors.map((e) => ({ field: fieldFor(form, e.path), message: e.message }))); return; }
        reload(`Attendance saved: ${attendance.filter((a) => a.present).length} of ${attendance.length} present.`);
      });
    },
  };
}
