// Shared rollup settings, the one place bundles are configured (Lit's rollup-common.js pattern).
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Plugins for a browser bundle: resolve packages with their browser builds, production unless
 * `development` (the export condition Lit and Rapport choose their development builds by), and turn
 * the CommonJS `require()` calls Ajv's standalone code still contains into imports. The commonjs
 * plugin only looks at .js files unless told, and Ajv's generated file is .mjs.
 */
export function browserPlugins({minify = false, development = false} = {}) {
  return [
    nodeResolve({browser: true, exportConditions: [development ? 'development' : 'production']}),
    commonjs({transformMixedEsModules: true, extensions: ['.js', '.mjs', '.cjs']}),
    json(),
    ...(minify ? [terser({format: {comments: false}, compress: {passes: 2}})] : []),
  ];
}

/** Silences the one harmless warning tsc's decorator helper causes (`this` at the top level). */
export function onwarn(warning, warn) {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
}
