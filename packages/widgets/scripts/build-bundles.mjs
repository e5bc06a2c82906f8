#!/usr/bin/env node
// Builds the two script-tag bundles from tsc's output: rapport.iife.js (widgets and client, global
// `Rapport`) and rapport-demo.iife.js (the same plus the in-memory demo backend). Minified, with Lit's
// production build and Rapport's development warnings compiled out.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {rollup} from 'rollup';
import {browserPlugins, onwarn} from '../../../scripts/rollup-common.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');

/** Replaces shared/dev.js with a module that says this is not a development build. */
const production = {
  name: 'rapport-production',
  load: (id) => (id.endsWith(join('shared', 'dev.js')) ? 'export const DEV_MODE = false;' : null),
};

for (const [entry, file] of [
  ['rapport-iife.js', 'rapport.iife.js'],
  ['rapport-demo-iife.js', 'rapport-demo.iife.js'],
]) {
  const bundle = await rollup({
    input: join(dist, entry),
    plugins: [production, ...browserPlugins({minify: true})],
    onwarn,
  });
  await bundle.write({file: join(dist, file), format: 'iife', name: 'Rapport', sourcemap: true});
  await bundle.close();
}
console.log('built dist/rapport.iife.js and dist/rapport-demo.iife.js');
