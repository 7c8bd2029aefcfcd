// Shared browser plumbing for the journeys: Debian's Chromium (never a downloaded one),
// a fresh profile per run, axe-core on every page, a screenshot of every page, and a
// failure for any script error or Content-Security-Policy violation.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// WCAG 2.2 A and AA, plus axe's best practices (landmarks, headings, one main).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** javaScript: false runs the journey as a browser with JavaScript turned off. */
export async function openBrowser({ baseUrl, artifacts, javaScript = true }) {
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'inclusion-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const pages = [];
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`CSP violation on ${page.url()}: ${m.text()}`);
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  // JavaScript off is Chromium's own switch (what javaScriptEnabled: false sets), held through
  // DevTools so that check() can lift it for axe-core alone and put it back.
  const devtools = javaScript ? null : await context.newCDPSession(page);
  const scripts = (on) => devtools?.send('Emulation.setScriptExecutionDisabled', { value: !on });
  await scripts(javaScript);

  /** axe-core on the page as it is now, and a full-page screenshot named after it. */
  async function check(name) {
    // Pages are drawn on the server and their scripts are part of 'load'; waiting for the network
    // to stay idle for half a second as well cost that half second on every page checked.
    await page.waitForLoadState('load');
    await scripts(true);
    if (!javaScript && await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))) {
      throw new Error(`${name}: the page's own scripts ran although JavaScript is off`);
    }
    // Evaluated through DevTools, so the page's CSP (no inline scripts) does not block it.
    await page.evaluate(axeSource);
    // Only violations are read: axe then skips working out selectors for every passing node,
    // which was about 40% of its time on a page.
    const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
    await scripts(javaScript);
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    pages.push(name);
    if (result.violations.length) {
      const detail = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`).join('\n  ');
      throw new Error(`axe-core found ${result.violations.length} violation(s) on ${name} (${page.url()}):\n  ${detail}`);
    }
    if (problems.length) throw new Error(problems.join('\n'));
  }

  async function close() {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }

  return { context, page, check, close, pages, problems };
}
