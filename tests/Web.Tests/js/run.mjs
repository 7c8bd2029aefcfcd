// Runs journeys: node run.mjs <journey>[+<journey>...] <base URL> <screenshot folder> [<JSON parameters>].
// Several journeys joined with + run one after another in one browser (cookies cleared between
// them), with the JSON an array of their parameters in order; they must agree on JavaScript.
// Exits 0 when every step and every axe-core check passed; otherwise prints why and exits 1.
import { existsSync, rmSync } from 'node:fs';
import { CHROMIUM, openBrowser } from './browser.mjs';
import { journeys } from './journeys.mjs';

const [names, baseUrl, artifacts, json] = process.argv.slice(2);
const list = names.split('+');
const unknown = list.filter((name) => !journeys[name]);
if (unknown.length) {
  console.error(`No journey named '${unknown.join("', '")}'. Known: ${Object.keys(journeys).join(', ')}`);
  process.exit(2);
}
// Journeys named ...WithoutJavaScript run with JavaScript turned off in the page.
const withoutJavaScript = (name) => name.endsWith('WithoutJavaScript');
if (list.some((name) => withoutJavaScript(name) !== withoutJavaScript(list[0]))) {
  console.error(`Journeys run together must all have JavaScript on, or all off: ${names}`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(3);
}
const parameters = json ? JSON.parse(json) : {};
// A failure picture from an earlier run would mislead whoever reads the artifacts.
rmSync(`${artifacts}/failed-${names}.png`, { force: true });
const browser = await openBrowser({ baseUrl, artifacts, javaScript: !withoutJavaScript(list[0]) });
let current = list[0];
try {
  for (const [i, name] of list.entries()) {
    current = name;
    await browser.context.clearCookies();
    await journeys[name]({ ...browser, baseUrl, params: list.length > 1 ? parameters[i] ?? {} : parameters });
  }
  console.log(JSON.stringify({ journeys: list, pages: browser.pages }));
} catch (e) {
  console.error(`Journey '${current}' failed at ${browser.page.url()}:\n${e.stack ?? e}`);
  if (browser.problems.length) console.error(`The page also reported:\n${browser.problems.join('\n')}`);
  await browser.page.screenshot({ path: `${artifacts}/failed-${names}.png`, fullPage: true }).catch((s) => console.error(`(no failure screenshot: ${s.message})`));
  process.exitCode = 1;
} finally {
  await browser.close();
}
