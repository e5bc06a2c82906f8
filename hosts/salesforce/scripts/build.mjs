// Copies the script-tag bundles of @rapport/browser into the folder static resource `rapport`, which
// `sf project deploy start` zips and uploads with the component. The copies are not committed
// (.gitignore): they are the build output of another package.
import {copyFileSync, mkdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const bundles = ['rapport.iife.js', 'rapport.zh-CN.iife.js'];
// Salesforce takes at most 5 MB per static resource (after zipping, so this is only a warning).
const resourceLimit = 5 * 1024 * 1024;

const require = createRequire(import.meta.url);
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '../force-app/main/default/staticresources/rapport',
);
mkdirSync(target, {recursive: true});

let total = 0;
for (const bundle of bundles) {
  let source;
  try {
    source = require.resolve(`@rapport/browser/${bundle}`);
  } catch (error) {
    console.error(
      `Could not find @rapport/browser/${bundle} (${error.code ?? error.message}). ` +
        'Build it first: npx -y pnpm@12.21.0 --filter @rapport/browser build',
    );
    process.exit(1);
  }
  copyFileSync(source, join(target, basename(source)));
  const {size} = statSync(source);
  total += size;
  console.log(`${bundle}: ${(size / 1024).toFixed(1)} KiB`);
}
if (total > resourceLimit)
  console.warn(
    `The bundles add up to ${total} bytes; a static resource may hold 5 MB once zipped.`,
  );
console.log(`Copied into ${target}`);
