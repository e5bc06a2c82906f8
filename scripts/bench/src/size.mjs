// Section 1: sizes, built in this run. Each entry is bundled alone with everything it imports,
// minified, then compressed (gzip -9, brotli 11).
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import replace from '@rollup/plugin-replace';
import {rollup} from 'rollup';
import {browserPlugins} from '../../rollup-common.mjs';

const resolve = (specifier) => fileURLToPath(import.meta.resolve(specifier));
const entry = (name) => new URL(`./entries/${name}`, import.meta.url).pathname;

/**
 * What is measured, the budgets some of it must meet, and the limits `--check` holds it to until then
 * (in KiB of gzip): lower a limit as a bundle shrinks, remove it once the budget is met.
 */
export const sizeTargets = [
  {
    name: 'customer-card entry',
    group: 'rapport',
    input: resolve('@rapport/widgets/customer-card'),
    budgetKiB: 12,
    // 19.6 until the value formatting was shared with the HubSpot renderer (issue 17); 19.7 until the
    // card skipped rendering off screen (content-visibility, issue 13: 40 bytes); 19.8 until widgets
    // re-rendered in a language registered after them and e-mail addresses wrapped at "@" and "."; 19.9
    // until widgets waited 2 s for a client set after an await before saying they have none; 20 until a
    // widget with nothing to show took no room (data-quiet, shared by every widget); lowered from 20.1
    // when the built-in document's Chinese moved into the zh-CN translation, looked up along the
    // locale's translation chain (issue 13; the same for the limits below).
    limitKiB: 19.7,
  },
  {
    name: 'loyalty-balance entry',
    group: 'rapport',
    input: resolve('@rapport/widgets/loyalty-balance'),
    budgetKiB: 12,
    // 18.4 until the value formatting was shared with the HubSpot renderer (issue 17); 18.5 until the
    // document's validator knew the three acting widgets and loads kept their data shown (issue 18);
    // 18.6 until e-mail addresses wrapped after "@" and before "."; 18.7 until widgets waited 2 s for a
    // client set after an await before saying they have none (again when moved, or when their client
    // goes, busy meanwhile), and the balance took no room on a backend without loyalty accounts
    // (issue 13); lowered from 19.
    limitKiB: 18.9,
  },
  {
    name: 'complaint-form entry',
    group: 'rapport',
    input: resolve('@rapport/widgets/complaint-form'),
    budgetKiB: 12,
    // 22 until widgets re-rendered in a language registered after them; 22.1 until widgets waited 2 s for
    // a client set after an await before saying they have none, busy meanwhile (issue 13); lowered from
    // 22.3.
    limitKiB: 21.9,
  },
  {name: 'provider entry', group: 'rapport', input: resolve('@rapport/widgets/provider')},
  {name: 'report entry', group: 'rapport', input: resolve('@rapport/widgets/report')},
  {
    name: 'provider, card, balance and form, client, adapter-http (rapport.iife.js as budgeted)',
    group: 'rapport',
    input: entry('three-widgets.js'),
    budgetKiB: 20,
    // 35.4 until widgets waited 2 s for a client set after an await before saying they have none and a
    // widget with nothing to show took no room (issue 13); lowered from 35.7.
    limitKiB: 34.8,
  },
  {
    // The budget of 20 KiB was set for the three widgets above; issues 18 and 19 allowed this file at
    // most 4 KiB more for each of rewards, tracker and survey and 8 KiB for the report.
    name: 'rapport.iife.js (all seven widgets, client, adapter-http)',
    group: 'rapport',
    file: resolve('@rapport/browser/rapport.iife.js'),
    budgetKiB: 40,
    // Raised from 34.2 for the host contract (the provider follows a CRM screen's record), issue 16;
    // from 34.6 for the rewards, the complaint tracker and the survey, issue 18 (10.9 KiB, within the
    // 4 KiB a widget the issue allows, once the creates' input checks left the catalogue); from 45.6
    // for <rapport-report> and its own SVG charts, issue 19 (5.5 KiB, within the 8 KiB it allows);
    // from 51.1 for httpAdapter holding a token for its lifetime (reading a JWT's exp), issue 21; from
    // 51.3 for the card skipping rendering off screen, e-mail addresses wrapping at "@" and "." and
    // widgets re-rendering in a language registered after them (issue 13); from 51.5 for widgets waiting
    // 2 s for a client set after an await before saying they have none and a widget with nothing to
    // show taking no room (issue 13). Lowered from 51.7 when the built-in document's Chinese moved into
    // the zh-CN translation (issue 13).
    limitKiB: 50.6,
  },
  {
    name: 'rapport.zh-CN.iife.js (Simplified Chinese for the script tag)',
    group: 'rapport',
    file: resolve('@rapport/browser/rapport.zh-CN.iife.js'),
  },
  {
    name: 'rapport.dev.iife.js (development: Lit dev mode, full document validation)',
    group: 'rapport',
    file: resolve('@rapport/browser/rapport.dev.iife.js'),
  },
  {name: 'client + adapter-http', group: 'rapport', input: entry('client-http.js')},
  {
    name: 'customization validator (standalone, with messages)',
    group: 'rapport',
    input: entry('validator.js'),
  },
  {name: 'floor: minimal LitElement', group: 'alternative', input: entry('lit-floor.js')},
  {
    name: 'floor with @lit/context and @lit/task (what every widget builds on)',
    group: 'alternative',
    input: entry('lit-deps-floor.js'),
  },
  {name: 'Shoelace <sl-card>', group: 'alternative', input: entry('shoelace-card.js')},
  {name: '@rjsf/core + validator-ajv8 + React', group: 'alternative', input: entry('rjsf-form.js')},
];

async function bundle(input, stubs = {}) {
  const stub = {
    name: 'rapport-bench-stub',
    load: (id) => Object.entries(stubs).find(([suffix]) => id.endsWith(suffix))?.[1] ?? null,
  };
  const build = await rollup({
    input,
    plugins: [
      stub,
      replace({
        preventAssignment: true,
        values: {'process.env.NODE_ENV': JSON.stringify('production')},
      }),
      ...browserPlugins({minify: true}),
    ],
    onwarn: () => {},
  });
  const {output} = await build.generate({format: 'es', inlineDynamicImports: true});
  await build.close();
  return output[0].code;
}

const gzipSize = (code) => gzipSync(Buffer.from(code), {level: 9}).length;

/** Stand-ins that remove one part of a bundle, to measure what that part costs. */
const parts = {
  'built-in document (the parts of the widgets in the bundle, in English)': {
    '/schema/dist/default-document.js': [
      'const empty = {schemaVersion: 1, roles: [], fields: {}, widgets: {}};',
      'export const defaultCustomization = empty, defaultCustomerCard = empty, defaultLoyaltyBalance = empty, defaultComplaintForm = empty, defaultRewards = empty, defaultComplaintTracker = empty, defaultSurvey = empty;',
      'export const defaultableParts = [];',
      'export const defaultedParts = () => [], missingParts = () => [], extendDefault = (d) => d;',
    ].join('\n'),
  },
};

/**
 * Where the bytes of the budgeted bundles go: the gzip size with each part replaced by a stub, so the
 * difference is what that part costs. Lit's share is the minimal LitElement's size.
 */
export async function measureComposition() {
  const bundles = [
    {name: 'complaint-form entry', input: resolve('@rapport/widgets/complaint-form')},
    {
      name: 'rapport.iife.js contents',
      input: resolve('@rapport/browser/rapport.iife.js').replace(
        /rapport\.iife\.js$/,
        'rapport.js',
      ),
    },
  ];
  const results = [];
  for (const {name, input} of bundles) {
    const total = gzipSize(await bundle(input));
    const costs = [];
    for (const [part, stubs] of Object.entries(parts)) {
      costs.push({part, gzipBytes: total - gzipSize(await bundle(input, stubs))});
    }
    results.push({name, gzipBytes: total, costs});
  }
  return results;
}

/** Measures every target; `evals` counts `new Function(` and `eval(` in the code. */
export async function measureSizes() {
  const results = [];
  for (const target of sizeTargets) {
    const code = target.file ? readFileSync(target.file, 'utf8') : await bundle(target.input);
    const bytes = Buffer.from(code);
    const gzip = gzipSize(bytes);
    const brotli = brotliCompressSync(bytes, {
      params: {[constants.BROTLI_PARAM_QUALITY]: 11},
    }).length;
    const evals = (code.match(/new Function\s*\(|(?<![.\w$])eval\s*\(/g) ?? []).length;
    results.push({
      name: target.name,
      group: target.group,
      minBytes: bytes.length,
      gzipBytes: gzip,
      brotliBytes: brotli,
      evals,
      ...(target.budgetKiB !== undefined && {
        budgetKiB: target.budgetKiB,
        withinBudget: gzip <= target.budgetKiB * 1024,
      }),
      ...(target.limitKiB !== undefined && {
        limitKiB: target.limitKiB,
        withinLimit: gzip <= target.limitKiB * 1024,
      }),
    });
  }
  return results;
}
