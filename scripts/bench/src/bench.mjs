#!/usr/bin/env node
// pnpm bench [--check] [--only=size,render,requests,startup,typing,core,gateway,vendors,reports]
// (gateway: the memory soak and the load benchmark, section 11)
// Measures Rapport beside the alternatives in one run, prints a table, writes bench/results/latest.json
// and docs/performance.md (a run of some sections only prints). --check exits 1 when a bundle outgrows
// its limit (its budget once met; until then the size it had when the limit was last lowered, so it can
// only shrink) or a bundle has an eval; sizes are deterministic, timings never fail anything: this
// machine is shared and noisy. `npm test` runs `pnpm bench --only=size --check`.
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {cpus, totalmem, release} from 'node:os';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
import {chromiumPath} from '../../chromium.mjs';
import {buildPages, launch, serve} from './browser.mjs';
import {coreSpeed} from './core.mjs';
import {idempotencySoak} from './gateway.mjs';
import {gatewayLoad} from './load.mjs';
import {measureComposition, measureSizes} from './size.mjs';
import {renderCost, reportRender, requestCounts, startup, typing} from './sections.mjs';
import {vendorCalls} from './vendors.mjs';
import {reportSpeed} from './reports.mjs';

const root = new URL('../../../', import.meta.url);
const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (section) => !only || only.includes(section);

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const ratio = (value) => `${value.toFixed(2)}×`;
const table = (headers, rows) =>
  [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `Linux ${release()}`,
  node: process.version,
  chromium: (() => {
    try {
      return execFileSync(chromiumPath, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return 'unknown';
    }
  })(),
};
const results = {machine};
const failures = [];
const unmet = [];

if (wanted('size')) {
  console.log('Measuring sizes…');
  results.size = await measureSizes();
  results.composition = await measureComposition();
  for (const r of results.size) {
    if (r.withinBudget === false)
      unmet.push(`${r.name}: ${kib(r.gzipBytes)} gzip, budget ${r.budgetKiB} KiB`);
    if (r.withinLimit === false)
      failures.push(`${r.name}: ${kib(r.gzipBytes)} gzip, over its limit of ${r.limitKiB} KiB`);
    if (r.group === 'rapport' && r.evals > 0)
      failures.push(`${r.name}: ${r.evals} eval/new Function`);
  }
}

if (['render', 'requests', 'startup', 'typing', 'reports'].some(wanted)) {
  console.log('Building the benchmark pages…');
  const server = await serve(await buildPages());
  const browser = await launch();
  try {
    if (wanted('render')) {
      console.log('Render cost (1,000 cards, 7 runs each)…');
      results.render = await renderCost(browser, server.url);
    }
    if (wanted('requests')) {
      console.log('Requests…');
      results.requests = await requestCounts(browser, server.url);
    }
    if (wanted('startup')) {
      console.log('Start-up…');
      results.startup = await startup(browser, server.url);
    }
    if (wanted('typing')) {
      console.log('Typing…');
      results.typing = await typing(browser, server.url);
    }
    if (wanted('reports')) {
      console.log('Report element (a 52-week line, a 12-category bar chart)…');
      results.reportRender = await reportRender(browser, server.url);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (wanted('core')) {
  console.log('Core (1,000,000 purchases, 1,000,000 ledger lines)…');
  results.core = coreSpeed();
}

if (wanted('gateway')) {
  console.log('Gateway memory soak (20,000 idempotent submissions from one token)…');
  results.gateway = await idempotencySoak();
  console.log('Gateway under load (autocannon on loopback, beside a bare Hono handler)…');
  results.gatewayLoad = await gatewayLoad();
}

if (wanted('vendors')) {
  console.log('Vendor calls (HubSpot and Zendesk adapters on their fakes)…');
  results.vendors = await vendorCalls();
}

if (wanted('reports')) {
  console.log('Reports (100,000 customers in the memory backend, through the gateway)…');
  results.reports = await reportSpeed();
}

// The timing targets, as ratios measured in this run (never asserted in tests: the machine is noisy).
if (results.render) {
  const r = results.render;
  if (r.ratioToPlain > r.target)
    unmet.push(`1,000 full cards: ${ratio(r.ratioToPlain)} plain DOM, target ${r.target}×`);
  if (r.compactRatioToPlain > r.compactTarget)
    unmet.push(
      `1,000 compact cards: ${ratio(r.compactRatioToPlain)} plain DOM, target ${r.compactTarget}×`,
    );
}
if (results.startup && results.startup.ratio > results.startup.target)
  unmet.push(
    `start-up: ${ratio(results.startup.ratio)} a minimal LitElement, target ${results.startup.target}×`,
  );
if (results.typing) {
  const t = results.typing;
  if (t.p95Ms > t.targetP95Ms)
    unmet.push(`typing: p95 ${ms(t.p95Ms)} a keystroke, target ${t.targetP95Ms} ms`);
  if (t.untouchedMutations > 0)
    unmet.push(`typing: ${t.untouchedMutations} mutations in fields not typed in, target 0`);
}
if (results.core && results.core.rfm.ratio > results.core.rfm.target)
  unmet.push(
    `scoreRfm: ${ratio(results.core.rfm.ratio)} its sorting floor, target ${results.core.rfm.target}×`,
  );
if (results.reports && results.reports.ratio > results.reports.target)
  unmet.push(
    `customer-segments report: ${ratio(results.reports.ratio)} the core alone, target ${results.reports.target}×`,
  );
if (results.reportRender) {
  const r = results.reportRender;
  for (const [chart, value] of [
    ['line', r.line.medianMs],
    ['bar', r.bar.medianMs],
  ])
    if (value >= r.target)
      unmet.push(`<rapport-report> ${chart} chart: ${ms(value)}, target under ${r.target} ms`);
}

// The gateway's goal: at 64 connections, at least half the bare handler's requests a second, p99 ≤ 50 ms.
let gatewayGoalMet;
if (results.gatewayLoad) {
  const at64 = (kind) =>
    results.gatewayLoad.reads.find((r) => r.kind === kind && r.connections === 64);
  const share = at64('gateway').requestsPerSecond / at64('bare').requestsPerSecond;
  gatewayGoalMet = share >= 0.5 && at64('gateway').p99Ms <= 50;
  if (!gatewayGoalMet)
    unmet.push(
      `gateway under load: ${ratio(share)} the bare handler at 64 connections, p99 ${ms(at64('gateway').p99Ms)}, goal 0.5× and 50 ms`,
    );
}

// ---- Report ----
const sections = [];
if (results.size) {
  sections.push(
    '## 1. Size (min, gzip -9, brotli 11; each entry bundled alone with everything it imports)',
    table(
      ['bundle', 'min', 'gzip', 'brotli', 'eval / new Function', 'budget (gzip)', 'limit in CI'],
      results.size.map((r) => [
        r.name,
        kib(r.minBytes),
        kib(r.gzipBytes),
        kib(r.brotliBytes),
        String(r.evals),
        r.budgetKiB === undefined
          ? ''
          : `${r.budgetKiB} KiB: ${r.withinBudget ? 'met' : '**not met**'}`,
        r.limitKiB === undefined ? '' : `${r.limitKiB} KiB`,
      ]),
    ),
  );
}
if (results.composition) {
  const [floor, depsFloor] = results.size.filter((r) => r.name.startsWith('floor'));
  sections.push(
    'Where the gzip bytes of the budgeted bundles go (each part replaced by a stub; the difference is its cost):',
    table(
      [
        'bundle',
        'total',
        ...results.composition[0].costs.map((c) => c.part),
        'Lit (the floor above)',
        'Lit, @lit/context and @lit/task (the second floor)',
      ],
      results.composition.map((r) => [
        r.name,
        kib(r.gzipBytes),
        ...r.costs.map((c) => kib(c.gzipBytes)),
        kib(floor.gzipBytes),
        kib(depsFloor.gzipBytes),
      ]),
    ),
  );
}
if (results.render) {
  const r = results.render;
  sections.push(
    `## 2. Render cost (${r.cards.toLocaleString('en')} full customer cards, insertion to painted, median of ${r.runs})`,
    table(
      ['how', 'median', 'runs (ms)', 'JS heap per card', 'elements on page'],
      Object.entries(r.results).map(([name, v]) => [
        name,
        ms(v.medianMs),
        v.runsMs.join(', '),
        `${(v.bytesPerCard / 1024).toFixed(1)} KiB`,
        v.elements.toLocaleString('en'),
      ]),
    ),
    `Rapport / plain DOM: **${ratio(r.ratioToPlain)}** (target at most ${r.target}×); compact cards / plain DOM: **${ratio(r.compactRatioToPlain)}** (target at most ${r.compactTarget}×); a bare LitElement alone is ${ratio(r.results['minimal LitElement'].medianMs / r.results['plain document.createElement'].medianMs)}. A customer card skips rendering while it is off screen (\`content-visibility: auto\` on its box, docs/widgets.md); like for like, Rapport / plain DOM with the same rule is ${ratio(r.ratioToPlainSkipping)}, and Rapport with the rule turned off (every card laid out) / plain DOM is ${ratio(r.laidOutRatioToPlain)}. Rapport's time includes loading every card's customer through the client (batched) and, for the cards on screen, their complaints and interactions; the baselines get their data ready-made. Elements counted in the page's light DOM only.`,
  );
}
if (results.requests) {
  sections.push(
    '## 3. Requests (adapter calls through the client, one page of cards)',
    table(
      [
        'cards',
        'distinct customers',
        'variant',
        "`read('customers')` calls",
        'expected ceil(N/max)',
        'ids requested',
        'duplicate ids',
        'list calls',
      ],
      results.requests.map((r) => [
        String(r.cards),
        String(r.distinctCustomers),
        r.variant,
        String(r.batchedCalls),
        String(r.expectedCalls),
        String(r.idsRequested),
        String(r.duplicateIds),
        String(r.listCalls),
      ]),
    ),
    `Max batch size ${results.requests[0].maxBatch}. Full cards also read their customer's complaints and interactions (two list calls per distinct customer, shared by cards showing the same customer), but only once a card comes within 600 px of the viewport: list calls depend on how many cards fit on the screen (1280 × 720 here), not on the page's length.`,
  );
}
if (results.startup) {
  const s = results.startup;
  sections.push(
    `## 4. Start-up (first line of the bundle to a complaint form on screen, production builds, median of ${s.runs})`,
    table(
      ['page', 'median', 'runs (ms)'],
      [
        [
          'Rapport <rapport-complaint-form> with a document',
          ms(s.rapport.medianMs),
          s.rapport.runsMs.map((v) => v.toFixed(0)).join(', '),
        ],
        [
          'minimal LitElement form, same fields',
          ms(s.lit.medianMs),
          s.lit.runsMs.map((v) => v.toFixed(0)).join(', '),
        ],
      ],
    ),
    `Rapport / minimal LitElement: **${ratio(s.ratio)}** (target at most ${s.target}×). Rapport's time includes checking the document (roughly, in the production build) and resolving its layout for the role and locale.`,
  );
}
if (results.typing) {
  const t = results.typing;
  sections.push(
    `## 5. Typing (${t.keystrokes} keystrokes in the description of a ${t.fields}-field complaint form)`,
    table(
      ['mean per keystroke', 'median', 'p95', 'DOM mutations in the other fields'],
      [[ms(t.meanMs), ms(t.medianMs), ms(t.p95Ms), String(t.untouchedMutations)]],
    ),
    `Script time from the input event to the form re-rendered (Lit updates only the bindings that changed); target: p95 at most ${t.targetP95Ms} ms and no mutations in the other fields. Chromium rounds \`performance.now()\` to 0.1 ms, hence the mean over all keystrokes.`,
  );
}
if (results.core) {
  const c = results.core;
  sections.push(
    `## 6. Core (Node, median of ${c.runs})`,
    table(
      ['task', 'median', 'floor', 'ratio'],
      [
        [
          `scoreRfm: ${c.rfm.purchases.toLocaleString('en')} purchases, ${c.rfm.customers.toLocaleString('en')} customers`,
          ms(c.rfm.medianMs),
          `${ms(c.rfm.floorMs)} (sorting the three columns once)`,
          `**${ratio(c.rfm.ratio)}** (target at most ${c.rfm.target}×)`,
        ],
        [
          `replayLedger: ${c.ledger.transactions.toLocaleString('en')} lines, yearly expiry`,
          ms(c.ledger.medianMs),
          '',
          '',
        ],
      ],
    ),
  );
}

if (results.gateway) {
  const g = results.gateway;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  sections.push(
    `## 7. Gateway memory soak (${g.submissions.toLocaleString('en')} complaints from one customer token, each with its own Idempotency-Key, ${(g.bodyBytes / 1024).toFixed(1)} KiB bodies, over a backend that keeps nothing)`,
    table(
      ['', 'before', 'after'],
      [
        [
          'keys in the idempotency store',
          String(g.store.before.entries),
          String(g.store.after.entries),
        ],
        [
          'store size (key, digest, kept answer)',
          kib(g.store.before.bytes),
          kib(g.store.after.bytes),
        ],
        [
          `JS heap${g.heap.gcExposed ? ' (after a full GC)' : ''}`,
          mib(g.heap.beforeBytes),
          mib(g.heap.afterBytes),
        ],
      ],
    ),
    `The store keeps a SHA-256 of each body, not the body, and at most 1,000 keys per caller (oldest finished first), so one token's flood stays within its quota: ${(g.store.after.bytes / Math.max(1, g.store.after.entries)).toFixed(0)} bytes per key. ${ms(g.elapsedMs)} for the whole run.`,
  );
}

if (results.vendors) {
  const v = results.vendors;
  sections.push(
    '## 8. Vendor calls (customers of one page of cards, through the client and each vendor adapter on its fake)',
    table(
      [
        'vendor',
        'cards',
        'calls to the vendor',
        'batch reads',
        'expected ceil(N / max batch)',
        'customers found',
      ],
      v.rows.map((r) => [
        r.vendor,
        String(r.cards),
        String(r.calls),
        String(r.batchCalls),
        `${r.expected} (max ${r.maxBatch})${r.batchCalls === r.expected ? '' : ' (**not met**)'}`,
        String(r.found),
      ]),
    ),
    table(
      [
        'vendor',
        'delay the rate limit asked for',
        'reads refused during the delay',
        'calls to the vendor during the delay',
      ],
      v.afterLimit.map((r) => [
        r.vendor,
        r.retryAfterMs === undefined
          ? 'none (**not met**)'
          : `${(r.retryAfterMs / 1000).toFixed(0)} s`,
        `${r.retriesRefused} of 20`,
        String(r.callsDuringDelay),
      ]),
    ),
    "HubSpot's injected 429 is its `TEN_SECONDLY_ROLLING` policy (10 s); Salesforce's limit is a 403 `ConcurrentPerOrgLongTxn` (2 s; `REQUEST_LIMIT_EXCEEDED` waits an hour); Zendesk's 429 sends `Retry-After: 30`. After it, the adapter refuses at once with `rate_limited` and the remaining wait (the client retries after it) and sends nothing to the vendor until the delay has passed.",
  );
}

const header = `Measured on ${machine.date}: ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ${machine.chromium}.`;
if (results.reports) {
  const r = results.reports;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  sections.push(
    `## 9. Reports (Node, median of ${r.runs}): customer segments over ${r.customers.toLocaleString('en')} customers and ${r.purchases.toLocaleString('en')} purchases in the memory backend`,
    table(
      ['', 'time', 'ratio'],
      [
        [
          '`scoreRfm` and `segmentDistribution` alone, on the purchases in one array',
          ms(r.coreMs),
          '',
        ],
        [
          'the gateway: `GET /v1/reports/customer-segments`, scanning the backend 1,000 purchases a page',
          ms(r.gatewayMs),
          `**${ratio(r.ratio)}** (target at most ${r.target}×)`,
        ],
      ],
    ),
    table(
      [
        `JS heap${r.heap.gcExposed ? ' (after a full GC)' : ''}`,
        'before',
        'highest while scanning',
        'after',
      ],
      [['', mib(r.heap.beforeBytes), mib(r.heap.peakBytes), mib(r.heap.afterBytes)]],
    ),
    `${r.scored.toLocaleString('en')} customers bought in the year. The backend itself holds most of the heap (its data set took ${(r.setupMs / 1000).toFixed(0)} s to generate); the report keeps one total per customer and per cell, never a copy of the purchases: the heap rose ${mib(r.heap.peakBytes - r.heap.beforeBytes)} at most while it ran and was ${mib(r.heap.afterBytes - r.heap.beforeBytes)} above its start once it was done.`,
  );
}

if (results.reportRender) {
  const r = results.reportRender;
  const verdict = (value) =>
    `${ms(value)} (target under ${r.target} ms${value < r.target ? '' : ': **not met**'})`;
  sections.push(
    `## 10. \`<rapport-report>\` rendering (production build, median of ${r.runs})`,
    table(
      ['chart', 'data points', 'script time, element appended to chart and table in the DOM'],
      [
        ['line: SLA breached per week, 52 weeks', String(r.line.points), verdict(r.line.medianMs)],
        [
          'bar: complaints by category, 12 categories',
          String(r.bar.points),
          verdict(r.bar.medianMs),
        ],
      ],
    ),
    "The report comes from the client at once, so the time is the element's own: its template, the SVG, the figures and the table (Chromium rounds `performance.now()` to 0.1 ms).",
  );
}

if (results.gatewayLoad) {
  const g = results.gatewayLoad;
  const perSecond = (value) => Math.round(value).toLocaleString('en');
  const bare = (connections) =>
    g.reads.find((r) => r.kind === 'bare' && r.connections === connections).requestsPerSecond;
  const met = gatewayGoalMet ? 'met' : '**not met**';
  sections.push(
    `## 11. Gateway under load (autocannon on loopback, ${g.seconds} s per run after a second's warm-up; reads: the median of ${g.reads[0].runs} runs, the cases taking turns; each server in a process of its own, on the same ${machine.cpu.split(' × ')[0]} cores as the load generator)`,
    table(
      [
        'batched read of 10 customers, agent token, redacted',
        'connections',
        'requests/s',
        'vs bare handler',
        'p50',
        'p99',
        'not 2xx',
      ],
      g.reads.map((r) => [
        r.kind === 'bare' ? 'bare Hono handler, the same JSON' : r.kind,
        String(r.connections),
        perSecond(r.requestsPerSecond),
        r.kind === 'bare' ? '' : ratio(r.requestsPerSecond / bare(r.connections)),
        `${r.p50Ms} ms`,
        `${r.p99Ms} ms`,
        String(r.other),
      ]),
    ),
    table(
      [
        'idempotent complaint submissions, a new key each',
        'connections',
        'requests/s',
        'p50',
        'p99',
        'not 2xx',
      ],
      g.submissions.map((r) => [
        `${r.store} store`,
        String(r.connections),
        perSecond(r.requestsPerSecond),
        `${r.p50Ms} ms`,
        `${r.p99Ms} ms`,
        String(r.other),
      ]),
    ),
    `Goal: the gateway at 0.5× the bare handler or better, with p99 at most 50 ms, at 64 connections: ${met}. The gateway verifies the token (a verified token is kept for up to a minute), counts the request against the caller's rate limit, reads the backend and redacts by role; the bare handler answers a string.${g.redisMissing ? ' No redis-server was found, so the Redis store was not measured.' : ' The Redis store is a redis-server of its own on a free loopback port, with every write fsynced to its append-only file.'}`,
  );
}

const report = [header, '', ...sections.flatMap((s) => [s, ''])].join('\n');
console.log(`\n${report}`);
if (!only) {
  mkdirSync(new URL('bench/results/', root), {recursive: true});
  writeFileSync(
    new URL('bench/results/latest.json', root),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const intro = [
    '# Performance',
    '',
    'The figures below come from `pnpm bench` (run it after `npm test` has installed and built everything), which builds every bundle and measures everything in one run, beside the alternatives, and writes them here and to `bench/results/latest.json`. Timings are medians on a shared, noisy machine: compare ratios within one run, not absolute times across machines. `pnpm bench --check` fails when a bundle outgrows its limit (its budget once met; until then the size it had when the limit was last lowered, so it can only shrink) or a browser bundle of Rapport contains `eval` or `new Function`; `npm test` runs it for sizes. `pnpm bench --only=size,render` runs some sections and only prints.',
    '',
  ];
  if (unmet.length > 0) {
    intro.push(
      `Budgets and targets not met in this run: ${unmet.join('; ')}. The table under section 1 shows where the bytes go.`,
      '',
    );
  }
  const path = fileURLToPath(new URL('docs/performance.md', root));
  const markdown = `${intro.join('\n')}\n${report}`;
  writeFileSync(
    path,
    await prettier.format(markdown, {...(await prettier.resolveConfig(path)), filepath: path}),
  );
}
if (unmet.length > 0)
  console.log(`Budgets and targets not met:\n${unmet.map((f) => `  - ${f}`).join('\n')}`);
if (failures.length > 0) {
  console.log(`Over the limit:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  if (check) process.exit(1);
}
