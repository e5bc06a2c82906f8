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
    // Like for like: a card skips rendering off screen (content-visibility: auto on its box), so the
    // same rule on the plain cards (with their own size, 210 px of content), and Rapport's cards with
    // it turned off, show what the rule alone is worth.
    'plain document.createElement, content-visibility: auto': [
      'render-plain',
      'full',
      '.card { content-visibility: auto; contain-intrinsic-size: auto 320px auto 210px; }',
    ],
    'Rapport, content-visibility: visible (every card laid out)': [
      'render-rapport',
      'full',
      'rapport-customer-card::part(base) { content-visibility: visible; }',
    ],
  };
  const results = {};
  for (const [name, [path, variant, css]] of Object.entries(variants)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await open(browser, url, path);
      if (css) await page.addStyleTag({content: css});
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
  const plain = results['plain document.createElement'].medianMs;
  return {
    cards,
    runs: RUNS,
    results,
    ratioToPlain: results['Rapport <rapport-customer-card>'].medianMs / plain,
    target: 1.6,
    compactRatioToPlain: results['Rapport, variant="compact" (header only)'].medianMs / plain,
    compactTarget: 1.3,
    ratioToPlainSkipping:
      results['Rapport <rapport-customer-card>'].medianMs /
      results['plain document.createElement, content-visibility: auto'].medianMs,
    laidOutRatioToPlain:
      results['Rapport, content-visibility: visible (every card laid out)'].medianMs / plain,
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

/** Section 4: start-up of a production complaint form against a minimal LitElement form, in one run. */
export async function startup(browser, url, count = 21) {
  const runs = {rapport: [], lit: []};
  // Alternated, so both pages see the same machine.
  for (let i = 0; i < count; i++) {
    for (const name of ['rapport', 'lit']) {
      const page = await open(browser, url, `startup-${name}`, 'window.result');
      runs[name].push((await page.evaluate(() => window.result)).ms);
      await page.close();
    }
  }
  const rapport = {medianMs: median(runs.rapport), runsMs: runs.rapport};
  const lit = {medianMs: median(runs.lit), runsMs: runs.lit};
  return {runs: count, rapport, lit, ratio: rapport.medianMs / lit.medianMs, target: 1.5};
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
    targetP95Ms: 0.4,
    untouchedMutations: result.untouchedMutations,
  };
}

/** Section 10: script time of <rapport-report> drawing a 52-week line and a 12-category bar chart. */
export async function reportRender(browser, url, runs = 21) {
  const page = await open(browser, url, 'report-render');
  const result = await page.evaluate((n) => window.bench.run(n), runs);
  await page.close();
  return {
    runs,
    target: 16,
    line: {medianMs: median(result.complaintSla.times), points: result.complaintSla.points},
    bar: {
      medianMs: median(result.complaintsByCategory.times),
      points: result.complaintsByCategory.points,
    },
  };
}
