// The commissioner's dashboard: any uptake measure by any breakdown, as a table and a
// bar chart drawn from the same figures. The chart is an image whose text alternative
// is the table beside it; the CSV link downloads the same rows.
import { gql } from '../api.js';
import { html } from '../html.js';
import { button, select, summaryList, table } from '../components.js';
import { academicYear, label, percent } from '../format.js';
import { navigate } from '../main.js';
import * as E from '../enums.js';

const MEASURES = {
  peerReview: {
    name: 'Peer review',
    fields: 'group schools schoolsInCluster schoolsReviewed schoolsImplementingActions participationRate coverageRate',
    columns: [['schools', '#Schools'], ['schoolsInCluster', '#In an active cluster'], ['schoolsReviewed', '#Reviewed'],
      ['schoolsImplementingActions', '#Implementing actions'], ['participationRate', '#Participation', true], ['coverageRate', '#Coverage', true]],
    chart: ['participationRate', 'Participation rate'],
  },
  leadership: {
    name: 'Inclusion leadership',
    fields: 'group schools schoolsWithSeniorAndMiddleLeader rate',
    columns: [['schools', '#Schools'], ['schoolsWithSeniorAndMiddleLeader', '#With a senior and a middle leader trained'], ['rate', '#Rate', true]],
    chart: ['rate', 'Schools with a senior and a middle leader trained'],
  },
  training: {
    name: 'Training',
    fields: 'group schools schoolsEngaged bookings completions completionRate engagementRate',
    columns: [['schools', '#Schools'], ['schoolsEngaged', '#Engaged'], ['bookings', '#Bookings'], ['completions', '#Completions'],
      ['engagementRate', '#Engagement', true], ['completionRate', '#Completion', true]],
    chart: ['engagementRate', 'Engagement rate'],
  },
  evaluations: { name: 'Evaluations' },
};

/** A horizontal bar chart in SVG; sizes are attributes, not styles, to satisfy the CSP. */
function chart(rows, field, title, tableId, tableCaption) {
  const barHeight = 28;
  const gap = 10;
  const labelWidth = 260;
  const plotWidth = 440;
  const height = rows.length * (barHeight + gap) + 10;
  return html`
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg class="app-chart" role="img" aria-labelledby="chart-title" aria-describedby="chart-note" viewBox="0 0 ${labelWidth + plotWidth + 80} ${height}" width="${labelWidth + plotWidth + 80}" height="${height}" focusable="false">
        <title id="chart-title">${title} by group, bar chart</title>
        ${rows.map((row, i) => {
          const y = i * (barHeight + gap) + 5;
          const value = row[field];
          const width = value === null || value === undefined ? 0 : Math.max(1, Math.round(value * plotWidth));
          return html`<g aria-hidden="true">
            <text class="app-chart__label" x="${labelWidth - 8}" y="${y + barHeight / 2 + 5}" text-anchor="end">${row.group}</text>
            <rect class="app-chart__bar" x="${labelWidth}" y="${y}" width="${width}" height="${barHeight}"></rect>
            <text class="app-chart__value" x="${labelWidth + width + 6}" y="${y + barHeight / 2 + 5}">${percent(value)}</text></g>`;
        })}
      </svg>
      <figcaption class="govuk-body-s" id="chart-note">${title} for each group. The same figures are in the table <a class="govuk-link" href="#${tableId}">${tableCaption}</a>.</figcaption>
    </figure>`;
}

export async function dashboardPage({ query }) {
  const measure = MEASURES[query.get('measure')] ? query.get('measure') : 'peerReview';
  const groupBy = E.BREAKDOWNS.includes(query.get('groupBy')) ? query.get('groupBy') : 'DISTRICT';
  const year = /^\d{4}\/\d{2}$/.test(query.get('academicYear') ?? '') ? query.get('academicYear') : academicYear();
  const strand = E.STRANDS.includes(query.get('strand')) ? query.get('strand') : null;
  const m = MEASURES[measure];
  const csv = `/reports/uptake.csv?${new URLSearchParams({ measure, groupBy, academicYear: year })}`;
  let figures;
  if (measure === 'evaluations') {
    const { uptake } = await gql(`query Evaluations($year: String, $strand: Strand) { uptake { evaluations(academicYear: $year, strand: $strand) {
      responses goodOrExcellentRate improvedKnowledgeRate improvedConfidenceRate followUps implementedRate suppressed } } }`, { year, strand });
    const e = uptake.evaluations;
    figures = html`
      <h2 class="govuk-heading-l">Evaluations, ${year}</h2>
      ${e.suppressed ? html`<div class="govuk-inset-text">Fewer than 5 responses: rates are not shown, so no one can be identified.</div>` : ''}
      ${summaryList([
        ['Responses', e.responses],
        ['Rated the content good or excellent', percent(e.goodOrExcellentRate)],
        ['Said their knowledge and skills improved', percent(e.improvedKnowledgeRate)],
        ['Said their confidence improved', percent(e.improvedConfidenceRate)],
        ['Follow-ups', e.followUps],
        ['Put it into practice (partly or fully)', percent(e.implementedRate)],
      ])}`;
  } else {
    const args = measure === 'training' ? '(groupBy: $groupBy, academicYear: $year, strand: $strand)' : '(groupBy: $groupBy, academicYear: $year)';
    const vars = measure === 'training' ? ', $strand: Strand' : '';
    const data = await gql(`query Uptake($groupBy: Breakdown!, $year: String${vars}) { uptake { rows: ${measure}${args} { ${m.fields} } } }`,
      measure === 'training' ? { groupBy, year, strand } : { groupBy, year });
    const rows = data.uptake.rows;
    const title = `${m.name} by ${label(groupBy).toLowerCase()}, ${year}`;
    figures = html`
      <h2 class="govuk-heading-l">${title}</h2>
      ${chart(rows, m.chart[0], m.chart[1], 'uptake-table', `Figures: ${title}`)}
      ${table({ caption: `Figures: ${title}`, id: 'uptake-table', heads: ['Group', ...m.columns.map(([, h]) => h)],
        rows: rows.map((r) => [groupBy === 'PHASE' || groupBy === 'SCHOOL_TYPE' ? label(r.group) : r.group,
          ...m.columns.map(([f, , rate]) => (rate ? percent(r[f]) : r[f]))]) })}`;
  }
  return {
    title: 'Uptake',
    body: html`
      <h1 class="govuk-heading-xl">Uptake and impact</h1>
      <p class="govuk-body">Figures count open schools and settings, not people. Rates are shares of the schools in each group.</p>
      <form method="get" action="/dashboard" id="measures" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter">${select({ id: 'measure', text: 'Measure', value: measure, options: Object.entries(MEASURES).map(([k, v]) => [k, v.name]) })}</div>
          <div class="govuk-grid-column-one-quarter">${select({ id: 'groupBy', text: 'Break down by', value: groupBy, options: E.BREAKDOWNS.map((b) => [b, label(b)]) })}</div>
          <div class="govuk-grid-column-one-quarter">${select({ id: 'academicYear', text: 'Academic year', value: year,
            options: [-2, -1, 0].map((d) => { const y = academicYear(new Date(new Date().getFullYear() + d, new Date().getMonth(), 1)); return [y, y]; }) })}</div>
          <div class="govuk-grid-column-one-quarter">${select({ id: 'strand', text: 'Strand (training and evaluations)', value: strand ?? '', options: [['', 'All strands'], ...E.STRANDS.map((s) => [s, label(s)])] })}</div>
        </div>
        ${button('Show figures')}
      </form>
      ${figures}
      <p class="govuk-body"><a class="govuk-link" href="${csv}" download id="csv-link">Download these figures as CSV<span class="govuk-visually-hidden"> (${m.name}, ${label(groupBy)}, ${year})</span></a></p>`,
    bind(page) {
      page.querySelector('#measures').addEventListener('submit', (event) => {
        event.preventDefault();
        const params = new URLSearchParams([...new FormData(event.target)].filter(([, v]) => v !== ''));
        navigate(`/dashboard?${params}`);
      });
    },
  };
}
