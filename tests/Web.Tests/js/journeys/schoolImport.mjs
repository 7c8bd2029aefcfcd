// Importing the schools extract on the server-rendered page, with JavaScript turned off.
import assert from 'node:assert/strict';
import { signIn } from '../journeys.mjs';

const HEADER = 'URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name),DistrictAdministrative (name),Postcode,LA (code)\r\n';

/** Windows-1252 bytes, as GIAS publishes the extract: ’ is 0x92, which is not UTF-8. */
function windows1252(text) {
  return Buffer.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
}

async function upload(page, name, buffer) {
  await page.getByLabel('Establishment extract (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Import' }).click()]);
}

export const schoolImportJourneys = {
  /** A file with bad rows is refused whole, each row said why; the extract as GIAS publishes it then lands. */
  async schoolImportWithoutJavaScript({ page, check, params }) {
    await signIn(page, 'admin@demo.test');
    await page.locator('#navigation').getByRole('link', { name: 'Import schools', exact: true }).click();
    await page.waitForURL(/\/admin\/schools$/);
    await check('school-import-no-js');

    const bad = `${HEADER}${params.urn},Good Row Primary,Community school,Primary,Open,${params.district},TN1 1AA,886\r\n`
      + `12AB,Bad Urn School,Community school,Primary,Open,${params.district},TN1 1AB,886\r\n`
      + `${params.urn2},Nowhere School,Community school,Primary,Open,Atlantis,TN1 1AC,886\r\n`;
    await upload(page, 'edubasealldata.csv', windows1252(bad));
    await page.locator('.govuk-error-summary a[href="#extract"]', { hasText: '2 rows were refused' }).waitFor();
    const refused = page.locator('#refused-rows tbody tr');
    assert.equal(await refused.count(), 2);
    assert.deepEqual(await refused.locator('td:first-child').allTextContents(), ['3', '4'], 'each refused row by its line');
    await check('school-import-refused-no-js');

    const good = `${HEADER}${params.urn},${params.name},Community school,Primary,Open,${params.district},TN1 1AA,886\r\n`;
    await upload(page, 'edubasealldata.csv', windows1252(good));
    await page.getByText('The extract is imported: 1 new school, 0 schools changed, 0 unchanged.').waitFor();
  },
};
