// Networks on the server-rendered pages, with JavaScript turned off: an admin creates a
// series and adds, moves and cancels a meeting; a member school's booker finds it as theirs.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

/** Presses a button that posts a form and waits for the page the server answers with. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

export const networkJourneys = {
  async networkSeriesWithoutJavaScript({ page, check, params }) {
    await signIn(page, 'admin@demo.test');
    await page.locator('#navigation').getByRole('link', { name: 'Networks', exact: true }).click();
    await page.waitForURL(/\/networks$/);
    await page.getByLabel('Kind').selectOption('SENCO_FORUM');
    await submit(page, page.getByRole('button', { name: 'Show networks' }));
    assert.match(page.url(), /kind=SENCO_FORUM/);
    assert.ok((await page.locator('#networks > li').count()) > 0, 'the county has SENCO forums');
    await check('networks-no-js');

    await page.getByRole('link', { name: 'Create a network series' }).click();
    await page.waitForURL(/\/networks\/new$/);
    await page.getByLabel('Date of the first meeting').fill('');
    await submit(page, page.getByRole('button', { name: 'Create network' }));
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').allTextContents(),
      ['Enter the network’s name', 'Choose the kind of network', 'Enter the date of the first meeting, like 2027-01-05', 'Enter the time meetings start, like 16:00']);
    await check('network-new-error-no-js');

    await page.getByLabel('Name of the network').fill(params.name);
    await page.getByLabel('Kind').selectOption('SENCO_FORUM');
    await page.getByLabel('District (optional)').selectOption({ label: params.district });
    for (const school of params.schools) {
      await page.getByLabel('School name or URN').fill(school.urn);
      await submit(page, page.getByRole('button', { name: 'Find schools' }));
      await page.getByRole('checkbox', { name: school.name, exact: true }).check();
    }
    assert.equal(await page.getByLabel('Name of the network').inputValue(), params.name, 'finding schools keeps the form');
    await page.getByLabel('Date of the first meeting').fill(params.firstDate);
    await page.getByLabel('Meetings start at').fill('16:00');
    await page.getByLabel('How often').selectOption('MONTHLY_NTH');
    await page.getByLabel('Where (optional)').fill('Teachers’ Centre');
    await submit(page, page.getByRole('button', { name: 'Create network' }));
    await page.waitForURL(/\/networks\/\d+$/);
    await page.getByText(`${params.name} is created.`).waitFor();
    assert.equal((await page.locator('#network-recurrence').textContent()).trim(), params.recurrenceText);
    assert.ok((await page.locator('#meeting-list tbody tr').count()) >= 2, 'the series has its meetings');
    await check('network-no-js');

    await page.getByLabel('Title (optional)').fill('Extra SENCO meeting');
    await page.getByLabel('Date', { exact: true }).fill(params.extraDate);
    await page.getByLabel('Starts at').fill('09:30');
    await page.getByLabel('Ends at').fill('09:00');
    await submit(page, page.getByRole('button', { name: 'Add meeting' }));
    await page.locator('.govuk-error-summary a[href="#endTime"]').waitFor();
    assert.equal(await page.getByLabel('Title (optional)').inputValue(), 'Extra SENCO meeting', 'the title is kept');
    await page.getByLabel('Ends at').fill('11:00');
    await submit(page, page.getByRole('button', { name: 'Add meeting' }));
    await page.getByText(/A meeting on .* has been added\./).waitFor();
    const extra = page.locator('#meeting-list tbody tr', { hasText: 'Extra SENCO meeting' });
    assert.match(await extra.textContent(), /9:30am to 11am/);

    const meetingId = await extra.getAttribute('data-meeting-id');
    await page.getByLabel('Meeting', { exact: true }).selectOption(meetingId);
    await page.getByLabel('New date').fill(params.movedDate);
    await page.getByLabel('New start').fill('10:00');
    await page.getByLabel('New end').fill('11:30');
    await submit(page, page.getByRole('button', { name: 'Move meeting' }));
    await page.getByText(/The meeting has been moved to .*10am\./).waitFor();
    assert.match(await page.locator(`#meeting-list tr[data-meeting-id="${meetingId}"]`).textContent(), /10am to 11:30am/);

    await submit(page, page.locator(`#meeting-list tr[data-meeting-id="${meetingId}"]`).getByRole('button', { name: /Cancel/ }));
    await page.getByText(/has been cancelled\./).waitFor();
    assert.match(await page.locator(`#meeting-list tr[data-meeting-id="${meetingId}"]`).textContent(), /Cancelled/);
    await check('network-meeting-cancelled-no-js');
  },

  /** A member school's booker sees the network as their school's, with the calendar link, and cannot change its meetings. */
  async networkMemberWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.bookerEmail);
    await page.goto('/networks?kind=SENCO_FORUM');
    const mine = page.locator('#networks > li', { hasText: params.name });
    assert.match(await mine.textContent(), /Your school/);
    assert.match(await page.locator('#networks > li').first().textContent(), /Your school/, 'the school’s own networks come first');
    await check('networks-for-member-no-js');
    await mine.getByRole('link', { name: params.name }).click();
    await page.waitForURL(/\/networks\/\d+$/);
    assert.equal(await page.getByRole('button', { name: 'Add meeting' }).count(), 0, 'members do not change the meetings');
    assert.equal(await page.getByRole('link', { name: 'Subscribe to your school’s meetings' }).getAttribute('href'), '/calendars');
    await check('network-member-no-js');
  },
};
