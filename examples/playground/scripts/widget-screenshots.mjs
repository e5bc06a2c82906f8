#!/usr/bin/env node
// Takes docs/widgets.md's screenshots of the acting widgets, in the customer's and the agent's view,
// with headless Chromium: pnpm --filter playground screenshot:widgets
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {withPlaygroundPage} from './shoot.mjs';

const out = process.argv[2] ?? new URL('../../../docs/widgets/', import.meta.url).pathname;
mkdirSync(out, {recursive: true});
await withPlaygroundPage({width: 1440, height: 2400}, async (page) => {
  // A member with points, rewards and complaints, and an English name (this machine may lack CJK fonts).
  const customerId = process.env.SHOT_CUSTOMER ?? 'c-050';
  await page.type('#search', customerId);
  await page.waitForSelector(`#results button[data-id="${customerId}"]`);
  await page.click(`#results button[data-id="${customerId}"]`);
  for (const role of ['customer', 'agent']) {
    await page.select('#role', role);
    await page.waitForNetworkIdle({idleTime: 500});
    for (const id of ['rewards', 'tracker', ...(role === 'customer' ? ['nps'] : [])]) {
      const element = await page.$(`#${id}`);
      // Opens the first complaint of the tracker, so its thread shows.
      if (id === 'tracker')
        await page.evaluate(() =>
          globalThis.document
            .querySelector('#tracker')
            ?.shadowRoot?.querySelector('button[aria-expanded]')
            ?.click(),
        );
      await page.waitForNetworkIdle({idleTime: 300});
      const path = join(out, `${id}-${role}.png`);
      await element.screenshot({path});
      console.log(`wrote ${path}`);
    }
  }
});
