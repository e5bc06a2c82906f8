#!/usr/bin/env node
// Takes docs/reports.md's screenshot: the playground's reports in a supervisor's view, with headless
// Chromium: pnpm --filter playground screenshot:reports
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {startPlayground} from '../server.mjs';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';

const out = process.argv[2] ?? new URL('../../../docs/reports.png', import.meta.url).pathname;
const server = await startPlayground({
  port: 0,
  dataFile: join(mkdtempSync(join(tmpdir(), 'rapport-shot-')), 'data.json'),
});
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1440, height: 4000, deviceScaleFactor: 1});
  await page.goto(`${server.url}/`, {waitUntil: 'networkidle0'});
  await page.select('#role', 'supervisor');
  await page.waitForNetworkIdle({idleTime: 800});
  // The first four reports: complaints by status, SLA by week, by category, satisfaction by month.
  const box = await page.evaluate(() => {
    const reports = [...globalThis.document.querySelectorAll('#reports rapport-report')].slice(
      0,
      4,
    );
    const first = reports[0].getBoundingClientRect();
    const last = reports.at(-1).getBoundingClientRect();
    return {x: first.x, y: first.y, width: first.width, height: last.bottom - first.y};
  });
  await page.screenshot({path: out, clip: box});
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
