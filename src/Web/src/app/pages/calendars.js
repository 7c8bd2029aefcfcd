// Calendar feeds: create one for what concerns me, copy its https link, subscribe with
// webcal, revoke it.
import { gql } from '../api.js';
import { html } from '../html.js';
import { button, choices, fieldFor, select, showErrors, table } from '../components.js';
import { date, label } from '../format.js';
import { reload } from '../main.js';

const ERROR_FIELDS = 'errors { code message path }';

const FEEDS = `query Feeds { me { id roles school { urn name peerReviewCluster { id name } }
  leader { id name clusters { id name academicYear } }
  calendarFeeds { id scope url webcalUrl createdAt revoked } } }`;

const SCOPE_TEXT = {
  STAFF: 'My own bookings',
  SCHOOL: 'My school’s courses and visits',
  CLUSTER: 'A peer-review cluster’s visits and meetings',
  LEADER: 'My visits as an Inclusion Leader',
};

export async function calendarsPage() {
  const { me } = await gql(FEEDS);
  const scopes = [];
  if (me.roles.includes('STAFF')) scopes.push(['STAFF', SCOPE_TEXT.STAFF]);
  if (me.school) scopes.push(['SCHOOL', SCOPE_TEXT.SCHOOL, me.school.name]);
  const clusters = [...(me.leader?.clusters ?? []), ...(me.school?.peerReviewCluster ? [me.school.peerReviewCluster] : [])];
  if (clusters.length) scopes.push(['CLUSTER', SCOPE_TEXT.CLUSTER]);
  if (me.leader) scopes.push(['LEADER', SCOPE_TEXT.LEADER]);
  const live = me.calendarFeeds.filter((f) => !f.revoked);
  return {
    title: 'Calendars',
    body: html`
      <h1 class="govuk-heading-xl">Calendars</h1>
      <p class="govuk-body">Subscribe to a feed in your calendar app (Outlook, Google Calendar, Apple Calendar) and it stays up to date by itself.</p>
      <p class="govuk-body">Anyone who has a feed’s link can read it. Revoke a link you no longer use, or one you shared by mistake.</p>
      <p class="govuk-visually-hidden" role="status" id="copy-status"></p>
      ${live.length ? table({ caption: 'Your feeds', id: 'feeds', heads: ['Feed', 'Created', 'Link', 'Actions'],
        rows: live.map((f) => [label(f.scope), date(f.createdAt),
          html`<code class="app-feed-url" id="feed-url-${f.id}">${f.url}</code>`,
          html`<div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" data-copy="${f.url}" data-module="govuk-button">Copy link<span class="govuk-visually-hidden"> to the ${label(f.scope)} feed</span></button>
            <a class="govuk-link" href="${f.webcalUrl}">Subscribe<span class="govuk-visually-hidden"> to the ${label(f.scope)} feed</span></a>
            <form method="post" data-revoke="${f.id}">${button(html`Revoke<span class="govuk-visually-hidden"> the ${label(f.scope)} feed</span>`, { warning: true })}</form>
          </div>`]) }) : html`<p class="govuk-body">You have no calendar feeds yet.</p>`}
      ${scopes.length ? html`
        <form method="post" id="create-feed" novalidate>
          <h2 class="govuk-heading-l">Create a feed</h2>
          ${choices({ kind: 'radios', id: 'scope', legend: 'What should the feed show?', items: scopes, values: [scopes[0][0]] })}
          ${clusters.length ? select({ id: 'clusterId', path: 'subjectId', text: 'Cluster (for a cluster feed)', options: clusters.map((c) => [c.id, c.academicYear ? `${c.name}, ${c.academicYear}` : c.name]) }) : ''}
          ${button('Create feed')}
        </form>` : ''}`,
    bind(page) {
      page.addEventListener('click', async (event) => {
        const copy = event.target.closest('[data-copy]');
        if (!copy) return;
        const status = page.querySelector('#copy-status');
        try {
          await navigator.clipboard.writeText(copy.dataset.copy);
          status.textContent = 'Link copied.';
        } catch (e) {
          // Without clipboard permission, select the link so the person can copy it themselves.
          const code = copy.closest('tr').querySelector('code');
          window.getSelection().selectAllChildren(code);
          status.textContent = `Copy the selected link with your keyboard or menu (${e.name}).`;
        }
      });
      page.addEventListener('submit', async (event) => {
        event.preventDefault();
        const form = event.target;
        if (form.dataset.revoke) {
          const { revokeCalendarFeed: r } = await gql(`mutation Revoke($input: RevokeCalendarFeedInput!) { revokeCalendarFeed(input: $input) { feed { id revoked } ${ERROR_FIELDS} } }`,
            { input: { feedId: form.dataset.revoke } });
          if (r.errors.length) { showErrors(page, form, r.errors.map((e) => ({ field: null, message: e.message }))); return; }
          reload('The feed is revoked. Its link no longer works.');
          return;
        }
        const scope = form.querySelector('input[name=scope]:checked').value;
        const subjectId = { STAFF: null, SCHOOL: me.school?.urn, LEADER: me.leader?.id, CLUSTER: form.clusterId?.value }[scope] ?? null;
        const { createCalendarFeed: r } = await gql(`mutation CreateFeed($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { feed { id url } ${ERROR_FIELDS} } }`,
          { input: { scope, subjectId } });
        if (r.errors.length) { showErrors(page, form, r.errors.map((e) => ({ field: fieldFor(form, e.path), message: e.message }))); return; }
        reload('The feed is created. Copy its link into your calendar app, or subscribe.');
      });
    },
  };
}

