// Runs one journey: node run.mjs <journey> <base URL> <screenshot folder> [<JSON parameters>].
// Exits 0 when every step and every axe-core check passed; otherwise prints why and exits 1.
import { existsSync, rmSync } from 'node:fs';
import { CHROMIUM, openBrowser } from './browser.mjs';
import { journeys } from './journeys.mjs';

const [name, baseUrl, artifacts, json] = process.argv.slice(2);
const journey = journeys[name];
if (!journey) {
  console.error(`No journey named '${name}'. Known: ${Object.keys(journeys).join(', ')}`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(3);
}
// A failure picture from an earlier run would mislead whoever reads the artifacts.
rmSync(`${artifacts}/failed-${name}.png`, { force: true });
// Journeys named ...WithoutJavaScript run with JavaScript turned off in the page.
const browser = await openBrowser({ baseUrl, artifacts, javaScript: !name.endsWith('WithoutJavaScript') });
try {
  await journey({ ...browser, baseUrl, params: json ? JSON.parse(json) : {} });
  console.log(JSON.stringify({ journey: name, pages: browser.pages }));
} catch (e) {
  console.error(`Journey '${name}' failed at ${browser.page.url()}:\n${e.stack ?? e}`);
  if (browser.problems.length) console.error(`The page also reported:\n${browser.problems.join('\n')}`);
  await browser.page.screenshot({ path: `${artifacts}/failed-${name}.png`, fullPage: true }).catch((s) => console.error(`(no failure screenshot: ${s.message})`));
  process.exitCode = 1;
} finally {
  await browser.close();
}
