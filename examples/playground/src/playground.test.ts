// The playground as a new user meets it, in Chromium: edit the document, switch language, submit a
// complaint, restart the server, find the complaint again. Then the two embed examples.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {startPlayground} from '../server.mjs';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';
import {widgetsReady} from './browser.mjs';

const require = createRequire(import.meta.url);
const dataFile = join(mkdtempSync(join(tmpdir(), 'rapport-playground-')), 'data.json');
const asOf = new Date('2026-11-01T00:00:00Z');
let browser: Browser;
let server: Awaited<ReturnType<typeof startPlayground>>;

/**
 * Opens a page and records console errors and warnings (what the widgets tell a developer: the
 * playground should give them nothing to say), uncaught errors and failed requests.
 */
async function open(path: string): Promise<{page: Page; problems: string[]}> {
  const page = await browser.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps functions in __name(); functions sent
  // to the page with page.evaluate carry that call, so the page needs a harmless __name too.
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
  const problems: string[] = [];
  page.on(
    'console',
    (message) =>
      (message.type() === 'error' || message.type() === 'warn') &&
      problems.push(`console.${message.type()}: ${message.text()}`),
  );
  page.on('pageerror', (error) => problems.push(`error: ${String(error)}`));
  page.on('requestfailed', (request) =>
    problems.push(
      `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`,
    ),
  );
  page.on(
    'response',
    (response) =>
      response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`),
  );
  await page.goto(`${server.url}${path}`, {waitUntil: 'networkidle0'});
  return {page, problems};
}

/** Text of the elements matching `inner` in the shadow root of `host`. */
const shadowTexts = (page: Page, host: string, inner: string) =>
  page.evaluate(
    (h, i) =>
      [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(i) ?? [])].map(
        (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      ),
    host,
    inner,
  );

const openComplaints = async (page: Page): Promise<number> => {
  const [footer = ''] = await shadowTexts(page, '#card', '[part~="footer"]');
  return Number(/(\d+)/.exec(footer.split('·')[0]!)?.[1] ?? 0);
};

describe('the playground', () => {
  before(async () => {
    server = await startPlayground({port: 0, dataFile, asOf});
    browser = await puppeteer.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renames a field, speaks Chinese, takes a complaint, and still has it after a restart', async () => {
    const {page, problems} = await open('/');
    await page.waitForFunction(widgetsReady, {timeout: 15_000});

    // The request log names each request by its operation and resource.
    const requests = await page.$$eval('#wire tr', (rows) =>
      rows.map((row) => row.children[1]?.textContent ?? ''),
    );
    for (const request of ['read customers', 'read loyaltyAccounts', 'list complaints'])
      assert.ok(requests.includes(request), `the request log shows "${request}"`);

    // Rename the e-mail field in the document editor.
    await page.evaluate(() => {
      const editor = document.querySelector<HTMLTextAreaElement>('#document')!;
      editor.value = editor.value.replace('"label": "Email"', '"label": "Contact address"');
      editor.dispatchEvent(new Event('input', {bubbles: true}));
    });
    await page.waitForFunction(
      () =>
        [...(document.querySelector('#card')?.shadowRoot?.querySelectorAll('dt') ?? [])].some(
          (dt) => dt.textContent === 'Contact address',
        ),
      {timeout: 10_000},
    );
    assert.equal(
      await page.$eval('#document-status', (e) => e.textContent),
      'Valid document: applied',
    );

    // Switch to Simplified Chinese.
    await page.select('#locale', 'zh-CN');
    await page.waitForFunction(
      () =>
        [...(document.querySelector('#card')?.shadowRoot?.querySelectorAll('dt') ?? [])].some(
          (dt) => dt.textContent === '电话',
        ),
      {timeout: 10_000},
    );
    assert.ok((await shadowTexts(page, '#form', 'label')).some((t) => t.includes('主题')));
    // The widgets' own words follow, not only the document's labels.
    assert.ok((await shadowTexts(page, '#form', 'button')).some((t) => t.includes('提交投诉')));

    // Submit a complaint through the form; the card's count of open complaints rises.
    const before = await openComplaints(page);
    await page.evaluate(() => {
      const root = document.querySelector('#form')!.shadowRoot!;
      const set = (id: string, value: string) => {
        const input = root.querySelector<HTMLInputElement>(`#f-${id}`)!;
        input.value = value;
        input.dispatchEvent(
          new Event(input.tagName === 'SELECT' ? 'change' : 'input', {
            bubbles: true,
            composed: true,
          }),
        );
      };
      set('category', 'service');
      set('severity', 'high');
      set('subject', 'Playground restart check');
      set('description', 'Submitted from the playground test.');
      root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    });
    await page.waitForFunction(
      () => document.querySelector('#form')?.shadowRoot?.querySelector('.success'),
      {timeout: 10_000},
    );
    await page.waitForFunction(
      (n: number) => {
        const footer =
          document.querySelector('#card')?.shadowRoot?.querySelector('[part~="footer"]')
            ?.textContent ?? '';
        return Number(/(\d+)/.exec(footer.split('·')[0]!)?.[1] ?? 0) === n + 1;
      },
      {timeout: 10_000},
      before,
    );
    assert.deepEqual(problems, []);
    await page.close();

    // Restart: the complaint is still there.
    await server.close();
    server = await startPlayground({port: 0, dataFile, asOf});
    const again = await open('/');
    await again.page.waitForFunction(widgetsReady, {timeout: 15_000});
    assert.equal(await openComplaints(again.page), before + 1);
    assert.match(
      (await shadowTexts(again.page, '#card', '[part~="footer"]'))[0]!,
      /Playground restart check/,
    );
    assert.deepEqual(again.problems, []);
    await again.page.close();
  });

  it('keeps its own text readable in the dark theme', async () => {
    const {page, problems} = await open('/');
    await page.waitForFunction(widgetsReady, {timeout: 15_000});
    await page.select('#theme', 'dark');
    // axe's colour-contrast rule over the page's own text (the widgets have their own axe tests).
    // Evaluated through the DevTools protocol: the page's CSP refuses injected script tags.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const {axe} = window as unknown as {axe: typeof import('axe-core')};
      const result = await axe.run(
        {include: [['body']], exclude: [['rapport-provider']]},
        {runOnly: ['color-contrast']},
      );
      return result.violations.flatMap((v) => v.nodes.map((n) => n.failureSummary ?? v.id));
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches simulated failures and resets the demo data from its own page', async () => {
    const {page, problems} = await open('/');
    await page.waitForFunction(widgetsReady, {timeout: 15_000});
    const answered = (path: string) =>
      page.waitForResponse((r) => new URL(r.url()).pathname === path).then((r) => r.status());
    const [faultsOn] = await Promise.all([answered('/demo/faults'), page.click('#faults')]);
    const [faultsOff] = await Promise.all([answered('/demo/faults'), page.click('#faults')]);
    const [reset] = await Promise.all([answered('/demo/reset'), page.click('#reset')]);
    assert.deepEqual([faultsOn, faultsOff, reset], [200, 200, 200]);
    await page.waitForFunction(widgetsReady, {timeout: 15_000});
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows a supervisor the reports, and an agent only the complaint and satisfaction ones', async () => {
    const {page, problems} = await open('/');
    await page.waitForFunction(widgetsReady, {timeout: 15_000});
    assert.equal(await page.$eval('#reports', (e) => (e as HTMLElement).hidden), true);
    const shownReports = () =>
      page.$$eval('#reports rapport-report', (reports) =>
        reports.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('name')),
      );
    await page.select('#role', 'supervisor');
    assert.equal((await shownReports()).length, 9);
    // The gateway computed them: a table of figures, and a request per report in the log.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#reports rapport-report')].every((r) =>
          r.shadowRoot?.querySelector('table, [data-state="empty"]'),
        ),
      {timeout: 15_000},
    );
    const requests = await page.$$eval('#wire tr', (rows) =>
      rows.map((row) => row.children[1]?.textContent ?? ''),
    );
    assert.ok(
      requests.some((r) => r.includes('report')),
      requests.join(', '),
    );
    await page.select('#role', 'agent');
    assert.deepEqual(await shownReports(), [
      'complaints-by-status',
      'complaint-sla',
      'complaints-by-category',
      'satisfaction',
    ]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const [path, tags] of [
    ['/examples/plain-html/', ['rapport-loyalty-balance', 'rapport-complaint-form']],
    [
      '/examples/crm-sidebar/',
      ['rapport-customer-card', 'rapport-loyalty-balance', 'rapport-complaint-form'],
    ],
  ] as const) {
    it(`loads ${path} without console errors`, async () => {
      const {page, problems} = await open(path);
      await page.waitForFunction(
        (list: readonly string[]) =>
          list.every((tag) => {
            const root = document.querySelector(tag)?.shadowRoot;
            return (
              root?.querySelector('[part~="name"], [part~="tier"], form') &&
              !root.querySelector('[data-state="loading"]')
            );
          }),
        {timeout: 15_000},
        tags,
      );
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
