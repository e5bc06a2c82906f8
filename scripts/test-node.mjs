#!/usr/bin/env node
// Runs a package's Node tests: every src/**/*.test.ts except *.browser.test.ts (those run in Chromium
// through web-test-runner). TypeScript is loaded with tsx. Node 20's test runner takes no globs, hence
// this file.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

const files = readdirSync('src', {recursive: true, encoding: 'utf8'})
  .filter((file) => file.endsWith('.test.ts') && !file.endsWith('.browser.test.ts'))
  .map((file) => join('src', file))
  .sort();
if (files.length === 0) {
  console.error(`No Node tests under ${join(process.cwd(), 'src')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
