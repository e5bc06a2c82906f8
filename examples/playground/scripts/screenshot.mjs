#!/usr/bin/env node
// Takes the README's screenshot of the playground with headless Chromium: pnpm --filter playground screenshot
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {startPlayground} from '../server.mjs';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';
import {widgetsReady} from '../src/browser.mjs';

const out = process.argv[2] ?? new URL('../../../docs/playground.png', import.meta.url).pathname;
const server = await startPlayground({
  port: 0,
  dataFile: join(mkdtempSync(join(tmpdir(), 'rapport-shot-')), 'data.json'),
  asOf: new Date('2026-11-01T00:00:00Z'),
});
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1440, height: 1400, deviceScaleFactor: 1});
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
  await page.goto(`${server.url}/`, {waitUntil: 'networkidle0'});
  await page.select('#role', 'agent');
  // A member with points, an open complaint and an English name (this machine may lack CJK fonts).
  await page.type('#search', 'George');
  await page.waitForSelector('#results button[data-id="c-050"]');
  await page.click('#results button[data-id="c-050"]');
  await page.waitForFunction(widgetsReady, {timeout: 10_000});
  await page.waitForNetworkIdle();
  await page.screenshot({path: out});
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
