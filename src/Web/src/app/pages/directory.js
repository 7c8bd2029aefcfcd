// The directory of support (public): free text and every DirectoryFilter field, kept in
// the address so a search can be shared; and a course's page with its runs.
import { gql } from '../api.js';
import { html } from '../html.js';
import { choices, input, select, summaryList, table, tag, button, backLink } from '../components.js';
import { date, dateTime, label, money, session } from '../format.js';
import { hasRole, navigate } from '../main.js';
import * as E from '../enums.js';

const LISTS = ['audiences', 'needTypes', 'frameworkAreas', 'phases', 'deliveryModes'];
const SINGLES = ['search', 'strand', 'priorKnowledge', 'from', 'to', 'district'];
const FLAGS = ['coreOfferOnly', 'withPlacesOnly'];

/** The address's query string as a DirectoryFilter (only what is set). */
export function filterFrom(query) {
  const filter = {};
  for (const key of SINGLES) if (query.get(key)) filter[key] = query.get(key);
  for (const key of LISTS) if (query.getAll(key).length) filter[key] = query.getAll(key);
  for (const key of FLAGS) if (query.get(key) === 'true') filter[key] = true;
  return filter;
}

const DIRECTORY = `query Directory($filter: DirectoryFilter, $orderBy: DirectoryOrder, $after: String) {
  districts { id name }
  directory(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id title summary provider strand coreOffer deliveryMode pricePence
      runs { id startsAt status placesLeft waitlistLength venue district { name } }
    }
  }
}`;

/** The next run still to start: one already under way is not the "next date". */
function nextRun(course) {
  const now = new Date().toISOString();
  return course.runs.filter((r) => r.status === 'SCHEDULED' && new Date(r.startsAt).toISOString() > now)
    .sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt))[0];
}

function result(course) {
  const run = nextRun(course);
  return html`<li class="app-result">
    <h2 class="govuk-heading-m"><a class="govuk-link" href="/courses/${course.id}">${course.title}</a></h2>
    <p class="govuk-body">${course.summary}</p>
    <p class="govuk-body">${tag('SCHEDULED', label(course.strand))} ${course.coreOffer ? tag('CONFIRMED', 'Core offer') : ''}</p>
    <dl class="govuk-summary-list govuk-summary-list--no-border">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Provider</dt><dd class="govuk-summary-list__value">${course.provider}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Next date</dt><dd class="govuk-summary-list__value" data-next-date>${run ? dateTime(run.startsAt) : 'No dates yet'}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">District</dt><dd class="govuk-summary-list__value">${run ? run.district?.name ?? 'Online' : '–'}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Places left</dt><dd class="govuk-summary-list__value" data-places-left>${run ? run.placesLeft : '–'}${run?.waitlistLength ? `, ${run.waitlistLength} on the waiting list` : ''}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Cost</dt><dd class="govuk-summary-list__value">${money(course.pricePence)}</dd></div>
    </dl>
  </li>`;
}

export async function directoryPage({ query }) {
  const filter = filterFrom(query);
  const orderBy = query.get('orderBy') || (filter.search ? 'RELEVANCE' : 'SOONEST');
  const data = await gql(DIRECTORY, { filter, orderBy, after: query.get('after') || null });
  const found = data.directory;
  const opts = (values) => values.map((v) => [v, label(v)]);
  const nextQuery = new URLSearchParams(query);
  nextQuery.set('after', found.pageInfo.endCursor ?? '');
  const body = html`
    <h1 class="govuk-heading-xl">Directory of support</h1>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third">
        <form method="get" action="/" id="filters" novalidate>
          <h2 class="govuk-heading-m">Search and filter</h2>
          ${input({ id: 'search', text: 'Search courses and resources', hint: 'For example, autism or attendance', value: filter.search ?? '' })}
          ${button('Apply filters')}
          ${select({ id: 'strand', text: 'Strand', value: filter.strand, options: [['', 'Any strand'], ...opts(E.STRANDS)] })}
          ${choices({ id: 'audiences', legend: 'Who it is for', items: opts(E.AUDIENCES), values: filter.audiences, small: true })}
          ${choices({ id: 'needTypes', legend: 'Area of need', items: opts(E.NEED_TYPES), values: filter.needTypes, small: true })}
          ${choices({ id: 'frameworkAreas', legend: 'Inclusion framework theme', items: opts(E.FRAMEWORK_AREAS), values: filter.frameworkAreas, small: true })}
          ${choices({ id: 'phases', legend: 'Phase', items: opts(E.PHASES), values: filter.phases, small: true })}
          ${select({ id: 'priorKnowledge', text: 'Prior knowledge', value: filter.priorKnowledge, options: [['', 'Any level'], ...opts(E.PRIOR_KNOWLEDGE)] })}
          ${choices({ id: 'deliveryModes', legend: 'How it is delivered', items: opts(E.DELIVERY_MODES), values: filter.deliveryModes, small: true })}
          ${choices({ id: 'options', name: 'flags', legend: 'Places and funding', items: [['coreOfferOnly', 'Core offer only'], ['withPlacesOnly', 'Only with places free']], values: FLAGS.filter((f) => filter[f]), small: true })}
          ${select({ id: 'district', text: 'District', hint: 'Online runs always match', value: filter.district, options: [['', 'Any district'], ...data.districts.map((d) => [d.id, d.name])] })}
          ${input({ id: 'from', type: 'date', text: 'Starting from', value: filter.from ?? '' })}
          ${input({ id: 'to', type: 'date', text: 'Starting by', value: filter.to ?? '' })}
          ${select({ id: 'orderBy', text: 'Sort by', value: orderBy, options: [['SOONEST', 'Soonest first'], ['TITLE', 'Title'], ['RELEVANCE', 'Relevance']] })}
          ${button('Apply filters', { secondary: true })}
          <p class="govuk-body"><a class="govuk-link" href="/">Clear filters</a></p>
        </form>
      </div>
      <div class="govuk-grid-column-two-thirds">
        <p class="govuk-body" role="status" id="result-count"><strong>${found.totalCount}</strong> ${found.totalCount === 1 ? 'result' : 'results'}</p>
        <ul class="govuk-list" id="results">${found.nodes.map(result)}</ul>
        ${found.pageInfo.hasNextPage ? html`<nav class="govuk-pagination govuk-pagination--block" aria-label="Results pages">
          <div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/?${nextQuery}" rel="next">
            <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div></nav>` : ''}
      </div>
    </div>`;
  return {
    title: filter.search ? `Search results for ‘${filter.search}’` : 'Directory of support',
    body,
    bind(main) {
      main.querySelector('#filters').addEventListener('submit', (event) => {
        event.preventDefault();
        const form = new FormData(event.target);
        const params = new URLSearchParams();
        for (const [key, value] of form) {
          if (key === 'flags') params.set(value, 'true');
          else if (value !== '' && !(key === 'orderBy' && value === 'SOONEST' && !form.get('search'))) params.append(key, value);
        }
        navigate(`/?${params}`);
      });
    },
  };
}

const COURSE = `query Course($id: ID!) {
  course(id: $id) {
    id title summary provider strand coreOffer audiences expectedImpact priorKnowledge frameworkAreas needTypes phases
    deliveryMode pricePence fundedReleaseDays leadershipLevel
    runs {
      id startsAt endsAt venue district { name } capacity maxPlacesPerSchool bookingClosesAt
      confirmedCount placesLeft waitlistLength status
      sessions { id startsAt endsAt }
    }
  }
}`;

export async function coursePage({ params }) {
  const { course } = await gql(COURSE, { id: params.id });
  if (!course) return { title: 'Course not found', body: html`<h1 class="govuk-heading-l">Course not found</h1><p class="govuk-body"><a class="govuk-link" href="/">Back to the directory</a></p>` };
  const list = (values) => values.map(label).join(', ');
  const now = new Date().toISOString();
  const runs = course.runs.map((run, n) => html`
    <section class="govuk-!-margin-bottom-8" aria-labelledby="run-${run.id}">
      <h3 class="govuk-heading-m" id="run-${run.id}">Run ${n + 1}: from ${date(run.startsAt)} ${tag(run.status)}</h3>
      ${summaryList([
        ['Where', run.venue ? `${run.venue}${run.district ? `, ${run.district.name}` : ''}` : 'Online'],
        ['Places', html`<span data-run-places="${run.id}">${run.placesLeft} of ${run.capacity} left</span>`],
        ['Waiting list', html`<span data-run-waitlist="${run.id}">${run.waitlistLength} ${run.waitlistLength === 1 ? 'person' : 'people'}</span>`],
        ['Most places per school', run.maxPlacesPerSchool ?? 'No limit'],
        ['Booking closes', dateTime(run.bookingClosesAt)],
      ])}
      ${table({ caption: 'Sessions', heads: ['Session', 'When'], rows: run.sessions.map((s, i) => [`Session ${i + 1}`, session(s)]) })}
      ${run.status === 'SCHEDULED' && run.bookingClosesAt > now && hasRole('SCHOOL_BOOKER')
        ? html`<a href="/runs/${run.id}/book" class="govuk-button" data-module="govuk-button" role="button">Book places<span class="govuk-visually-hidden"> on run ${n + 1}</span></a>` : ''}
      ${hasRole('PROVIDER', 'ADMIN') ? html`<p class="govuk-body"><a class="govuk-link" href="/runs/${run.id}/register">Register and attendance<span class="govuk-visually-hidden"> for run ${n + 1}</span></a></p>` : ''}
    </section>`);
  return {
    title: course.title,
    body: html`
      ${backLink('/', 'Back to the directory')}
      <span class="govuk-caption-l">${course.provider}</span>
      <h1 class="govuk-heading-xl">${course.title}</h1>
      <p class="govuk-body-l">${course.summary}</p>
      ${summaryList([
        ['Strand', label(course.strand)],
        ['Core offer', course.coreOffer ? 'Yes, funded by the county' : 'No'],
        ['Expected impact', course.expectedImpact],
        ['Who it is for', list(course.audiences)],
        ['Prior knowledge', label(course.priorKnowledge)],
        ['Areas of need', list(course.needTypes)],
        ['Framework themes', list(course.frameworkAreas)],
        ['Phases', list(course.phases)],
        ['Delivery', label(course.deliveryMode)],
        ['Cost per place', money(course.pricePence)],
        ['Funded release time', `${course.fundedReleaseDays} ${course.fundedReleaseDays === 1 ? 'day' : 'days'} per place`],
        ...(course.leadershipLevel ? [['Leadership programme level', label(course.leadershipLevel)]] : []),
      ])}
      <h2 class="govuk-heading-l">Dates</h2>
      ${runs.length ? runs : html`<p class="govuk-body">No dates are planned yet.</p>`}`,
  };
}
