// The uptake dashboard (/dashboard), a server-rendered page: filters in a GET form, a table and
// an SVG bar chart of the same figures, the county's quarter-by-quarter trend, and the CSV link
// carrying the same filters. With JavaScript on and off, and for an ILE's district.
import assert from 'node:assert/strict';

const PASSWORD = 'demo-password-for-tests';

async function ready(page) {
  await page.waitForSelector('#main-content[data-ready]:not([aria-busy])');
}

async function signIn(page, email) {
  await page.goto('/sign-in');
  await ready(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await ready(page);
}

async function heading(page) {
  return (await page.locator('main h1').first().textContent()).trim();
}

async function show(page, choices) {
  for (const [label, value] of Object.entries(choices)) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
  }
  await page.getByRole('button', { name: 'Show figures' }).click();
  await page.waitForURL((url) => url.pathname === '/dashboard' && url.search.length > 0);
  await ready(page);
}

async function bars(page, table) {
  return { rows: await page.locator(`#${table} tbody tr`).count() };
}

/** A commissioner reads every measure by a breakdown and a quarter, with its trend, and downloads the CSV. */
async function dashboardJourney({ page, check, baseUrl }, { javaScript }) {
  const name = (n) => (javaScript ? n : `${n}-no-js`);
  await signIn(page, 'commissioner@demo.test');
  await page.goto('/dashboard');
  await ready(page);
  assert.equal(await heading(page), 'Uptake and impact');
  assert.equal(await page.getByLabel('Schools', { exact: true }).inputValue(), 'MAINSTREAM', 'mainstream schools by default');
  assert.match(await page.locator('#scope-note').textContent(), /mainstream schools/);
  assert.equal((await bars(page, 'uptake-table')).rows, 12, 'a row per district');
  assert.equal(await page.locator('svg.app-chart[role=img]').count(), 2, 'the chart and the trend');
  assert.equal(await page.locator('svg.app-chart:not(.app-chart--trend) rect').count(), 12, 'a bar per table row');
  assert.equal((await bars(page, 'trend-table')).rows, 4, 'a row per quarter');
  assert.match(await page.locator('#trend-subject').textContent(), /the county/, "a commissioner's trend is the county's");
  await check(name('dashboard'));

  for (const [measure, groupBy, quarter] of [['training', 'AREA', '2'], ['leadership', 'PHASE', ''], ['evaluations', 'DISTRICT', '3']]) {
    await show(page, { Measure: measure, 'Break down by': groupBy, 'Up to the end of': quarter });
    assert.match(page.url(), new RegExp(`measure=${measure}&groupBy=${groupBy}`));
    const rows = (await bars(page, 'uptake-table')).rows;
    assert.ok(rows >= 1);
    assert.equal(await page.locator('svg.app-chart:not(.app-chart--trend) rect').count(), rows, 'a bar per table row');
    await check(name(`dashboard-${measure}`));
  }
  // Evaluations by district: at least one district is under the threshold, and says so.
  assert.ok(await page.locator('#uptake-table tbody tr[data-suppressed]').count() >= 1, 'a withheld district');

  await show(page, { Measure: 'training', 'Break down by': 'DISTRICT', 'Up to the end of': '1', 'Strand (training and evaluations)': 'TARGETED_AND_SPECIALIST' });
  const csv = await page.locator('#csv-link').getAttribute('href');
  assert.match(csv, /^\/reports\/uptake\.csv\?measure=training&groupBy=DISTRICT&academicYear=\d{4}%2F\d{2}&quarter=1&scope=MAINSTREAM&strand=TARGETED_AND_SPECIALIST$/);
  const response = await page.request.get(new URL(csv, baseUrl).href);
  assert.equal(response.status(), 200, 'the CSV downloads with the session cookie');
  assert.match(response.headers()['content-type'], /text\/csv/);
  assert.equal((await response.text()).trim().split('\r\n').length, 13, 'a header and a row per district');
}

/** An ILE reads their district's figures; a breakdown beyond it is refused beside its field. */
async function districtJourney({ page, check }, { javaScript }) {
  await signIn(page, 'leader1@demo.test');
  await page.goto('/dashboard?measure=peerReview&groupBy=AREA');
  await ready(page);
  assert.equal(await heading(page), 'Uptake and impact');
  const summary = page.locator('.govuk-error-summary');
  assert.deepEqual(await summary.locator('a').allTextContents(), ["You can see your district's figures: break down by district or county"]);
  assert.equal(await page.getByLabel('Break down by', { exact: true }).inputValue(), 'DISTRICT', 'shown by district instead');
  const districts = (await page.locator('#uptake-table tbody th').allTextContents()).map((t) => t.trim());
  assert.ok(districts.length >= 1, 'the districts of their school and clusters');
  // Their trend is their districts' (quarter by quarter, district by district), not the county's.
  const trend = (await page.locator('#trend-table tbody th').allTextContents()).map((t) => t.trim());
  assert.deepEqual(trend, [1, 2, 3, 4].flatMap((q) => districts.map((d) => `${['', 'Quarter 1 (September to November)',
    'Quarter 2 (December to February)', 'Quarter 3 (March to May)', 'Quarter 4 (June to August)'][q]}, ${d}`)));
  assert.doesNotMatch(await page.locator('#trend-subject').textContent(), /county/);
  assert.equal(await page.locator('svg.app-chart--trend rect').count(), trend.length, 'a trend bar per trend row');
  await check(javaScript ? 'dashboard-district' : 'dashboard-district-no-js');
}

export const uptakeJourneys = {
  dashboard: (browser) => dashboardJourney(browser, { javaScript: true }),
  dashboardWithoutJavaScript: (browser) => dashboardJourney(browser, { javaScript: false }),
  dashboardDistrictWithoutJavaScript: (browser) => districtJourney(browser, { javaScript: false }),
};
