// Peer review on the server-rendered pages: forming a cluster, changing its schools,
// planning its cycle and confirming a visit, all with JavaScript turned off.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

/** Presses a button that posts a form and waits for the page the server answers with. */
async function submit(page, button) {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

async function heading(page) {
  return (await page.locator('main h1').first().textContent()).trim();
}

/** Finds a school by its URN in the form's school picker and ticks it. */
async function addSchool(page, school) {
  await page.getByLabel('School name or URN').fill(school.urn);
  await submit(page, page.getByRole('button', { name: 'Find schools' }));
  assert.match(await page.locator('#found-count').textContent(), /1 school matches/);
  await page.getByRole('checkbox', { name: school.name, exact: true }).check();
}

export const peerReviewJourneys = {
  /**
   * An admin forms a cluster of four schools found by district and URN (a refused form keeps
   * the ticked schools), plans its cycle, adds a fifth school and confirms a visit.
   */
  async clusterWithoutJavaScript({ page, check, params }) {
    await signIn(page, 'admin@demo.test');
    await page.locator('#navigation').getByRole('link', { name: 'Peer review', exact: true }).click();
    await page.waitForURL(/\/ile$/);
    assert.equal(await heading(page), 'Peer-review clusters');
    assert.ok((await page.locator('#clusters tbody tr').count()) > 0, 'the year’s clusters are listed');
    await check('clusters-admin-no-js');

    await page.getByRole('link', { name: 'Form a cluster' }).click();
    await page.waitForURL(/\/ile\/clusters\/new$/);
    await page.getByLabel('District').selectOption({ label: params.district });
    await submit(page, page.getByRole('button', { name: 'Find schools' }));
    assert.match(await page.locator('#found-count').textContent(), /schools? match/);
    assert.ok((await page.getByRole('group', { name: 'Member schools' }).getByRole('checkbox').count()) > 0, 'the district’s schools are listed to tick');
    await check('cluster-new-no-js');
    await page.getByLabel('District').selectOption({ label: 'Any district' });
    for (const school of params.schools.slice(0, 4)) await addSchool(page, school);
    const members = page.getByRole('group', { name: 'Member schools' });
    for (const school of params.schools.slice(0, 4)) {
      assert.equal(await members.getByRole('checkbox', { name: school.name, exact: true }).isChecked(), true, `${school.name} stays ticked`);
    }

    await submit(page, page.getByRole('button', { name: 'Form cluster' }));
    await page.locator('.govuk-error-summary a[href="#name"]', { hasText: 'Enter a name for the cluster' }).waitFor();
    assert.match(await page.title(), /^Error: Form a cluster – /);
    assert.equal(await members.locator('input:checked').count(), 4, 'the ticked schools are kept');
    await check('cluster-new-error-no-js');

    await page.getByLabel('Name of the cluster').fill(params.name);
    await page.getByLabel('Leader').selectOption({ label: params.leaderName });
    await submit(page, page.getByRole('button', { name: 'Form cluster' }));
    await page.waitForURL(/\/ile\/clusters\/\d+$/);
    await page.getByText(`${params.name} is formed.`).waitFor();
    assert.equal(await heading(page), params.name);
    assert.equal(await page.locator('#members li').count(), 4);
    assert.equal((await page.locator('#cluster-active').textContent()).trim(), 'Yes');
    await check('cluster-formed-no-js');

    await submit(page, page.getByRole('button', { name: 'Plan the cycle' }));
    await page.getByText('The cycle is planned.').waitFor();
    assert.equal(await page.locator('#visits tbody tr').count(), 4, 'one visit per member school');
    assert.equal(await page.locator('#visits tbody tr', { hasText: 'Proposed' }).count(), 4, 'every date is proposed');
    await check('cluster-planned-no-js');

    await addSchool(page, params.schools[4]);
    await submit(page, page.getByRole('button', { name: 'Save schools' }));
    await page.getByText('The cluster’s schools are changed.').waitFor();
    assert.equal(await page.locator('#members li').count(), 5);
    assert.match(await page.locator('#members').textContent(), new RegExp(params.schools[4].name));

    await page.getByRole('link', { name: /Move or confirm/ }).first().click();
    await page.waitForURL(/\/visits\/\d+$/);
    assert.match(await page.getByLabel('Date of the visit').inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the planner proposed a date');
    await check('visit-proposed-no-js');
    const reviewers = page.getByRole('group', { name: 'Reviewers' });
    const hints = await reviewers.locator('.govuk-checkboxes__hint').allTextContents();
    // The planner proposes reviewers; one alone is not enough, and the rule's error lands on the field.
    for (const box of await reviewers.getByRole('checkbox').all()) await box.uncheck();
    await reviewers.getByRole('checkbox').nth(0).check();
    await submit(page, page.getByRole('button', { name: 'Confirm visit' }));
    await page.locator('.govuk-error-summary a[href="#reviewerStaffIds"]', { hasText: 'at least two reviewers' }).waitFor();
    assert.equal(await reviewers.getByRole('checkbox').nth(0).isChecked(), true, 'the chosen reviewer is kept');
    await reviewers.getByRole('checkbox').nth(hints.findIndex((h) => h !== hints[0])).check();
    await submit(page, page.getByRole('button', { name: 'Confirm visit' }));
    await page.getByText('The visit is confirmed').waitFor();
    assert.match(await page.locator('#visit-summary').textContent(), /Confirmed/);
    await check('visit-confirmed-no-js');
  },

  /** A school's booker gives the self-evaluation of the visit their school hosts, reads last year's report and moves one of its actions on. */
  async hostSchoolWithoutJavaScript({ page, check, params }) {
    await signIn(page, params.bookerEmail);
    await page.locator('#navigation').getByRole('link', { name: 'School peer review', exact: true }).click();
    await page.waitForURL(/\/school\/peer-review$/);
    assert.equal(await heading(page), 'Your school’s peer review');
    assert.equal(await page.locator('#school-cluster').count(), 1, 'this year’s cluster is shown');
    await check('school-peer-review-no-js');

    await page.locator(`#hosted-visits a[href$="/visits/${params.confirmedVisitId}"]`).click();
    await page.waitForURL(new RegExp(`/visits/${params.confirmedVisitId}$`));
    assert.equal(await heading(page), `Visit to ${params.schoolName}`);
    assert.equal(await page.getByRole('button', { name: /Confirm visit|Move visit|Cancel visit|Record the visit as held/ }).count(), 0, 'only the leader schedules the visit');
    const focusAreas = page.getByRole('group', { name: 'Focus areas chosen by the host' }).getByRole('checkbox');
    for (const box of await focusAreas.all()) await box.uncheck();
    await submit(page, page.getByRole('button', { name: 'Submit self-evaluation' }));
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Enter a summary of the self-evaluation', 'Choose one or more focus areas']);
    await check('host-self-evaluation-error-no-js');
    await page.getByLabel('Summary of the self-evaluation').fill('Our transition plans start late; pupils with SEND settle well once here.');
    await page.getByRole('group', { name: 'Focus areas chosen by the host' }).getByLabel('Transitions and independence').check();
    await submit(page, page.getByRole('button', { name: 'Submit self-evaluation' }));
    await page.getByText('The self-evaluation is submitted.').waitFor();
    assert.match(await page.locator('#visit-self-evaluation').textContent(), /^Submitted/);

    await page.getByRole('link', { name: 'Back to your school’s peer review' }).click();
    await page.waitForURL(/\/school\/peer-review$/);
    await page.locator(`#hosted-visits a[href$="/visits/${params.reportedVisitId}"]`).click();
    await page.waitForURL(new RegExp(`/visits/${params.reportedVisitId}$`));
    assert.ok((await page.locator('#report-strengths').textContent()).trim().length > 0, 'the host reads its report');
    assert.equal(await page.getByRole('button', { name: 'Record impact review' }).count(), 0, 'the leader records the impact review');
    await check('host-reported-visit-no-js');
    const action = page.locator('form[data-action-id]').first();
    const before = await action.locator('select').inputValue();
    const after = before === 'IMPLEMENTED' ? 'IN_PROGRESS' : 'IMPLEMENTED';
    await action.locator('select').selectOption(after);
    await submit(page, action.getByRole('button', { name: /Update status/ }));
    await page.getByText('The action’s status is updated.').waitFor();
    assert.equal(await page.locator('form[data-action-id]').first().locator('select').inputValue(), after);
  },
};
