// Booking (school bookers), the school's bookings with cancel and accept-offer, and a
// member of staff's own bookings with the evaluation and follow-up forms.
import { gql } from '../api.js';
import { html } from '../html.js';
import { backLink, button, choices, fieldFor, showErrors, summaryList, table, tag, textarea } from '../components.js';
import { date, dateTime, label, session } from '../format.js';
import { reload } from '../main.js';
import * as E from '../enums.js';

const ERROR_FIELDS = 'errors { code message path }';
const BOOKING_FIELDS = `id status waitlistPosition offerExpiresAt bookedAt cancelledAt completed
  staff { id name role } run { id startsAt endsAt status course { id title } sessions { id startsAt endsAt } }`;

/** A payload's UserErrors as error summary entries, each on the field its path names. */
export const userErrors = (form, errors) => errors.map((e) => ({ field: fieldFor(form, e.path), message: e.message }));

const RUN_FOR_BOOKING = `query RunForBooking($id: ID!) {
  courseRun(id: $id) {
    id startsAt capacity placesLeft waitlistLength maxPlacesPerSchool bookingClosesAt status venue district { name }
    course { id title }
    sessions { id startsAt endsAt }
  }
  me { school { urn name staff { id name role } } }
}`;

export async function bookPage({ params }) {
  const { courseRun: run, me } = await gql(RUN_FOR_BOOKING, { id: params.id });
  if (!run || !me?.school) return { title: 'Run not found', body: html`<h1 class="govuk-heading-l">Run not found</h1>` };
  const staff = me.school.staff;
  return {
    title: `Book places on ${run.course.title}`,
    body: html`
      ${backLink(`/courses/${run.course.id}`, 'Back to the course')}
      <span class="govuk-caption-l">${me.school.name}</span>
      <h1 class="govuk-heading-xl">Book places on ${run.course.title}</h1>
      ${summaryList([
        ['Starts', dateTime(run.startsAt)],
        ['Where', run.venue ? `${run.venue}${run.district ? `, ${run.district.name}` : ''}` : 'Online'],
        ['Places left', html`<span id="places-left">${run.placesLeft}</span>`],
        ['Waiting list', `${run.waitlistLength}`],
        ['Most places per school', run.maxPlacesPerSchool ?? 'No limit'],
        ['Sessions', html`<ul class="govuk-list">${run.sessions.map((s) => html`<li>${session(s)}</li>`)}</ul>`],
      ])}
      <div id="outcome" tabindex="-1"></div>
      <form method="post" action="/runs/${run.id}/book" id="book" novalidate>
        ${choices({ id: 'staffIds', legend: 'Who is going?', legendSize: 'm',
          hint: 'Select everyone you want to book. When the run is full, people join the waiting list in the order shown.',
          items: staff.map((s) => [s.id, s.name, label(s.role)]) })}
        ${button('Book places')}
      </form>`,
    bind(main) {
      const form = main.querySelector('#book');
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const boxes = [...form.querySelectorAll('input[name=staffIds]:checked')];
        if (!boxes.length) {
          showErrors(main, form, [{ field: form.querySelector('#staffIds'), message: 'Select at least one member of staff' }]);
          return;
        }
        // UserError paths index the submitted list: input.staffIds.<n> names the n-th ticked person.
        boxes.forEach((box, n) => { box.dataset.path = `staffIds.${n}`; });
        const staffIds = boxes.map((b) => b.value);
        const { bookPlaces } = await gql(`mutation Book($input: BookPlacesInput!) { bookPlaces(input: $input) { bookings { ${BOOKING_FIELDS} } ${ERROR_FIELDS} } }`,
          { input: { runId: run.id, staffIds } });
        showErrors(main, form, userErrors(form, bookPlaces.errors));
        const names = Object.fromEntries(staff.map((s) => [s.id, s.name]));
        const rows = staffIds.map((id, n) => {
          const booking = bookPlaces.bookings.find((b) => b.staff.id === id);
          const refused = bookPlaces.errors.find((e) => e.path?.join('.') === `input.staffIds.${n}`) ?? (booking ? null : bookPlaces.errors[0]);
          if (booking) {
            return [names[id], booking.status === 'WAITLISTED'
              ? tag('WAITLISTED', `Waiting list, position ${booking.waitlistPosition}`) : tag(booking.status)];
          }
          return [names[id], html`${tag('REFUSED', 'Not booked')} ${refused?.message ?? ''}`];
        });
        boxes.forEach((box) => { box.dataset.path = 'staffIds'; });
        main.querySelector('#outcome').innerHTML = html`
          <div class="govuk-inset-text" role="status">
            ${table({ caption: 'What happened', heads: ['Person', 'Outcome'], rows, id: 'outcomes' })}
            <p class="govuk-body"><a class="govuk-link" href="/school/bookings">See all your school’s bookings</a></p>
          </div>`.text;
        if (!bookPlaces.errors.length) main.querySelector("#outcome").focus();
      });
    },
  };
}

const SCHOOL_BOOKINGS = `query SchoolBookings { me { school { urn name bookings { ${BOOKING_FIELDS} } } } }`;

export async function schoolBookingsPage() {
  const { me } = await gql(SCHOOL_BOOKINGS);
  const school = me?.school;
  if (!school) return { title: 'School bookings', body: html`<h1 class="govuk-heading-l">School bookings</h1><p class="govuk-body">Your account is not linked to a school.</p>` };
  const bookings = [...school.bookings].sort((a, b) => a.run.startsAt.localeCompare(b.run.startsAt));
  const status = (b) => (b.status === 'WAITLISTED' ? tag('WAITLISTED', `Waiting list, position ${b.waitlistPosition}`)
    : b.status === 'OFFERED' ? html`${tag('OFFERED', 'Place offered')} <span class="govuk-body-s">until ${dateTime(b.offerExpiresAt)}</span>` : tag(b.status));
  const actions = (b) => html`
    ${b.status === 'OFFERED' ? html`<form method="post" action="/school/bookings" data-accept="${b.id}">${button(html`Accept place<span class="govuk-visually-hidden"> for ${b.staff.name}</span>`, { id: `accept-${b.id}` })}</form>` : ''}
    ${b.status !== 'CANCELLED' ? html`<form method="post" action="/school/bookings" data-cancel="${b.id}">${button(html`Cancel<span class="govuk-visually-hidden"> ${b.staff.name}’s booking on ${b.run.course.title}</span>`, { secondary: true, id: `cancel-${b.id}` })}</form>` : ''}`;
  return {
    title: 'School bookings',
    body: html`
      <span class="govuk-caption-l">${school.name}</span>
      <h1 class="govuk-heading-xl">School bookings</h1>
      ${bookings.length ? table({ caption: 'Bookings of your staff', id: 'school-bookings', heads: ['Person', 'Course', 'Starts', 'Status', 'Actions'],
        rows: bookings.map((b) => [b.staff.name, html`<a class="govuk-link" href="/courses/${b.run.course.id}">${b.run.course.title}</a>`, date(b.run.startsAt), status(b), actions(b)]) })
      : html`<p class="govuk-body">Your school has no bookings yet. <a class="govuk-link" href="/">Find support in the directory</a>.</p>`}`,
    bind(main) {
      main.addEventListener('submit', async (event) => {
        const form = event.target;
        event.preventDefault();
        const id = form.dataset.accept ?? form.dataset.cancel;
        const mutation = form.dataset.accept
          ? `mutation Accept($input: AcceptOfferInput!) { result: acceptOffer(input: $input) { booking { id status } ${ERROR_FIELDS} } }`
          : `mutation Cancel($input: CancelBookingInput!) { result: cancelBooking(input: $input) { booking { id status } ${ERROR_FIELDS} } }`;
        const { result } = await gql(mutation, { input: { bookingId: id } });
        if (result.errors.length) {
          showErrors(main, form, userErrors(form, result.errors).map((e) => ({ ...e, field: null })));
          return;
        }
        reload(form.dataset.accept ? 'The place is accepted and the booking is confirmed.' : 'The booking is cancelled.');
      });
    },
  };
}

const MY_BOOKINGS = `query MyBookings { me { name bookings { ${BOOKING_FIELDS}
  evaluation { content knowledgeImproved confidenceImproved comments submittedAt }
  followUp { implemented notes submittedAt } } } }`;

export async function myBookingsPage() {
  const { me } = await gql(MY_BOOKINGS);
  const bookings = [...me.bookings].sort((a, b) => a.run.startsAt.localeCompare(b.run.startsAt));
  return {
    title: 'My bookings',
    body: html`
      <h1 class="govuk-heading-xl">My bookings</h1>
      <p class="govuk-body"><a class="govuk-link" href="/calendars">Add your bookings to your calendar</a></p>
      ${bookings.length ? table({ caption: 'Courses you are booked on', id: 'my-bookings', heads: ['Course', 'Starts', 'Status', 'Feedback'],
        rows: bookings.map((b) => [
          html`<a class="govuk-link" href="/my/bookings/${b.id}">${b.run.course.title}</a>`, date(b.run.startsAt),
          b.status === 'WAITLISTED' ? tag('WAITLISTED', `Waiting list, position ${b.waitlistPosition}`) : tag(b.status),
          b.evaluation ? (b.followUp ? 'Evaluation and follow-up given' : 'Evaluation given') : (b.completed ? 'Evaluation due' : '–'),
        ]) }) : html`<p class="govuk-body">You have no bookings.</p>`}`,
  };
}

export async function myBookingPage({ params }) {
  const { me } = await gql(MY_BOOKINGS);
  const b = me.bookings.find((x) => x.id === params.id);
  if (!b) return { title: 'Booking not found', body: html`<h1 class="govuk-heading-l">Booking not found</h1>` };
  const opts = (values) => values.map((v) => [v, label(v)]);
  const ended = b.run.endsAt < new Date().toISOString();
  return {
    title: b.run.course.title,
    body: html`
      ${backLink('/my/bookings', 'Back to my bookings')}
      <span class="govuk-caption-l">My booking</span>
      <h1 class="govuk-heading-xl">${b.run.course.title}</h1>
      ${summaryList([
        ['Status', b.status === 'WAITLISTED' ? tag('WAITLISTED', `Waiting list, position ${b.waitlistPosition}`) : tag(b.status)],
        ['Sessions', html`<ul class="govuk-list">${b.run.sessions.map((s) => html`<li>${session(s)}</li>`)}</ul>`],
        ['Completed', b.completed ? 'Yes, every session attended' : 'Not yet'],
        ['Calendar', html`<a class="govuk-link" href="/calendar/bookings/${b.id}.ics" download id="booking-ics">Add to calendar<span class="govuk-visually-hidden"> (${b.run.course.title})</span></a>
          or <a class="govuk-link" href="/calendars">subscribe to all my bookings</a>`],
      ])}
      <h2 class="govuk-heading-l">Evaluation</h2>
      ${b.evaluation ? summaryList([
        ['Content', label(b.evaluation.content)],
        ['My knowledge and skills improved', label(b.evaluation.knowledgeImproved)],
        ['My confidence in meeting pupils’ needs improved', label(b.evaluation.confidenceImproved)],
        ['Comments', b.evaluation.comments ?? 'None'],
      ]) : b.status === 'CONFIRMED' && ended ? html`
        <form method="post" action="/my/bookings/${b.id}" id="evaluation" novalidate>
          ${choices({ kind: 'radios', id: 'content', legend: 'How good was the content?', items: opts(E.CONTENT_RATINGS), small: true })}
          ${choices({ kind: 'radios', id: 'knowledgeImproved', legend: 'My knowledge and skills improved', items: opts(E.AGREEMENTS), small: true })}
          ${choices({ kind: 'radios', id: 'confidenceImproved', legend: 'My confidence in meeting pupils’ needs improved', items: opts(E.AGREEMENTS), small: true })}
          ${textarea({ id: 'comments', text: 'Comments (optional)' })}
          ${button('Send evaluation')}
        </form>` : html`<p class="govuk-body">You can evaluate the course once it has ended.</p>`}
      <h2 class="govuk-heading-l">Follow-up</h2>
      ${b.followUp ? summaryList([['Put into practice', label(b.followUp.implemented)], ['Notes', b.followUp.notes ?? 'None']])
      : b.evaluation ? html`
        <form method="post" action="/my/bookings/${b.id}" id="follow-up" novalidate>
          ${choices({ kind: 'radios', id: 'implemented', legend: 'Have you put what you learnt into practice?', items: opts(E.IMPLEMENTATIONS), small: true })}
          ${textarea({ id: 'notes', text: 'What changed? (optional)' })}
          ${button('Send follow-up')}
        </form>` : html`<p class="govuk-body">The follow-up comes after the evaluation.</p>`}`,
    bind(main) {
      const radios = (form, names) => names.map((n) => [n, form.querySelector(`input[name=${n}]:checked`)?.value]);
      main.querySelector('#evaluation')?.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        const values = radios(form, ['content', 'knowledgeImproved', 'confidenceImproved']);
        const missing = values.filter(([, v]) => !v).map(([n]) => ({ field: form.querySelector(`#${n}`), message: 'Select an answer' }));
        if (missing.length) { showErrors(main, form, missing); return; }
        const { submitEvaluation: r } = await gql(`mutation Evaluate($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { booking { id } ${ERROR_FIELDS} } }`,
          { input: { bookingId: b.id, ...Object.fromEntries(values), comments: form.comments.value || null } });
        if (r.errors.length) { showErrors(main, form, userErrors(form, r.errors)); return; }
        reload('Thank you. Your evaluation is sent.');
      });
      main.querySelector('#follow-up')?.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        const implemented = form.querySelector('input[name=implemented]:checked')?.value;
        if (!implemented) { showErrors(main, form, [{ field: form.querySelector('#implemented'), message: 'Select an answer' }]); return; }
        const { submitFollowUp: r } = await gql(`mutation FollowUp($input: SubmitFollowUpInput!) { submitFollowUp(input: $input) { booking { id } ${ERROR_FIELDS} } }`,
          { input: { bookingId: b.id, implemented, notes: form.notes.value || null } });
        if (r.errors.length) { showErrors(main, form, userErrors(form, r.errors)); return; }
        reload('Thank you. Your follow-up is sent.');
      });
    },
  };
}
