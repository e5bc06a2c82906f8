#!/usr/bin/env node
// Writes the tarball of every published package to packed/<name>.tgz (packed/rapport-widgets.tgz),
// as `npm publish` would upload it: workspace versions replaced by real ones. Until the packages are
// on npm, a project installs them from these files (docs/getting-started.md). Run after a build:
// `pnpm pack:all` builds first. `--out <directory>` writes them elsewhere.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pnpmCommand, publishedPackages, root} from './workspace.mjs';

const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'packed');
rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
const [pnpm, ...pnpmArgs] = pnpmCommand();
for (const {directory, manifest, tarball} of publishedPackages()) {
  const scratch = mkdtempSync(join(tmpdir(), 'rapport-pack-'));
  const packed = spawnSync(pnpm, [...pnpmArgs, 'pack', '--pack-destination', scratch], {
    cwd: directory,
    encoding: 'utf8',
  });
  const [file] = readdirSync(scratch);
  if (packed.status !== 0 || !file) {
    console.error(
      `Could not pack ${manifest.name}:\n${packed.error?.message ?? (packed.stderr || packed.stdout)}`,
    );
    process.exit(1);
  }
  renameSync(join(scratch, file), join(out, tarball));
  rmSync(scratch, {recursive: true, force: true});
  console.log(`${join(out, tarball)}  (${manifest.name}@${manifest.version})`);
}
