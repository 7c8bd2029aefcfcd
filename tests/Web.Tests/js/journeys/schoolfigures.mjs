// A school's figures page: its own figures beside its district's and the county's, and the
// courses recommended after its latest review, for its bookers and its head.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

async function ready(page) {
  await page.waitForSelector('#main-content[data-ready]:not([aria-busy])');
}

async function go(page, path) {
  await page.goto(path);
  await ready(page);
}

/** The page as its reader sees it: the figures, the comparison and the recommendations, each course a link to its page. */
async function readFigures(page, check, name, params) {
  await go(page, '/school/figures');
  assert.equal((await page.locator('main h1').first().textContent()).trim(), 'Your school’s figures');
  assert.equal((await page.locator('main .govuk-caption-l').textContent()).trim(), params.schoolName);
  assert.match(await page.title(), /^Your school’s figures – /);
  assert.equal(await page.locator('#school-figures .govuk-summary-list__row').count(), 6);
  const rows = page.locator('#comparison tbody tr');
  assert.equal(await rows.count(), 2);
  for (const row of await rows.all()) {
    // District and county rates are percentages (or "No figure" for an empty group).
    for (const cell of (await row.locator('td.govuk-table__cell--numeric').allTextContents()).map((t) => t.trim())) {
      assert.match(cell, /^(\d{1,3}%|No figure)$/);
    }
  }
  const courses = page.locator('#recommended-courses li a');
  assert.ok((await courses.count()) >= 1 && (await courses.count()) <= 5, 'one to five recommended courses');
  assert.equal((await courses.first().textContent()).trim(), params.firstCourseTitle);
  await check(name);
  await courses.first().click();
  await page.waitForURL(new RegExp(`/courses/${params.firstCourseId}$`));
  await ready(page);
  assert.equal((await page.locator('main h1').first().textContent()).trim(), params.firstCourseTitle);
}

export const schoolFiguresJourneys = {
  /** A school's booker reads its figures and follows a recommended course to its page. */
  async schoolFigures({ page, check, params }) {
    await signIn(page, params.booker);
    await readFigures(page, check, 'school-figures', params);
  },

  /** The head, with JavaScript turned off, reads the same; a member of staff who is not the head may not. */
  async schoolFiguresWithoutJavaScript({ page, check, context, params }) {
    await signIn(page, params.head);
    await readFigures(page, check, 'school-figures-no-js', params);

    await context.clearCookies();
    await signIn(page, params.teacher);
    const response = await page.goto('/school/figures');
    assert.equal(response.status(), 403);
    await ready(page);
    assert.equal((await page.locator('main h1').first().textContent()).trim(), 'You cannot use this page');
    await check('school-figures-not-allowed-no-js');
  },
};
