#!/usr/bin/env node
// Takes the README's screenshot of the playground with headless Chromium: pnpm --filter playground screenshot
import {widgetsReady} from '../src/browser.mjs';
import {withPlaygroundPage} from './shoot.mjs';

const out = process.argv[2] ?? new URL('../../../docs/playground.png', import.meta.url).pathname;
await withPlaygroundPage({width: 1440, height: 1400}, async (page) => {
  await page.select('#role', 'agent');
  // A member with points, an open complaint and an English name (this machine may lack CJK fonts).
  await page.type('#search', 'George');
  await page.waitForSelector('#results button[data-id="c-050"]');
  await page.click('#results button[data-id="c-050"]');
  await page.waitForFunction(widgetsReady, {timeout: 10_000});
  await page.waitForNetworkIdle();
  await page.screenshot({path: out});
  console.log(`wrote ${out}`);
});
