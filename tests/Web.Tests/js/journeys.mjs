// Every journey of the web front end, end to end in Chromium against the real Silo.
// Each calls check(<page name>) on every page it reaches: axe-core must find nothing,
// and a screenshot named after the page is saved.
import assert from 'node:assert/strict';

const PASSWORD = 'demo-password-for-tests';

/** Waits until the app has drawn the page (main loses aria-busy). */
async function ready(page) {
  await page.waitForSelector('#main-content:not([aria-busy])');
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

export const journeys = {
  /** Sign-in errors follow the GOV.UK error summary pattern, by keyboard; then sign in and out. */
  async signIn({ page, check }) {
    await go(page, '/sign-in');
    assert.equal(await heading(page), 'Sign in');
    await check('sign-in');

    await page.getByLabel('Email address').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Enter your email address', 'Enter your password']);
    assert.match(await page.title(), /^Error: Sign in/);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true, 'focus moves to the error summary');
    await check('sign-in-errors');
    await summary.getByRole('link', { name: 'Enter your email address' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email', 'the error link moves focus to the field');

    await page.getByLabel('Email address').fill('admin@demo.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.govuk-error-summary a', { hasText: 'not right' }).waitFor();
    assert.equal(await page.locator('#email').getAttribute('class'), 'govuk-input govuk-input--width-20 govuk-input--error');

    await signIn(page, 'admin@demo.test');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'inclusion_session');
    assert.ok(cookie?.httpOnly && cookie.secure && cookie.sameSite === 'Lax', 'a Secure, HttpOnly, SameSite=Lax session cookie');
    await signOut(page);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    assert.equal((await page.context().cookies()).some((c) => c.name === 'inclusion_session'), false);
  },

  /** An unknown address gets a GOV.UK "Page not found" page, not an error. */
  async notFound({ page, check }) {
    await go(page, '/no-such-page');
    assert.equal(await heading(page), 'Page not found');
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
};
