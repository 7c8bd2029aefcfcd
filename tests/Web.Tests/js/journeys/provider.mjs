// Providers' journeys: publishing a run, the delegate list, and each one's limits for other
// roles; and the booking and register journeys again with JavaScript turned off.
import assert from 'node:assert/strict';
import { journeys, signIn, signOut } from '../journeys.mjs';

async function ready(page) {
  await page.waitForSelector('#main-content[data-ready]:not([aria-busy])');
}

async function go(page, path) {
  const response = await page.goto(path);
  await ready(page);
  return response;
}

/** The same journey with JavaScript off, its screenshots named apart. */
const withoutJavaScript = (name) => (browser) => journeys[name]({ ...browser, check: (page) => browser.check(`${page}-no-js`) });

export const providerJourneys = {
  /** A provider publishes a run of their course: refused fields first (its own and the API's), then sessions, venue, capacity, per-school cap and booking close. */
  async publishRun({ page, check, params }) {
    await signIn(page, 'provider@demo.test');
    await go(page, `/courses/${params.courseId}`);
    await page.getByRole('link', { name: 'Publish a run of this course' }).click();
    await page.waitForURL(/\/runs\/new$/);
    await ready(page);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Publish a run');
    assert.ok((await page.title()).startsWith(`Publish a run of ${params.courseTitle} – InclusionNetwork – `));
    await check('publish-run');

    await page.getByRole('button', { name: 'Publish run' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['#session-0-date', '#delivery', '#capacity']);
    assert.match(await page.title(), /^Error: Publish a run/);
    await check('publish-run-errors');

    const session = (n) => page.getByRole('group', { name: `Session ${n}` });
    await session(1).getByLabel('Date').fill(params.firstDay);
    await session(1).getByLabel('Starts').fill('09:30');
    await session(1).getByLabel('Ends').fill('15:30');
    await session(2).getByLabel('Date').fill(params.secondDay);
    await session(2).getByLabel('Starts').fill('09:30');
    await session(2).getByLabel('Ends').fill('12:00');
    await page.getByLabel('In person, at a venue').check();
    await page.getByLabel('Venue', { exact: true }).fill(params.venue);
    await page.getByLabel('District', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Capacity').fill('2');
    await page.getByLabel('Most places per school (optional)').fill('5');
    await page.getByLabel('Date booking closes').fill(params.closesDay);
    await page.getByLabel('Time booking closes').fill('17:00');
    await page.getByRole('button', { name: 'Publish run' }).click();
    // The API's own rule, on the field it names; every value is kept.
    await page.locator('.govuk-error-summary a[href="#maxPlacesPerSchool"]').waitFor();
    assert.equal(await page.locator('#maxPlacesPerSchool-error').count(), 1);
    assert.equal(await session(2).getByLabel('Ends').inputValue(), '12:00');
    assert.equal(await page.getByLabel('Venue', { exact: true }).inputValue(), params.venue);
    await check('publish-run-refused');

    await page.getByLabel('Capacity').fill('12');
    await page.getByLabel('Most places per school (optional)').fill('2');
    await page.getByRole('button', { name: 'Publish run' }).click();
    await page.waitForURL(/\/runs\/\d+\/register$/);
    await page.getByText('The run is published.').waitFor();
    const details = await page.locator('.govuk-summary-list').first().textContent();
    assert.match(details, new RegExp(params.venue));
    assert.match(details, /0 of 12/);
    assert.match(details, /9:30am/);
    await check('publish-run-published');

    await go(page, `/courses/${params.courseId}`);
    const run = page.locator('section', { hasText: params.venue });
    assert.match(await run.textContent(), /Most places per school\s*2/);
    assert.match(await run.textContent(), /Booking closes\s*\d+ \w+ \d{4}, 5pm/);
  },

  /** A provider adds a course (refused fields first, values kept), then changes it; it is in the directory as theirs. */
  async course({ page, check, params }) {
    await signIn(page, 'provider@demo.test');
    await go(page, '/provider');
    await page.getByRole('button', { name: 'Add a course' }).click();
    await page.waitForURL(/\/courses\/new$/);
    await ready(page);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Add a course');
    await check('course-new');

    await page.getByLabel('Title').fill(params.title);
    await page.getByRole('button', { name: 'Add course' }).click();
    await page.locator('.govuk-error-summary a[href="#strand"]').waitFor();
    assert.equal(await page.getByLabel('Title').inputValue(), params.title, 'the title is kept');
    await page.getByLabel('Strand').selectOption('TARGETED_AND_SPECIALIST');
    await page.getByLabel('Prior knowledge').selectOption('INTRODUCTORY');
    await page.getByLabel('How it is delivered').selectOption('IN_PERSON');
    await page.getByRole('button', { name: 'Add course' }).click();
    // Now the API's own rules, each on its field.
    const summary = page.locator('.govuk-error-summary');
    await summary.locator('a[href="#summary"]').waitFor();
    for (const field of ['#provider', '#expectedImpact', '#audiences', '#phases']) {
      assert.equal(await summary.locator(`a[href="${field}"]`).count(), 1, `the summary names ${field}`);
    }
    assert.equal(await page.locator('#audiences-error').count(), 1);
    await check('course-new-refused');

    await page.getByLabel('Summary').fill('Sensory circuits to help pupils regulate before lessons.');
    await page.getByLabel('Provider name').fill('Demo Training Provider');
    await page.getByRole('group', { name: 'Who it is for' }).getByLabel('Teaching assistant').check();
    await page.getByLabel('Expected impact').fill('Pupils settle to learning sooner.');
    await page.getByRole('group', { name: 'Areas of need' }).getByLabel('Sensory and physical').check();
    await page.getByRole('group', { name: 'Phases' }).getByLabel('Primary').check();
    await page.getByLabel('Price per place, in pounds').fill('25.50');
    await page.getByRole('button', { name: 'Add course' }).click();
    await page.getByText('The course is added to the directory.').waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), params.title);
    assert.match(await page.locator('main').textContent(), /£25\.50/);

    await page.getByRole('link', { name: 'Change this course' }).click();
    await page.waitForURL(/\/edit$/);
    await ready(page);
    assert.equal(await page.getByLabel('Price per place, in pounds').inputValue(), '25.50', 'the form shows the course as it is');
    await check('course-edit');
    await page.getByLabel('Title').fill(`${params.title}, revised`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The course is changed.').waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), `${params.title}, revised`);
    // Still theirs: they can publish its runs.
    assert.equal(await page.getByRole('link', { name: 'Publish a run of this course' }).count(), 1);
  },

  /** The delegate list downloads as CSV, a row per person with their attendance. */
  async delegateList({ page, check, baseUrl, params }) {
    await signIn(page, 'provider@demo.test');
    await go(page, `/runs/${params.pastRunId}/register`);
    await check('register-past-run');
    const href = await page.locator('#delegates-csv').getAttribute('href');
    const response = await page.request.get(new URL(href, baseUrl).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/csv/);
    assert.match(response.headers()['content-disposition'] ?? '', /attachment; filename=delegates-run-\d+\.csv/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.match(lines[0], /^Name,Role,Email,School,URN,Status,Booked,"?Session 1 \(/);
    assert.ok(lines.length >= 2, 'a row per person booked');
    assert.match(lines.slice(1).join('\n'), /Confirmed/);
  },

  /** Other roles cannot publish runs or read a register or its delegate list. */
  async providerPagesRefuseOthers({ page, check, params }) {
    await signIn(page, params.booker);
    for (const path of ['/courses/new', `/courses/${params.courseId}/edit`, `/courses/${params.courseId}/runs/new`, `/runs/${params.pastRunId}/register`, `/runs/${params.pastRunId}/register?handler=delegates`, '/provider']) {
      const response = await go(page, path);
      assert.equal(response.status(), 403, `${path} is refused to a school booker`);
      if (path === '/provider') await check('not-allowed');
    }
    await go(page, `/courses/${params.courseId}`);
    await check('course-without-provider-links');
    assert.equal(await page.getByRole('link', { name: 'Publish a run of this course' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Change this course' }).count(), 0);
  },

  /** A provider changes a session's time from the register: a refused time first (on its field, values kept), then the new time; a school booker cannot. */
  async moveSession({ page, check, params }) {
    await signIn(page, 'provider@demo.test');
    await go(page, `/runs/${params.runId}/register`);
    await page.getByRole('link', { name: 'Change time of session 1' }).click();
    await page.waitForURL(/\/runs\/\d+\/sessions\/\d+\/edit$/);
    await ready(page);
    const editPath = new URL(page.url()).pathname;
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Change the time of session 1');
    assert.match(await page.getByLabel('Date').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await check('move-session');

    await page.getByLabel('Date').fill(params.newDay);
    await page.getByLabel('Starts').fill('16:00');
    await page.getByLabel('Ends').fill('13:00');
    await page.getByRole('button', { name: 'Save the new time' }).click();
    await page.locator('.govuk-error-summary a[href="#ends"]').waitFor();
    assert.equal(await page.locator('#ends-error').count(), 1);
    assert.equal(await page.getByLabel('Starts').inputValue(), '16:00');
    await check('move-session-refused');

    await page.getByLabel('Starts').fill('13:00');
    await page.getByLabel('Ends').fill('16:00');
    await page.getByRole('button', { name: 'Save the new time' }).click();
    await page.waitForURL(/\/runs\/\d+\/register$/);
    await page.getByText('Session 1 has a new time.').waitFor();
    assert.match(await page.locator('#sessions li').first().textContent(), /1pm to 4pm/);

    await signOut(page);
    await signIn(page, params.booker);
    const response = await go(page, editPath);
    assert.equal(response.status(), 403, 'a school booker cannot change a session');
  },

  /** Booking the last place, the waiting list and an offer, with JavaScript turned off. */
  bookingWithoutJavaScript: withoutJavaScript('booking'),

  /** Attendance and cancelling a run, with JavaScript turned off. */
  registerWithoutJavaScript: withoutJavaScript('register'),
};
