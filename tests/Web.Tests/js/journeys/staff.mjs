// A school's staff list on the server-rendered page, with JavaScript turned off.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

/** Presses a button that posts a form and waits for the page the server answers with. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

export const staffJourneys = {
  /** A booker adds someone (a refused form first), changes their role, opens an invitation for them, and removes them. */
  async schoolStaffWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.bookerEmail);
    await page.locator('#navigation').getByRole('link', { name: 'Staff', exact: true }).click();
    await page.waitForURL(/\/school\/staff$/);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Your school’s staff');
    await check('school-staff-no-js');

    await page.getByLabel('Email address (optional)').fill('robin.newstaff@school.example');
    await submit(page, page.getByRole('button', { name: 'Add to staff' }));
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Enter the person’s name', 'Choose their role']);
    assert.equal(await page.getByLabel('Email address (optional)').inputValue(), 'robin.newstaff@school.example', 'the value is kept');
    await check('school-staff-error-no-js');

    await page.getByLabel('Full name').fill('Robin Newstaff');
    await page.getByLabel('Role', { exact: true }).selectOption('TEACHER');
    await submit(page, page.getByRole('button', { name: 'Add to staff' }));
    await page.getByText('Robin Newstaff has been added to the staff.').waitFor();
    const row = page.locator('#staff-list tbody tr', { hasText: 'Robin Newstaff' });
    assert.equal(await row.locator('select').inputValue(), 'TEACHER');

    await row.getByLabel('Role of Robin Newstaff').selectOption('SENCO');
    await submit(page, row.getByRole('button', { name: 'Change role of Robin Newstaff' }));
    await page.getByText('Robin Newstaff’s role is now SENCO.').waitFor();
    assert.equal(await page.locator('#staff-list tbody tr', { hasText: 'Robin Newstaff' }).locator('select').inputValue(), 'SENCO');

    const staffId = await page.locator('#staff-list tbody tr', { hasText: 'Robin Newstaff' }).getAttribute('data-staff-id');
    await page.getByRole('link', { name: 'Invite to sign in – Robin Newstaff' }).click();
    await page.waitForURL(/\/invitations\/new\?staffId=\d+$/);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Robin Newstaff');
    assert.equal(await page.getByLabel('Email address').inputValue(), 'robin.newstaff@school.example');
    assert.equal(await page.getByLabel('Member of staff').inputValue(), staffId, 'the invitation is linked to the staff record');
    await check('invite-from-staff-no-js');

    await page.goBack();
    await page.waitForURL(/\/school\/staff$/);
    await submit(page, page.getByRole('button', { name: 'Remove Robin Newstaff' }));
    await page.getByText('Robin Newstaff has been removed from the staff.').waitFor();
    assert.equal(await page.locator('#staff-list tbody tr', { hasText: 'Robin Newstaff' }).count(), 0);
  },
};
