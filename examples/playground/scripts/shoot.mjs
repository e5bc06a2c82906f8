// What the screenshot scripts share: the playground on a free port with its own data file and the
// demo data of 2026-11-01, one page of headless Chromium at the given size, and both closed after.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {startPlayground} from '../server.mjs';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';

/** Runs `shoot(page)` on the playground's page, opened at `viewport` (`{width, height}`). */
export async function withPlaygroundPage(viewport, shoot) {
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
    await page.setViewport({...viewport, deviceScaleFactor: 1});
    await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
    await page.goto(`${server.url}/`, {waitUntil: 'networkidle0'});
    await shoot(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
