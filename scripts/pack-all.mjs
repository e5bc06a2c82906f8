#!/usr/bin/env node
// Writes the tarball of every published package to packed/<name>.tgz (packed/rapport-widgets.tgz),
// as `npm publish` would upload it: workspace versions replaced by real ones. Until the packages are
// on npm, a project installs them from these files (docs/getting-started.md). Run after a build:
// `pnpm pack:all` builds first.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'packed');
rmSync(out, {recursive: true, force: true});
mkdirSync(out);
// The pnpm that runs this script (`pnpm pack:all`), else the pinned one through npx.
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const [pnpm, ...pnpmArgs] = /pnpm/.test(process.env.npm_execpath ?? '')
  ? [process.env.npm_execpath]
  : ['npx', '-y', pinned];
for (const folder of readdirSync(join(root, 'packages')).sort()) {
  const directory = join(root, 'packages', folder);
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const scratch = mkdtempSync(join(tmpdir(), 'rapport-pack-'));
  const packed = spawnSync(pnpm, [...pnpmArgs, 'pack', '--pack-destination', scratch], {
    cwd: directory,
    encoding: 'utf8',
  });
  const [file] = readdirSync(scratch);
  if (packed.status !== 0 || !file) {
    console.error(`Could not pack ${manifest.name}:\n${packed.stderr || packed.stdout}`);
    process.exit(1);
  }
  const name = `${manifest.name.replace(/^@/, '').replace('/', '-')}.tgz`;
  renameSync(join(scratch, file), join(out, name));
  rmSync(scratch, {recursive: true, force: true});
  console.log(`packed/${name}  (${manifest.name}@${manifest.version})`);
}
