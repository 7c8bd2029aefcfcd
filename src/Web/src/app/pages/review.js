// Inclusion Leaders of Education: their clusters, planning a year's review cycle (see the
// proposal, move or confirm each visit), and a visit's page through self-evaluation,
// the visit, the report and its actions, and the impact review.
import { gql } from '../api.js';
import { html } from '../html.js';
import { backLink, button, choices, fieldFor, input, select, showErrors, summaryList, table, tag, textarea } from '../components.js';
import { civilDate, dateTime, label } from '../format.js';
import { reload } from '../main.js';
import * as E from '../enums.js';

const ERROR_FIELDS = 'errors { code message path }';
const errorsOn = (form, errors) => errors.map((e) => ({ field: fieldFor(form, e.path), message: e.message }));

export async function clustersPage() {
  const { me } = await gql(`query MyClusters { me { leader { id name clusters { id name academicYear active members { urn name }
    cycle { id complete visits { id status } } } } } }`);
  const clusters = me?.leader?.clusters ?? [];
  const progress = (c) => (c.cycle ? `${c.cycle.visits.filter((v) => v.status !== 'PROPOSED' && v.status !== 'CANCELLED').length} of ${c.cycle.visits.length} visits confirmed or held` : 'Not planned');
  return {
    title: 'My clusters',
    body: html`
      <h1 class="govuk-heading-xl">My clusters</h1>
      ${clusters.length ? table({ caption: 'Peer-review clusters you lead', id: 'clusters', heads: ['Cluster', 'Year', 'Schools', 'Active', 'Cycle'],
        rows: clusters.map((c) => [html`<a class="govuk-link" href="/ile/clusters/${c.id}">${c.name}</a>`, c.academicYear,
          c.members.map((m) => m.name).join(', '), c.active ? 'Yes' : 'No (needs 4 to 6 schools and a leader)', c.cycle?.complete ? tag('COMPLETED', 'Complete') : progress(c)]) })
      : html`<p class="govuk-body">You do not lead a cluster yet.</p>`}`,
  };
}

const CLUSTER = `query Cluster($id: ID!) {
  cluster(id: $id) {
    id name academicYear active leader { id name }
    members { urn name staff { id name role } }
    cycle { id complete visits {
      id date status host { urn name } reviewers { id name school { name } } focusAreas
      selfEvaluationDue selfEvaluationSubmittedAt releaseDays impactReviewDue
      report { strengths areasForDevelopment submittedAt actions { id description dueDate status } }
    } }
  }
}`;

export async function clusterPage({ params }) {
  const { cluster } = await gql(CLUSTER, { id: params.id });
  if (!cluster) return { title: 'Cluster not found', body: html`<h1 class="govuk-heading-l">Cluster not found</h1>` };
  const visits = [...(cluster.cycle?.visits ?? [])].sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9'));
  // Planning (again) re-proposes dates for visits not yet confirmed; confirmed ones stay.
  const proposing = !cluster.cycle || visits.some((v) => v.status === 'PROPOSED');
  return {
    title: cluster.name,
    body: html`
      ${backLink('/ile', 'Back to my clusters')}
      <span class="govuk-caption-l">Peer-review cluster, ${cluster.academicYear}</span>
      <h1 class="govuk-heading-xl">${cluster.name}</h1>
      ${summaryList([
        ['Leader', cluster.leader?.name ?? 'None'],
        ['Member schools', html`<ul class="govuk-list">${cluster.members.map((m) => html`<li>${m.name}</li>`)}</ul>`],
        ['Active', cluster.active ? 'Yes' : 'No: a cluster needs 4 to 6 schools and a leader'],
      ])}
      <h2 class="govuk-heading-l">Review cycle</h2>
      ${visits.length ? table({ caption: cluster.cycle.complete ? 'Visits (cycle complete)' : 'Visits', id: 'visits', heads: ['Host school', 'Date', 'Status', 'Next step'],
        rows: visits.map((v) => [v.host.name, civilDate(v.date), tag(v.status),
          html`<a class="govuk-link" href="/ile/clusters/${cluster.id}/visits/${v.id}">${v.status === 'PROPOSED' ? 'Move or confirm' : 'View visit'}<span class="govuk-visually-hidden"> at ${v.host.name}</span></a>`]) })
      : html`<p class="govuk-body">The cycle for ${cluster.academicYear} is not planned yet.</p>`}
      ${proposing ? html`
        <form method="post" action="/ile/clusters/${cluster.id}" id="plan" novalidate>
          <h2 class="govuk-heading-m">${visits.length ? 'Propose new dates' : 'Plan the cycle'}</h2>
          <p class="govuk-body">InclusionNetwork proposes a date for every member school’s visit not yet confirmed, in term time and clear of clashes. You can then move and confirm each visit.</p>
          ${input({ id: 'avoidDates', text: 'Dates to keep clear (optional)', hint: 'Dates as year-month-day, separated by commas, for example 2026-11-17, 2026-12-01' })}
          ${button(visits.length ? 'Propose new dates' : 'Plan the cycle')}
        </form>` : ''}`,
    bind(page) {
      page.querySelector('#plan')?.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        const avoidDates = form.avoidDates.value.split(/[\s,]+/).filter(Boolean);
        const bad = avoidDates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
        if (bad) { showErrors(page, form, [{ field: form.avoidDates, message: `Enter dates as year-month-day, for example 2026-11-17 (not ‘${bad}’)` }]); return; }
        const { planReviewCycle: r } = await gql(`mutation Plan($input: PlanReviewCycleInput!) { planReviewCycle(input: $input) { cycle { id } ${ERROR_FIELDS} } }`,
          { input: { clusterId: cluster.id, academicYear: cluster.academicYear, avoidDates } });
        if (r.errors.length) { showErrors(page, form, errorsOn(form, r.errors)); return; }
        reload('The cycle is planned. Check each proposed date, then move or confirm it.');
      });
    },
  };
}

export async function visitPage({ params }) {
  const { cluster } = await gql(CLUSTER, { id: params.clusterId });
  const visit = cluster?.cycle?.visits.find((v) => v.id === params.visitId);
  if (!visit) return { title: 'Visit not found', body: html`<h1 class="govuk-heading-l">Visit not found</h1>` };
  const reviewers = cluster.members.filter((m) => m.urn !== visit.host.urn).flatMap((m) => m.staff.map((s) => [s.id, s.name, m.name]));
  const areas = E.FRAMEWORK_AREAS.map((a) => [a, label(a)]);
  const s = visit.status;
  const forms = [];
  if (s === 'PROPOSED' || s === 'CONFIRMED') {
    forms.push(html`
      <form method="post" id="schedule" novalidate>
        <h2 class="govuk-heading-l">${s === 'PROPOSED' ? 'Move or confirm the visit' : 'Move the visit'}</h2>
        ${input({ id: 'date', type: 'date', text: 'Date of the visit', hint: 'At least 10 working days from today', value: visit.date ?? '', width: 10 })}
        ${choices({ id: 'reviewerStaffIds', legend: 'Reviewers', hint: 'Staff of the other schools in the cluster', items: reviewers, values: visit.reviewers.map((r) => r.id), small: true })}
        ${choices({ id: 'focusAreas', legend: 'Focus areas (optional)', items: areas, values: visit.focusAreas, small: true })}
        ${button(s === 'PROPOSED' ? 'Confirm visit' : 'Move visit')}
      </form>`);
  }
  if (s === 'CONFIRMED' && !visit.selfEvaluationSubmittedAt) {
    forms.push(html`
      <form method="post" id="self-evaluation" novalidate>
        <h2 class="govuk-heading-l">Host’s self-evaluation</h2>
        ${textarea({ id: 'summary', text: 'Summary of the self-evaluation', rows: 5 })}
        ${choices({ id: 'seFocusAreas', name: 'seFocusAreas', path: 'focusAreas', legend: 'Focus areas chosen by the host', items: areas, values: visit.focusAreas, small: true })}
        ${button('Submit self-evaluation')}
      </form>`);
  }
  if (s === 'CONFIRMED') {
    forms.push(html`<form method="post" id="complete"><h2 class="govuk-heading-l">After the visit</h2>${button('Record the visit as held', { secondary: true })}</form>`);
  }
  if (s === 'COMPLETED') {
    forms.push(html`
      <form method="post" id="report" novalidate>
        <h2 class="govuk-heading-l">Report and action plan</h2>
        ${textarea({ id: 'strengths', text: 'Strengths', rows: 4 })}
        ${textarea({ id: 'areasForDevelopment', text: 'Areas for development', rows: 4 })}
        ${[0, 1, 2].map((n) => html`
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action ${n + 1}${n ? ' (optional)' : ''}</legend>
            ${input({ id: `action-${n}`, name: 'actionDescription', path: `actions.${n}.description`, text: 'What will be done' })}
            ${input({ id: `action-due-${n}`, name: 'actionDue', path: `actions.${n}.dueDate`, type: 'date', text: 'By when (optional)', width: 10 })}
          </fieldset>`)}
        ${button('Submit report')}
      </form>`);
  }
  if (visit.report && (s === 'REPORTED' || s === 'FOLLOWED_UP')) {
    forms.push(html`
      <h2 class="govuk-heading-l">Actions</h2>
      ${visit.report.actions.map((a) => html`
        <form method="post" data-action-id="${a.id}" class="govuk-!-margin-bottom-6" novalidate>
          ${select({ id: `status-${a.id}`, name: 'status', path: 'status', text: html`${a.description}${a.dueDate ? html` <span class="govuk-hint">(due ${civilDate(a.dueDate)})</span>` : ''}`,
            value: a.status, options: E.ACTION_STATUSES.map((x) => [x, label(x)]) })}
          ${button(html`Update status<span class="govuk-visually-hidden"> of ${a.description}</span>`, { secondary: true })}
        </form>`)}`);
  }
  if (s === 'REPORTED') {
    forms.push(html`
      <form method="post" id="impact" novalidate>
        <h2 class="govuk-heading-l">Impact review</h2>
        ${textarea({ id: 'impactSummary', name: 'impactSummary', path: 'summary', text: 'What has changed since the report?', hint: visit.impactReviewDue ? `Due ${civilDate(visit.impactReviewDue)}` : '' })}
        ${button('Record impact review')}
      </form>`);
  }
  return {
    title: `Visit to ${visit.host.name}`,
    body: html`
      ${backLink(`/ile/clusters/${cluster.id}`, `Back to ${cluster.name}`)}
      <span class="govuk-caption-l">${cluster.name}, ${cluster.academicYear}</span>
      <h1 class="govuk-heading-xl">Visit to ${visit.host.name}</h1>
      ${summaryList([
        ['Status', tag(s)],
        ['Date', html`<span id="visit-date">${civilDate(visit.date)}</span>`],
        ['Reviewers', visit.reviewers.length ? visit.reviewers.map((r) => `${r.name} (${r.school.name})`).join(', ') : 'None yet'],
        ['Focus areas', visit.focusAreas.length ? visit.focusAreas.map(label).join(', ') : 'None yet'],
        ['Self-evaluation', visit.selfEvaluationSubmittedAt ? `Submitted ${dateTime(visit.selfEvaluationSubmittedAt)}` : visit.selfEvaluationDue ? `Due ${civilDate(visit.selfEvaluationDue)}` : 'Due once a date is set'],
        ...(visit.date ? [['Calendar', html`<a class="govuk-link" href="/calendar/visits/${visit.id}.ics" download>Add the visit to your calendar</a>`]] : []),
        ['Funded release', `${visit.releaseDays} ${visit.releaseDays === 1 ? 'day' : 'days'}`],
        ...(visit.report ? [['Strengths', visit.report.strengths], ['Areas for development', visit.report.areasForDevelopment]] : []),
      ])}
      ${forms}`,
    bind(page) {
      const send = async (form, mutation, field, input, flash) => {
        const data = await gql(`mutation Visit($input: ${mutation.input}!) { result: ${field}(input: $input) { ${mutation.select} ${ERROR_FIELDS} } }`, { input });
        if (data.result.errors.length) { showErrors(page, form, errorsOn(form, data.result.errors)); return; }
        reload(flash);
      };
      const visitResult = { select: 'visit { id status }' };
      const checked = (form, name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((b) => b.value);
      page.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        if (form.id === 'schedule') {
          if (!form.date.value) { showErrors(page, form, [{ field: form.date, message: 'Enter the date of the visit' }]); return; }
          await send(form, { ...visitResult, input: 'ScheduleVisitInput' }, 'scheduleVisit',
            { visitId: visit.id, date: form.date.value, reviewerStaffIds: checked(form, 'reviewerStaffIds'), focusAreas: checked(form, 'focusAreas') },
            `The visit is confirmed for ${civilDate(form.date.value)}.`);
        } else if (form.id === 'self-evaluation') {
          if (!form.summary.value.trim()) { showErrors(page, form, [{ field: form.summary, message: 'Enter a summary of the self-evaluation' }]); return; }
          await send(form, { ...visitResult, input: 'SubmitSelfEvaluationInput' }, 'submitSelfEvaluation',
            { visitId: visit.id, summary: form.summary.value, focusAreas: checked(form, 'seFocusAreas') }, 'The self-evaluation is submitted.');
        } else if (form.id === 'complete') {
          await send(form, { ...visitResult, input: 'CompleteVisitInput' }, 'completeVisit', { visitId: visit.id }, 'The visit is recorded as held.');
        } else if (form.id === 'report') {
          const descriptions = [...form.querySelectorAll('[name=actionDescription]')].map((i) => i.value.trim());
          const dues = [...form.querySelectorAll('[name=actionDue]')].map((i) => i.value || null);
          const actions = descriptions.map((description, n) => ({ description, dueDate: dues[n] })).filter((a) => a.description);
          const missing = [['strengths', 'Enter the strengths'], ['areasForDevelopment', 'Enter the areas for development']]
            .filter(([n]) => !form[n].value.trim()).map(([n, message]) => ({ field: form[n], message }));
          if (!actions.length) missing.push({ field: form.querySelector('#action-0'), message: 'Enter at least one action' });
          if (missing.length) { showErrors(page, form, missing); return; }
          await send(form, { ...visitResult, input: 'SubmitReviewReportInput' }, 'submitReviewReport',
            { visitId: visit.id, strengths: form.strengths.value, areasForDevelopment: form.areasForDevelopment.value, actions }, 'The report and action plan are saved.');
        } else if (form.dataset.actionId) {
          await send(form, { select: 'action { id status }', input: 'UpdateReviewActionInput' }, 'updateReviewAction',
            { actionId: form.dataset.actionId, status: form.status.value }, 'The action’s status is updated.');
        } else if (form.id === 'impact') {
          if (!form.impactSummary.value.trim()) { showErrors(page, form, [{ field: form.impactSummary, message: 'Enter what has changed' }]); return; }
          await send(form, { ...visitResult, input: 'SubmitImpactReviewInput' }, 'submitImpactReview',
            { visitId: visit.id, summary: form.impactSummary.value }, 'The impact review is recorded.');
        }
      });
    },
  };
}
