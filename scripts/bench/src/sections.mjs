// Sections 2 to 5, in Chromium. Every figure is a median of several fresh pages, and every comparison is
// a ratio of figures measured in this same run.
import {median, open} from './browser.mjs';

const RUNS = 7;

/** Section 2: 1,000 cards, Rapport beside the same DOM by hand and by a bare LitElement. */
export async function renderCost(browser, url, cards = 1000) {
  const variants = {
    'Rapport <rapport-customer-card>': ['render-rapport', 'full'],
    'plain document.createElement': ['render-plain'],
    'minimal LitElement': ['render-lit'],
    'Rapport, variant="compact" (header only)': ['render-rapport', 'compact'],
  };
  const results = {};
  for (const [name, [path, variant]] of Object.entries(variants)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await open(browser, url, path);
      runs.push(await page.evaluate(([n, v]) => window.bench.mount(n, v), [cards, variant]));
      await page.close();
    }
    results[name] = {
      medianMs: median(runs.map((r) => r.ms)),
      runsMs: runs.map((r) => Math.round(r.ms)),
      bytesPerCard: median(runs.map((r) => r.bytesPerCard)),
      elements: runs[0].nodes,
    };
  }
  const rapport = results['Rapport <rapport-customer-card>'].medianMs;
  return {
    cards,
    runs: RUNS,
    results,
    ratioToPlain: rapport / results['plain document.createElement'].medianMs,
    target: 1.3,
  };
}

/** Section 3: adapter calls for pages of 1 to 1,000 cards. */
export async function requestCounts(browser, url) {
  const page = await open(browser, url, 'requests');
  const rows = [];
  for (const [n, distinct] of [
    [1, 1],
    [10, 10],
    [100, 100],
    [1000, 1000],
    [100, 10],
    [1000, 1],
  ]) {
    for (const variant of ['compact', 'full']) {
      const counts = await page.evaluate(
        ([a, b, c]) => window.bench.page(a, b, c),
        [n, distinct, variant],
      );
      rows.push({
        cards: n,
        distinctCustomers: distinct,
        variant,
        ...counts,
        expectedCalls: Math.ceil(distinct / counts.maxBatch),
        ok:
          counts.batchedCalls === Math.ceil(distinct / counts.maxBatch) &&
          counts.duplicateIds === 0,
      });
    }
  }
  await page.close();
  return rows;
}

/** Section 4: start-up with the build-time validator against compiling the schema at run time. */
export async function startup(browser, url) {
  const measure = async (path) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await open(browser, url, path, 'window.result');
      runs.push(await page.evaluate(() => window.result));
      await page.close();
    }
    return {
      medianMs: median(runs.map((r) => r.ms)),
      validateMs: median(runs.map((r) => r.validateMs)),
    };
  };
  const standalone = await measure('startup-standalone');
  const runtime = await measure('startup-runtime');
  const page = await open(browser, url, 'validate-only');
  const steps = {standalone: [], runtime: []};
  for (let i = 0; i < RUNS; i++) {
    steps.standalone.push((await page.evaluate(() => window.bench.standalone())).ms);
    steps.runtime.push((await page.evaluate(() => window.bench.runtime())).ms);
  }
  await page.close();
  return {
    runs: RUNS,
    standalone,
    runtime,
    ratio: standalone.medianMs / runtime.medianMs,
    target: 0.1,
    validationOnly: {
      standaloneMs: median(steps.standalone),
      runtimeCompileMs: median(steps.runtime),
      ratio: median(steps.standalone) / median(steps.runtime),
    },
  };
}

/** Section 5: script time per keystroke in a 12-field form, and mutations outside the typed field. */
export async function typing(browser, url, keystrokes = 500) {
  const page = await open(browser, url, 'typing');
  const result = await page.evaluate((n) => window.bench.type(n), keystrokes);
  await page.close();
  const sorted = [...result.times].sort((a, b) => a - b);
  return {
    fields: result.fields,
    keystrokes,
    meanMs: result.totalMs / keystrokes,
    medianMs: median(result.times),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)],
    untouchedMutations: result.untouchedMutations,
  };
}
