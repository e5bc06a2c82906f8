#!/usr/bin/env node
// Takes docs/reports.md's screenshot: the playground's reports in a supervisor's view, with headless
// Chromium: pnpm --filter playground screenshot:reports
import {withPlaygroundPage} from './shoot.mjs';

const out = process.argv[2] ?? new URL('../../../docs/reports.png', import.meta.url).pathname;
await withPlaygroundPage({width: 1440, height: 4000}, async (page) => {
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
});
