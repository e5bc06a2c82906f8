#!/usr/bin/env node
// Builds the script-tag bundles from tsc's output, each with global `Rapport`:
// - rapport.iife.js: production (Lit's production build, Rapport's production mode: no JSON Schema
//   validator, no development warnings), minified;
// - rapport.dev.iife.js: development (Lit's dev mode and Rapport's full document validation with
//   friendly problems in the console), not minified;
// - rapport-demo.iife.js: production plus the in-memory demo backend;
// - rapport.zh-CN.iife.js: Simplified Chinese, for a page that loaded one of the others: the text
//   registry stays theirs (@rapport/schema is the `Rapport` global here), so it holds the texts alone.
// Which build a module gets is chosen by the `development` export condition, as in Lit's packages.
import {dirname, join, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {rollup} from 'rollup';
import {browserPlugins, onwarn} from '../../../scripts/rollup-common.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');

const bundles = [
  {entry: 'rapport.js', file: 'rapport.iife.js', development: false},
  {entry: 'rapport.js', file: 'rapport.dev.iife.js', development: true},
  {entry: 'rapport-demo.js', file: 'rapport-demo.iife.js', development: false},
];
// @rapport/schema's text registry, by name or (inside the package) by path.
const registry = (id) =>
  id === '@rapport/schema' || id.endsWith(`${sep}schema${sep}dist${sep}translations.js`);

for (const {entry, file, development} of bundles) {
  const bundle = await rollup({
    input: join(dist, entry),
    plugins: browserPlugins({minify: !development, development}),
    onwarn,
  });
  await bundle.write({file: join(dist, file), format: 'iife', name: 'Rapport', sourcemap: true});
  await bundle.close();
}

const translation = await rollup({
  input: join(dist, 'translations/zh-CN.js'),
  plugins: browserPlugins({minify: true}),
  external: registry,
  onwarn,
});
await translation.write({
  file: join(dist, 'rapport.zh-CN.iife.js'),
  format: 'iife',
  globals: () => 'Rapport',
  banner:
    "if (typeof Rapport === 'undefined' || typeof Rapport.registerBuiltInTranslation !== 'function') throw new Error('rapport.zh-CN.iife.js adds a language to rapport.iife.js (or rapport.dev.iife.js) of the same version: load that first.');",
  sourcemap: true,
});
await translation.close();
console.log(
  `built ${[...bundles.map((b) => b.file), 'rapport.zh-CN.iife.js'].map((f) => `dist/${f}`).join(', ')}`,
);
