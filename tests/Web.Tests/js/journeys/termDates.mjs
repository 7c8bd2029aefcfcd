// Term dates and training days on the server-rendered pages, with JavaScript turned off.
import assert from 'node:assert/strict';
import { signIn, signOut } from '../journeys.mjs';

/** Presses a button that posts a form and waits for the page the server answers with. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

async function addPeriod(page, { name, startsOn, endsOn }) {
  await page.getByLabel('Term', { exact: true }).check();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('First day', { exact: true }).fill(startsOn);
  await page.getByLabel('Last day', { exact: true }).fill(endsOn);
  await submit(page, page.getByRole('button', { name: 'Add period' }));
}

export const termDatesJourneys = {
  /**
   * An admin adds 2027/28 and its first terms (an overlapping term refused, then fixed); a
   * school's booker adds a training day in the new year.
   */
  async termDatesWithoutJavaScript({ page, check, params }) {
    await signIn(page, 'admin@demo.test');
    await page.locator('#navigation').getByRole('link', { name: 'Term dates', exact: true }).click();
    await page.waitForURL(/\/admin\/term-dates$/);
    assert.ok(await page.locator('#academic-years').getByRole('link', { name: /2026\/27/ }).count() > 0);
    await check('term-dates-no-js');

    await page.getByLabel('Academic year', { exact: true }).fill('2027/28');
    await submit(page, page.getByRole('button', { name: 'Add year' }));
    await page.waitForURL(/\/admin\/term-dates\/2027-28$/);
    await page.getByText('2027/28 has been added. Now add its terms and holidays.').waitFor();
    await check('term-dates-new-year-no-js');

    await addPeriod(page, { name: 'Autumn 1', startsOn: '2027-09-02', endsOn: '2027-10-22' });
    await page.getByText('Autumn 1 has been added to 2027/28.').waitFor();

    // Autumn 2 typed to start inside Autumn 1: refused beside its first day, the values kept.
    await addPeriod(page, { name: 'Autumn 2', startsOn: '2027-10-18', endsOn: '2027-12-17' });
    await page.locator('.govuk-error-summary a[href="#startsOn"]', { hasText: 'overlaps Autumn 1' }).waitFor();
    assert.match(await page.title(), /^Error: Term dates 2027\/28 – /);
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Autumn 2');
    assert.equal(await page.getByLabel('Last day', { exact: true }).inputValue(), '2027-12-17');
    assert.match(await page.locator('#startsOn-error').textContent(), /overlaps Autumn 1/);
    await check('term-dates-refused-no-js');
    await page.getByLabel('First day', { exact: true }).fill('2027-11-01');
    await submit(page, page.getByRole('button', { name: 'Add period' }));
    await page.getByText('Autumn 2 has been added to 2027/28.').waitFor();
    assert.deepEqual(await page.locator('#term-periods tbody tr td:first-child').allTextContents(), ['Autumn 1', 'Autumn 2']);
    await signOut(page);

    await signIn(page, params.booker);
    await page.locator('#navigation').getByRole('link', { name: 'Training days', exact: true }).click();
    await page.waitForURL(/\/school\/closures$/);
    await check('training-days-no-js');
    await page.locator('#closure-years').getByRole('link', { name: '2027/28' }).click();
    await page.waitForURL(/year=2027-28/);
    await page.getByLabel('Day', { exact: true }).fill('2027-09-04');
    await page.getByLabel('Reason', { exact: true }).fill('INSET day');
    await submit(page, page.getByRole('button', { name: 'Add training day' }));
    await page.locator('.govuk-error-summary a[href="#date"]', { hasText: 'weekend' }).waitFor();
    assert.equal(await page.getByLabel('Reason', { exact: true }).inputValue(), 'INSET day');
    await page.getByLabel('Day', { exact: true }).fill('2027-09-06');
    await submit(page, page.getByRole('button', { name: 'Add training day' }));
    await page.getByText('Monday 6 September 2027 has been added as a training day.').waitFor();
    assert.deepEqual(await page.locator('#closure-days tbody tr td:nth-child(2)').allTextContents(), ['INSET day']);
    await check('training-days-added-no-js');
    await signOut(page);

    // An admin renames a term with "Change", then finds the school's training day from the year's page.
    await signIn(page, 'admin@demo.test');
    await page.goto('/admin/term-dates/2027-28');
    await page.getByRole('link', { name: 'Change Autumn 2' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Autumn second half');
    await submit(page, page.getByRole('button', { name: 'Save changes' }));
    await page.getByText('Autumn second half has been changed.').waitFor();
    await page.getByRole('link', { name: 'training days' }).click();
    await page.waitForURL(/\/admin\/term-dates\/2027-28\/closures$/);
    await page.getByLabel('School URN', { exact: true }).fill(params.urn);
    await submit(page, page.getByRole('button', { name: 'Show training days' }));
    assert.deepEqual(await page.locator('#closure-days tbody tr td:nth-child(2)').allTextContents(), ['INSET day']);
    await check('term-dates-school-closures-no-js');
  },
};
