// One's own email choices and a reminder's one-click link, on server-rendered pages with
// JavaScript turned off.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

/** Presses a button that posts a form and waits for the page the server answers with. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

async function open(page, path) {
  const response = await page.goto(path);
  await page.waitForSelector('#main-content[data-ready]');
  return response;
}

export const notificationJourneys = {
  /** Someone turns prompts off, finds the choice kept when they come back, and turns them on again. */
  async notificationsWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.email);
    await open(page, '/account/notifications');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Emails you get');
    const reminders = page.getByLabel('Reminders, such as a course starting soon');
    const prompts = page.getByLabel('Requests to give an evaluation or follow-up');
    assert.equal(await reminders.isChecked(), true, 'reminders are on until someone turns them off');
    assert.equal(await prompts.isChecked(), true, 'prompts are on until someone turns them off');
    await check('notifications-no-js');

    await prompts.uncheck();
    await submit(page, page.getByRole('button', { name: 'Save choices' }));
    await page.getByText('Your email choices have been saved.').waitFor();
    await check('notifications-saved-no-js');

    await open(page, '/account/notifications');
    assert.equal(await page.getByLabel('Requests to give an evaluation or follow-up').isChecked(), false, 'the choice is kept');
    assert.equal(await page.getByLabel('Reminders, such as a course starting soon').isChecked(), true, 'the other choice is untouched');

    // Back as it was, so other journeys' emails to this person are still sent.
    await page.getByLabel('Requests to give an evaluation or follow-up').check();
    await submit(page, page.getByRole('button', { name: 'Save choices' }));
    await page.getByText('Your email choices have been saved.').waitFor();
    assert.equal(await page.getByLabel('Requests to give an evaluation or follow-up').isChecked(), true);
  },

  /** A reminder's link, as the email carried it: one press turns reminders off; the link then no longer works. */
  async unsubscribeWithoutJavaScript({ page, check, params }) {
    const first = await open(page, `/unsubscribe/${params.token}`);
    assert.equal(first.status(), 200);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Stop getting reminders');
    await check('unsubscribe-no-js');

    await submit(page, page.getByRole('button', { name: 'Stop getting reminders' }));
    assert.equal((await page.locator('#unsubscribe-result').textContent()).trim(), 'You will not get reminders any more');
    await check('unsubscribed-no-js');

    const again = await open(page, `/unsubscribe/${params.token}`);
    assert.equal(again.status(), 404);
    assert.equal((await page.locator('#unsubscribe-result').textContent()).trim(), 'This link does not work');
    assert.match(await page.title(), /^This link does not work – /);
    await check('unsubscribe-used-no-js');
  },
};
