// Every journey of the web front end, end to end in Chromium against the real Silo.
// Each calls check(<page name>) on every page it reaches: axe-core must find nothing,
// and a screenshot named after the page is saved.
import assert from 'node:assert/strict';
import { schoolFiguresJourneys } from './journeys/schoolfigures.mjs';
import { providerJourneys } from './journeys/provider.mjs';
import { peerReviewJourneys } from './journeys/peerReview.mjs';
import { staffJourneys } from './journeys/staff.mjs';
import { networkJourneys } from './journeys/networks.mjs';
import { schoolImportJourneys } from './journeys/schoolImport.mjs';
import { uptakeJourneys } from './journeys/uptake.mjs';
import { notificationJourneys } from './journeys/notifications.mjs';
import { termDatesJourneys } from './journeys/termDates.mjs';

const PASSWORD = 'demo-password-for-tests';

/** Waits until the app has drawn the page (it marks main data-ready when done). */
async function ready(page) {
  await page.waitForSelector('#main-content[data-ready]:not([aria-busy])');
}

async function go(page, path) {
  await page.goto(path);
  await ready(page);
}

async function heading(page) {
  return (await page.locator('main h1').first().textContent()).trim();
}

export async function signIn(page, email) {
  await go(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await ready(page);
  await page.getByRole('button', { name: /Sign out/ }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('button', { name: /Sign out/ }).click();
  await page.getByText('You have signed out.').waitFor();
  await ready(page);
}

/** Sign-in errors follow the GOV.UK error summary pattern, by keyboard; then sign in and out. */
async function signInJourney({ page, check }, { javaScript }) {
  const name = (n) => (javaScript ? n : `${n}-no-js`);
  await go(page, '/sign-in');
  assert.equal(await heading(page), 'Sign in');
  await check(name('sign-in'));

  await page.getByLabel('Email address').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('a').allTextContents(), ['Enter your email address', 'Enter your password']);
  assert.match(await page.title(), /^Error: Sign in/);
  if (javaScript) {
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true, 'focus moves to the error summary');
  }
  await check(name('sign-in-errors'));
  await summary.getByRole('link', { name: 'Enter your email address' }).click();
  if (javaScript) {
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email', 'the error link moves focus to the field');
  }
  assert.equal(await page.getByLabel('Email address').getAttribute('aria-describedby'), 'email-error', 'the field is described by its message');

  await page.getByLabel('Email address').fill('admin@demo.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.govuk-error-summary a', { hasText: 'not right' }).waitFor();
  assert.equal(await page.getByLabel('Email address').inputValue(), 'admin@demo.test', 'the email address is kept');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is never sent back');
  assert.equal(await page.locator('#email').getAttribute('class'), 'govuk-input govuk-input--width-20 govuk-input--error');

  await signIn(page, 'admin@demo.test');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'inclusion_session');
  assert.ok(cookie?.httpOnly && cookie.secure && cookie.sameSite === 'Lax', 'a Secure, HttpOnly, SameSite=Lax session cookie');
  await signOut(page);
  await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
  assert.equal((await page.context().cookies()).some((c) => c.name === 'inclusion_session'), false);
}

/** Free text and filters, kept in the address: reloading the shared address shows the same search. */
async function directoryJourney({ page, check }, { javaScript }) {
  const name = (n) => (javaScript ? n : `${n}-no-js`);
  await go(page, '/');
  assert.equal(await heading(page), 'Directory of support');
  const count = async () => Number((await page.locator('#result-count strong').textContent()).trim());
  const all = await count();
  assert.ok(all > 0, 'the demo directory lists courses');
  await check(name('directory'));

  await page.getByLabel('Search courses and resources').fill('inclusion');
  await page.getByRole('group', { name: 'Phase' }).getByLabel('Primary').check();
  await page.getByLabel('Strand').selectOption('SCHOOL_TO_SCHOOL_SYSTEM');
  await page.getByRole('button', { name: 'Apply filters' }).first().press('Enter');
  await page.waitForURL(/search=inclusion/);
  await ready(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('strand'), 'SCHOOL_TO_SCHOOL_SYSTEM');
  assert.deepEqual(url.searchParams.getAll('phases'), ['PRIMARY']);
  const filtered = await count();
  assert.ok(filtered > 0 && filtered <= all, `the filters narrow the results (${filtered} of ${all})`);
  const first = page.locator('#results > li').first();
  assert.match(await first.locator('[data-next-date]').textContent(), /\d{4}|No dates yet/);
  assert.ok((await first.textContent()).includes('District'));
  assert.ok((await first.textContent()).includes('Places left'));
  await check(name('directory-filtered'));

  // The address is the search: opening it afresh shows the same filters and results.
  await page.goto(url.pathname + url.search);
  await ready(page);
  assert.equal(await page.getByLabel('Search courses and resources').inputValue(), 'inclusion');
  assert.equal(await page.getByRole('group', { name: 'Phase' }).getByLabel('Primary').isChecked(), true);
  assert.equal(await count(), filtered);

  for (const [group, option] of [['Who it is for', 'SENCO'], ['Area of need', 'Whole school'], ['Inclusion framework theme', 'Progress in education'],
    ['How it is delivered', 'In person'], ['Places and funding', 'Core offer only'], ['Places and funding', 'Only with places free']]) {
    await page.getByRole('group', { name: group }).getByLabel(option, { exact: true }).check();
  }
  await page.getByLabel('Prior knowledge').selectOption('INTERMEDIATE');
  await page.getByLabel('District').selectOption({ index: 1 });
  await page.getByLabel('Starting from').fill('2020-01-01');
  await page.getByLabel('Starting by').fill('2040-12-31');
  await page.getByRole('button', { name: 'Apply filters' }).last().click();
  await page.waitForURL(/withPlacesOnly=true/);
  await ready(page);
  const every = new URL(page.url()).searchParams;
  for (const key of ['search', 'strand', 'audiences', 'needTypes', 'frameworkAreas', 'phases', 'priorKnowledge', 'deliveryModes', 'coreOfferOnly', 'withPlacesOnly', 'from', 'to', 'district']) {
    assert.ok(every.has(key), `the address keeps the ${key} filter`);
  }
  await check(name('directory-every-filter'));

  await go(page, '/?search=inclusion');
  await page.locator('#results a').first().click();
  await page.waitForURL(/\/courses\//);
  await ready(page);
  assert.ok((await page.locator('main h2', { hasText: 'Dates' }).count()) === 1);
  await check(name('course'));
  }

/** Adds an unavailable date (a refused one first), then removes it, on a leader's page. */
async function leaderDates(page, check, params) {
  await page.getByLabel('Add an unavailable date').fill('2027-02-31');
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.locator('.govuk-error-summary a[href="#date"]').waitFor();
  assert.equal(await page.getByLabel('Add an unavailable date').inputValue(), '2027-02-31', 'the value is kept');
  await page.getByLabel('Add an unavailable date').fill(params.date);
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.getByText(`${params.dateText} has been added to the unavailable dates.`).waitFor();
  const dates = page.locator('#unavailable-dates');
  assert.match(await dates.textContent(), new RegExp(params.dateText));
  await dates.getByRole('button', { name: `Remove ${params.dateText}` }).click();
  await page.getByText(`${params.dateText} has been removed from the unavailable dates.`).waitFor();
  assert.equal(await page.locator('#unavailable-dates li', { hasText: params.dateText }).count(), 0);
}

export const journeys = {
  ...schoolFiguresJourneys,
  ...peerReviewJourneys,
  ...staffJourneys,
  ...networkJourneys,
  ...schoolImportJourneys,

  /** Sign-in errors follow the GOV.UK error summary pattern, by keyboard; then sign in and out. */
  signIn: (browser) => signInJourney(browser, { javaScript: true }),

  /** The same with JavaScript turned off: the form posts to the page and the page answers. */
  signInWithoutJavaScript: (browser) => signInJourney(browser, { javaScript: false }),

  /** Only the session's owner can use it: after signing out, the old cookie no longer signs anyone in. */
  async signOutEndsTheSession({ page, context, check }) {
    await signIn(page, 'admin@demo.test');
    const cookie = (await context.cookies()).find((c) => c.name === 'inclusion_session');
    await signOut(page);
    await context.addCookies([cookie]);
    await go(page, '/');
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Sign out/ }).count(), 0, 'a revoked session reads as signed out');
    await check('directory-after-revoked-session');
  },

  /** The sign-out form refuses a post without the page's antiforgery token. */
  async signOutNeedsTheFormToken({ page, check }) {
    await signIn(page, 'admin@demo.test');
    const response = await page.request.post('/sign-out', { form: {}, headers: { Origin: new URL(page.url()).origin } });
    assert.equal(response.status(), 400, 'a post without the token is refused');
    await go(page, '/');
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    await check('directory-still-signed-in');
  },

  /** An invitation's page says who invited them; a refused password is shown on the field; accepting signs in. */
  async invitation({ page, check, params }) {
    await go(page, `/invitations/${params.token}`);
    assert.equal(await heading(page), 'Accept your invitation');
    assert.match(await page.locator('#invited-by').textContent(), /has invited you, Rowan Invited/);
    await check('invitation');

    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.locator('.govuk-error-summary a', { hasText: 'Enter a password' }).waitFor();
    await page.getByLabel('Create a password').fill('short');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.locator('.govuk-error-summary a[href="#password"]').waitFor();
    assert.equal(await page.locator('#password-error').count(), 1, 'the refusal is shown on the password field');
    await check('invitation-refused-password');

    await page.getByLabel('Create a password').fill('four unrelated words make a password');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.getByText('Your account is ready and you are signed in.').waitFor();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    await check('invitation-accepted');
    await signOut(page);

    await go(page, `/invitations/${params.token}`);
    assert.equal(await heading(page), 'This invitation link does not work', 'the link is single use');

    await go(page, '/sign-in');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.waitForURL(/\/forgotten-password$/);
    await check('forgotten-password');
    await page.getByLabel('Email address').fill(params.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account uses that email address').waitFor();
    await check('forgotten-password-sent');

    await go(page, '/reset-password/not-a-real-token');
    await page.getByLabel('New password').fill('four other unrelated words here');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.locator('.govuk-error-summary a[href="#password"]').waitFor();
    await check('reset-password-refused');
  },

  /** Admins: accounts (search, change, deactivate and reactivate), an invitation that the mail server refuses shown FAILED in the outbox and withdrawn, and a leader's capacity and unavailable dates. */
  async administration({ page, check, params }) {
    const nav = page.locator('#navigation');
    await signIn(page, 'admin@demo.test');
    for (const text of ['Accounts', 'Leaders', 'Outbox', 'Access tokens']) {
      assert.equal(await nav.getByRole('link', { name: text, exact: true }).count(), 1, `admins have ${text} in the navigation`);
    }
    await nav.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.waitForURL(/\/admin\/accounts$/);
    await ready(page);
    assert.equal(await heading(page), 'Accounts');
    assert.ok((await page.title()).startsWith('Accounts – InclusionNetwork – '), 'the title is "Page – Service – Council"');
    await check('admin-accounts');

    await page.getByLabel('Name or email address').fill(params.accountEmail);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/search=/);
    await ready(page);
    assert.equal(await page.locator('#account-count strong').textContent(), '1');
    await page.locator('#accounts tbody a').first().click();
    await page.waitForURL(/\/admin\/accounts\/\d+$/);
    await ready(page);
    await check('admin-account');

    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-error-summary a[href="#name"]').waitFor();
    assert.match(await page.title(), /^Error: /);
    assert.equal(await page.locator('#name-error').count(), 1, 'the problem is shown on the name field');
    await check('admin-account-error');
    await page.getByLabel('Name', { exact: true }).fill(params.newName);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The account has been changed.').waitFor();
    assert.equal(await heading(page), params.newName);
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText('The account has been deactivated.').waitFor();
    assert.equal((await page.locator('#account-status').textContent()).trim(), 'Deactivated');
    await page.getByRole('button', { name: 'Reactivate account' }).click();
    await page.getByText('The account has been reactivated.').waitFor();
    assert.equal((await page.locator('#account-status').textContent()).trim(), 'Active');

    // Designated an Inclusion Leader of Education, then retired: it leads no new cluster.
    await page.getByLabel('Most clusters a year').fill('2');
    await page.getByRole('button', { name: 'Make inclusion leader' }).click();
    await page.waitForURL(/\/leaders\/\d+$/);
    await page.getByText('The account is now an Inclusion Leader of Education.').waitFor();
    assert.equal((await page.locator('#leader-capacity').textContent()).trim(), '2');
    await page.getByRole('button', { name: 'Retire leader' }).click();
    await page.getByText('The leader has been retired.').waitFor();
    assert.equal((await page.locator('#leader-status').textContent()).trim(), 'Retired');
    await check('leader-retired');

    await go(page, '/invitations/new');
    await check('invite');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('.govuk-error-summary a[href="#roles"]').waitFor();
    await check('invite-errors');
    await page.getByLabel('Full name').fill('Sam Unreachable');
    await page.getByLabel('Email address').fill(params.refusedEmail);
    await page.getByLabel('Commissioner', { exact: true }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation has been sent to ${params.refusedEmail}.`).waitFor();
    const invitation = page.locator('#invitation-list tbody tr', { hasText: params.refusedEmail });
    assert.equal(await invitation.count(), 1);
    await check('invitations');

    // The test's mail server refuses that address: after its last try the message is FAILED, with the reason.
    await nav.getByRole('link', { name: 'Outbox', exact: true }).click();
    await page.waitForURL(/\/admin\/outbox$/);
    await ready(page);
    await check('outbox');
    const failed = page.locator('#outbox tbody tr', { hasText: params.refusedEmail });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await go(page, '/admin/outbox?status=FAILED');
      if (await failed.count()) break;
      assert.ok(Date.now() < deadline, 'the refused invitation is shown FAILED within 30 seconds');
      await page.waitForTimeout(250);
    }
    assert.match(await failed.textContent(), /Failed/);
    assert.match(await failed.textContent(), /Mailbox unavailable/);
    await check('outbox-failed');

    await go(page, '/invitations');
    await invitation.getByRole('button', { name: /Withdraw/ }).click();
    await page.getByText(`The invitation to ${params.refusedEmail} has been withdrawn.`).waitFor();
    assert.equal(await invitation.count(), 0, 'a withdrawn invitation leaves the list');

    await nav.getByRole('link', { name: 'Leaders', exact: true }).click();
    await page.waitForURL(/\/admin\/leaders$/);
    await ready(page);
    await check('admin-leaders');
    await page.locator('#leaders tbody a', { hasText: params.leaderName }).click();
    await page.waitForURL(/\/leaders\/\d+$/);
    await ready(page);
    await check('leader');
    await page.getByLabel('Most clusters a year').fill('7');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText("The leader's home school and capacity have been changed.").waitFor();
    assert.equal((await page.locator('#leader-capacity').textContent()).trim(), '7');
    await leaderDates(page, check, params);
  },

  /** A leader keeps their own unavailable dates, reached from the navigation; they cannot reach the admin pages. */
  async leaderOwnDatesWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.leaderEmail);
    await page.locator('#navigation').getByRole('link', { name: 'Unavailable dates', exact: true }).click();
    await page.waitForURL(/\/leaders\/\d+$/);
    await ready(page);
    assert.equal(await page.getByRole('button', { name: 'Retire leader' }).count(), 0, 'only admins retire leaders');
    await check('leader-own-no-js');
    await leaderDates(page, check, params);
    const refused = await page.goto('/admin/leaders');
    assert.equal(refused.status(), 403);
    assert.equal(await heading(page), 'You cannot use this page');
    await check('not-allowed-no-js');
  },

  /** A school's booker invites a member of their own staff, linked to their staff record, and withdraws it, with JavaScript off. */
  async bookerInvitesWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.booker);
    await page.locator('#navigation').getByRole('link', { name: 'Invitations', exact: true }).click();
    await page.waitForURL(/\/invitations$/);
    await ready(page);
    await check('booker-invitations-no-js');
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.waitForURL(/\/invitations\/new$/);
    await ready(page);
    assert.deepEqual(await page.locator('input[name=roles]').evaluateAll((boxes) => boxes.map((b) => b.value)), ['STAFF', 'SCHOOL_BOOKER'],
      'a booker invites to their school-bound roles only');
    await check('booker-invite-no-js');
    await page.getByLabel('Full name').fill(params.staffName);
    await page.getByLabel('Email address').fill(params.email);
    await page.getByLabel('Staff', { exact: true }).check();
    await page.getByLabel('Member of staff').selectOption({ label: params.staffName });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation has been sent to ${params.email}.`).waitFor();
    const invitation = page.locator('#invitation-list tbody tr', { hasText: params.email });
    assert.match(await invitation.textContent(), /Staff/);
    await invitation.getByRole('button', { name: /Withdraw/ }).click();
    await page.getByText(`The invitation to ${params.email} has been withdrawn.`).waitFor();
    await check('booker-invitation-withdrawn-no-js');
  },

  /** Everyone's own access tokens with JavaScript off: the password is asked again, the secret is shown once and works, revoking stops it. */
  async tokensWithoutJavaScript({ page, check, baseUrl }) {
    const asToken = (secret) => fetch(`${baseUrl}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: '{ me { email } }' }),
    });
    await signIn(page, 'commissioner@demo.test');
    await page.locator('#navigation').getByRole('link', { name: 'Access tokens', exact: true }).click();
    await page.waitForURL(/\/account\/tokens$/);
    await ready(page);
    await check('tokens-no-js');
    await page.getByLabel('Name', { exact: true }).fill('Termly uptake report');
    await page.getByLabel('Days until it expires').fill('7');
    await page.getByLabel('Your password').fill('not my password at all');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.locator('.govuk-error-summary a[href="#password"]').waitFor();
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Termly uptake report', 'values are kept');
    assert.equal(await page.getByLabel('Your password').inputValue(), '', 'never the password');
    await check('tokens-wrong-password-no-js');
    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('#token-secret').textContent()).trim();
    assert.match(secret, /^inc_/);
    await check('tokens-created-no-js');
    const works = await asToken(secret);
    assert.equal(works.status, 200);
    assert.equal((await works.json()).data.me.email, 'commissioner@demo.test');
    await go(page, '/account/tokens');
    assert.equal(await page.locator('#token-secret').count(), 0, 'the secret is shown once');
    const row = page.locator('#token-list tbody tr', { hasText: 'Termly uptake report' });
    assert.match(await row.textContent(), /Never|\d{4}/);
    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.getByText('The token has been revoked.').waitFor();
    assert.equal(await row.count(), 0);
    assert.equal((await asToken(secret)).status, 401, 'a revoked token is refused at once');
  },

  /** End to end, first half: an admin invites a new school booker from the page. */
  async adminInvitesBooker({ page, params }) {
    await signIn(page, 'admin@demo.test');
    await go(page, '/invitations/new');
    await page.getByLabel('Full name').fill(params.name);
    await page.getByLabel('Email address').fill(params.email);
    await page.getByLabel('School booker', { exact: true }).check();
    await page.getByLabel('School URN').fill(params.schoolUrn);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation has been sent to ${params.email}.`).waitFor();
  },

  /** End to end, second half: the new person opens the emailed link, chooses a password, is signed in and books a place. */
  async acceptInvitationAndBook({ page, check, params }) {
    await go(page, `/invitations/${params.token}`);
    assert.match(await page.locator('#invited-by').textContent(), new RegExp(`has invited you, ${params.name}`));
    await check('invitation-for-booker');
    await page.getByLabel('Create a password').fill('a brand new booker picks four words');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.getByText('Your account is ready and you are signed in.').waitFor();
    await page.getByRole('button', { name: `Sign out (${params.name})` }).waitFor();
    await go(page, `/courses/${params.courseId}`);
    await check('course-for-new-booker');
    await page.locator(`a[href="/runs/${params.runId}/book"]`).click();
    await page.waitForURL(/\/book$/);
    await ready(page);
    await check('book-for-new-booker');
    await page.getByLabel(params.person, { exact: true }).check();
    await page.getByRole('button', { name: 'Book places' }).click();
    const outcomes = page.locator('#outcomes');
    await outcomes.waitFor();
    assert.match(await outcomes.locator('tbody tr', { hasText: params.person }).textContent(), /Confirmed/);
    await check('new-booker-booked');
  },

  /** An unknown address gets a GOV.UK "Page not found" page with a real 404, never a 200. */
  async notFound({ page, check }) {
    const response = await page.goto('/no-such-page');
    await ready(page);
    assert.equal(response.status(), 404);
    assert.equal(await heading(page), 'Page not found');
    assert.match(await page.title(), /^Page not found – InclusionNetwork – /);
    await check('page-not-found');
  },

  /** The GraphQL explorer loads under the strict CSP and can run a query. */
  async explorer({ page, check }) {
    await page.goto('/graphql/ui');
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ areas { name } }');
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.result-window', { hasText: '"areas"' }).waitFor();
    await check('graphql-explorer');
  },

  /** Free text and filters, kept in the address: reloading the shared address shows the same search. */
  directory: (browser) => directoryJourney(browser, { javaScript: true }),

  /** The same search with JavaScript turned off: a plain GET form. */
  directoryWithoutJavaScript: (browser) => directoryJourney(browser, { javaScript: false }),

  /** A course page offers booking to school bookers only, and registers to providers and admins only. */
  async courseByRole({ page, check, params }) {
    const book = page.locator(`a[href="/runs/${params.runId}/book"]`);
    const register = page.locator(`a[href="/runs/${params.runId}/register"]`);
    await go(page, `/courses/${params.courseId}`);
    assert.equal(await heading(page), params.courseTitle);
    assert.ok((await page.title()).startsWith(`${params.courseTitle} – InclusionNetwork – `), 'the title is "Page – Service – Council"');
    assert.equal(await book.count(), 0, 'no booking for a visitor');
    assert.equal(await register.count(), 0, 'no register for a visitor');
    await check('course-for-visitor');
    await signIn(page, 'provider@demo.test');
    await go(page, `/courses/${params.courseId}`);
    assert.equal(await book.count(), 0, 'no booking for a provider');
    assert.equal(await register.count(), 1, 'the provider reaches the register');
    await check('course-for-provider');
    await signOut(page);
    await signIn(page, params.booker);
    await go(page, `/courses/${params.courseId}`);
    assert.equal(await book.count(), 1, 'the school booker can book');
    assert.equal(await register.count(), 0, 'no register for a school booker');
    await check('course-for-booker');

    const missing = await page.goto('/courses/999999999');
    assert.equal(missing.status(), 404);
    assert.equal(await heading(page), 'Course not found');
    await check('course-not-found');
  },

  /** A search link with values the contract does not know still shows a page, with the problem named. */
  async directoryBadAddress({ page, check }) {
    const response = await page.goto('/?strand=NOT_A_STRAND&from=31%2F02%2F2027&phases=NOPE&after=garbage');
    assert.equal(response.status(), 200);
    await ready(page);
    const summary = page.locator('.govuk-error-summary');
    assert.deepEqual(await summary.locator('a').allTextContents(), [
      'Choose a strand from the list', 'Starting from must be a real date, like 2027-03-27', 'That page of results no longer exists. Here is the first page.']);
    assert.equal(await summary.locator('a').first().getAttribute('href'), '#strand');
    assert.equal(await page.getByLabel('Starting from').getAttribute('aria-describedby'), 'from-error');
    assert.match(await page.title(), /^Error: Directory of support/);
    await check('directory-bad-address');
  },

  /** One place left, two people: one confirmed, one on the waiting list; a cancellation offers the place on. */
  async booking({ page, check, params }) {
    const [first, second] = params.people;
    await signIn(page, params.booker);
    await go(page, `/courses/${params.courseId}`);
    await check('course-for-booker');
    await page.locator(`a[href="/runs/${params.runId}/book"]`).click();
    await page.waitForURL(/\/book$/);
    await ready(page);
    assert.equal(await page.locator('#places-left').textContent(), '1');
    await check('book-places');

    await page.getByRole('button', { name: 'Book places' }).click();
    await page.locator('.govuk-error-summary a', { hasText: 'Select at least one member of staff' }).waitFor();
    await check('book-places-error');

    await page.getByLabel(first, { exact: true }).check();
    await page.getByLabel(second, { exact: true }).check();
    await page.getByRole('button', { name: 'Book places' }).click();
    const outcomes = page.locator('#outcomes');
    await outcomes.waitFor();
    const rows = Object.fromEntries(await outcomes.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()])));
    assert.deepEqual(rows, { [first]: 'Confirmed', [second]: 'Waiting list, position 1' });
    await check('booking-outcome');

    await go(page, '/school/bookings');
    const row = (name) => page.locator('#school-bookings tbody tr', { hasText: name }).filter({ hasText: params.courseTitle });
    assert.match(await row(first).textContent(), /Confirmed/);
    assert.match(await row(second).textContent(), /Waiting list, position 1/);
    await check('school-bookings');

    await row(first).getByRole('button', { name: /^Cancel/ }).click();
    await page.getByText('The booking is cancelled.').waitFor();
    await ready(page);
    assert.match(await row(second).textContent(), /Place offered/);
    await check('school-bookings-offered');

    await row(second).getByRole('button', { name: /Accept place/ }).click();
    await page.getByText('The place is accepted').waitFor();
    await ready(page);
    assert.match(await row(second).textContent(), /Confirmed/);

    await go(page, `/courses/${params.courseId}`);
    assert.match(await page.locator(`[data-run-places="${params.runId}"]`).textContent(), /^0 of 1 left/);
  },

  /** A provider takes attendance session by session, and cancels a run. */
  async register({ page, check, params }) {
    await signIn(page, 'provider@demo.test');
    await go(page, '/provider');
    assert.equal(await heading(page), 'Registers');
    await check('registers');

    await go(page, `/runs/${params.pastRunId}/register`);
    const form = page.locator('form[data-session]').first();
    const boxes = form.locator('input[name=present]');
    const total = await boxes.count();
    assert.ok(total >= 1, 'the register lists the confirmed bookings');
    await boxes.first().check();
    for (let i = 1; i < total; i++) await boxes.nth(i).uncheck();
    await check('register');
    await form.getByRole('button', { name: /Save attendance/ }).click();
    await page.getByText(`Attendance saved: 1 of ${total} present.`).waitFor();
    await ready(page);
    assert.equal(await page.locator('form[data-session]').first().locator('input[name=present]').first().isChecked(), true);
    for (let i = 1; i < total; i++) {
      assert.equal(await page.locator('form[data-session]').first().locator('input[name=present]').nth(i).isChecked(), false);
    }
    await check('register-saved');

    await go(page, `/runs/${params.futureRunId}/register`);
    await page.getByLabel('Reason (optional)').fill('The trainer is unwell.');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByText('The run is cancelled.').waitFor();
    await ready(page);
    assert.match(await page.locator('.govuk-summary-list').first().textContent(), /Cancelled/);
    await check('register-cancelled');
  },

  /** A member of staff evaluates a finished course, follows it up, and subscribes to a calendar feed of their bookings. */
  async staff({ page, check, params, context, baseUrl }) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url() === 'about:blank' ? baseUrl : page.url()).origin });
    await signIn(page, params.email);
    await go(page, '/my/bookings');
    assert.equal(await heading(page), 'My bookings');
    await check('my-bookings');

    await go(page, `/my/bookings/${params.bookingId}`);
    await check('my-booking');
    await page.getByRole('button', { name: 'Send evaluation' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.equal(await page.locator('.govuk-error-summary li').count(), 3);
    await check('evaluation-errors');
    await page.getByRole('group', { name: 'How good was the content?' }).getByLabel('Good', { exact: true }).check();
    await page.getByRole('group', { name: 'My knowledge and skills improved' }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('group', { name: /My confidence/ }).getByLabel('Strongly agree', { exact: true }).check();
    await page.getByLabel('Comments (optional)').fill('Practical and well paced.');
    await page.getByRole('button', { name: 'Send evaluation' }).click();
    await page.getByText('Your evaluation is sent.').waitFor();
    await ready(page);
    await page.getByRole('group', { name: /put what you learnt into practice/ }).getByLabel('Partly', { exact: true }).check();
    await page.getByRole('button', { name: 'Send follow-up' }).click();
    await page.getByText('Your follow-up is sent.').waitFor();
    await ready(page);
    assert.match(await page.locator('main').textContent(), /Practical and well paced\./);
    await check('my-booking-evaluated');

    const ics = await page.request.get(new URL(await page.locator('#booking-ics').getAttribute('href'), baseUrl).href);
    assert.equal(ics.status(), 200, 'add to calendar downloads the booking as an event');
    assert.match(await ics.text(), /BEGIN:VEVENT/);

    await page.getByRole('link', { name: 'subscribe to all my bookings' }).click();
    await page.waitForURL(/\/calendars$/);
    await ready(page);
    await calendarFeed(page, check, 'My own bookings', baseUrl);
  },

  /** Calendars for a school booker: a school feed, created, fetched, revoked. */
  async calendars({ page, check, params, context, baseUrl }) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await signIn(page, params.email);
    await go(page, '/calendars');
    await calendarFeed(page, check, params.scopeText, baseUrl);
  },

  /** An ILE plans a cycle, sees the proposal, confirms a visit, and works it through to the report's actions. */
  async peerReview({ page, check, params }) {
    await signIn(page, params.email);
    await go(page, '/ile');
    assert.equal(await heading(page), 'My clusters');
    await check('my-clusters');

    await go(page, `/ile/clusters/${params.clusterId}`);
    await check('cluster');
    await page.getByRole('button', { name: /Plan the cycle|Propose new dates/ }).click();
    await page.getByText('The cycle is planned.').waitFor();
    await ready(page);
    const visits = page.locator('#visits tbody tr');
    assert.equal(await visits.count(), params.members, 'one visit per member school');
    assert.ok((await page.locator('#visits tbody tr', { hasText: 'Proposed' }).count()) >= 1, 'the proposal is shown');
    await check('cluster-planned');

    await page.getByRole('link', { name: /Move or confirm/ }).first().click();
    await page.waitForURL(/\/visits\//);
    await ready(page);
    await check('visit-proposed');
    const proposed = await page.getByLabel('Date of the visit').inputValue();
    assert.match(proposed, /^\d{4}-\d{2}-\d{2}$/, 'the planner proposed a date');

    // One reviewer is not enough: the rule's error lands on the reviewers field.
    const reviewers = page.getByRole('group', { name: 'Reviewers' }).locator('input');
    for (const box of await reviewers.all()) await box.uncheck();
    await reviewers.first().check();
    await page.getByRole('button', { name: 'Confirm visit' }).click();
    await page.locator('.govuk-error-summary a', { hasText: 'at least two reviewers' }).waitFor();
    assert.equal(await page.locator('#reviewerStaffIds').evaluate((e) => e.closest('.govuk-form-group').classList.contains('govuk-form-group--error')), true);
    await check('visit-reviewer-error');

    const hints = await page.getByRole('group', { name: 'Reviewers' }).locator('.govuk-checkboxes__hint').allTextContents();
    const other = hints.findIndex((h) => h !== hints[0]);
    await reviewers.nth(other).check();
    await page.getByRole('button', { name: 'Confirm visit' }).click();
    await page.getByText('The visit is confirmed').waitFor();
    await ready(page);
    assert.match(await page.locator('.govuk-summary-list').first().textContent(), /Confirmed/);
    await check('visit-confirmed');

    await page.getByLabel('Summary of the self-evaluation').fill('Strong pastoral systems; transitions into Year 7 need work.');
    await page.getByRole('group', { name: 'Focus areas chosen by the host' }).getByLabel('Transitions and independence').check();
    await page.getByRole('button', { name: 'Submit self-evaluation' }).click();
    await page.getByText('The self-evaluation is submitted.').waitFor();
    await ready(page);
    await check('visit-self-evaluation');

    // Last year's reported visit: move an action on, then record the impact review.
    await go(page, `/ile/clusters/${params.reportedClusterId}/visits/${params.reportedVisitId}`);
    await check('visit-reported');
    const actionId = await page.locator('form[data-action-id]').filter({ has: page.locator('select option[value=NOT_STARTED]:checked') }).first()
      .getAttribute('data-action-id');
    const action = page.locator(`form[data-action-id="${actionId}"]`);
    await action.locator('select').selectOption('IN_PROGRESS');
    await action.getByRole('button', { name: /Update status/ }).click();
    await page.getByText('The action’s status is updated.').waitFor();
    await ready(page);
    assert.equal(await action.locator('select').inputValue(), 'IN_PROGRESS');
    await page.getByLabel('What has changed since the report?').fill('Transition plans now start in Year 5; attendance of pupils with SEND is up.');
    await page.getByRole('button', { name: 'Record impact review' }).click();
    await page.getByText('The impact review is recorded.').waitFor();
    await ready(page);
    assert.match(await page.locator('.govuk-summary-list').first().textContent(), /Followed up/);
    await check('visit-followed-up');
  },

  ...providerJourneys,
  ...uptakeJourneys,
  ...notificationJourneys,
  ...termDatesJourneys,
};

/** Creates a feed of the given kind, copies its link, fetches the feed, then revokes it. */
async function calendarFeed(page, check, scopeText, baseUrl) {
  assert.equal(await heading(page), 'Calendars');
  await check('calendars');
  await page.getByLabel(scopeText).check();
  await page.getByRole('button', { name: 'Create feed' }).click();
  await page.getByText('The feed is created.').waitFor();
  await ready(page);
  const row = page.locator('#feeds tbody tr').last();
  const url = (await row.locator('code').textContent()).trim();
  assert.match(url, /^https?:\/\/.+\/calendar\/.+\.ics$/);
  assert.match(await row.getByRole('link', { name: /Subscribe/ }).getAttribute('href'), /^webcal:\/\//);
  await row.getByRole('button', { name: /Copy link/ }).click();
  await page.getByText('Link copied.').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await check('calendars-feed');

  // The link names the public address; fetch the same path from the Silo under test.
  const feedPath = new URL(url).pathname;
  const feed = await page.request.get(new URL(feedPath, baseUrl).href);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR/);

  await row.getByRole('button', { name: /Revoke/ }).click();
  await page.getByText('The feed is revoked.').waitFor();
  await ready(page);
  assert.equal((await page.request.get(new URL(feedPath, baseUrl).href)).status(), 404, 'a revoked link no longer works');
}
