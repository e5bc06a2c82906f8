#!/usr/bin/env node
// `pnpm release`: builds every package, runs every check, and publishes with `changeset publish`
// (each package whose version is not on npm yet, with a git tag per package). Run it on main after
// `pnpm changeset version` has been committed. `pnpm release --dry-run` runs the checks before the
// tests (build, lint, types, publint and attw, the size gate), then writes the tarballs `pnpm pack:all`
// writes and a list of what would be published; it needs no network and no npm login.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {pnpmCommand, publishedPackages, root} from './workspace.mjs';

const dryRun = process.argv.includes('--dry-run');

/** Stops the release with a message: nothing has been published. */
function stop(message, status = 1) {
  console.error(`\n✖ ${message}: nothing was published.`);
  process.exit(status);
}

/** Runs one step, stopping the release with its name when it fails. */
function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {cwd: root, stdio: 'inherit'});
  if (result.error) stop(`${name} could not start (${result.error.message})`);
  if (result.status !== 0) stop(`${name} failed`, result.status ?? 1);
}

let pnpmPrefix;
try {
  pnpmPrefix = pnpmCommand();
} catch (error) {
  stop(error.message);
}
const [pnpmBin, ...pnpmArgs] = pnpmPrefix;
const pnpm = (name, args) => step(name, pnpmBin, [...pnpmArgs, ...args]);

const pending = readdirSync(join(root, '.changeset')).filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
);
if (pending.length > 0 && !dryRun) {
  console.error(
    `${pending.length} changesets are not applied yet: run \`pnpm changeset version\`, review and commit the versions and CHANGELOG.md files, then release.`,
  );
  process.exit(1);
}

pnpm('build', ['-r', 'run', 'build']);
pnpm('lint', ['run', 'lint']);
pnpm('types', ['run', 'typecheck']);
pnpm('package checks (publint, attw)', ['run', 'publint']);
pnpm('bundle sizes', ['run', 'size']);
if (!dryRun) {
  pnpm('tests in Node', ['run', 'test:node']);
  pnpm('tests in Chromium', ['run', 'test:browser']);
  pnpm('publish', ['exec', 'changeset', 'publish']);
  process.exit(0);
}

step('tarballs', process.execPath, [join(root, 'scripts/pack-all.mjs')]);
console.log('\nWould publish (dry run: nothing was sent):');
for (const {manifest, tarball} of publishedPackages()) {
  const kib = (statSync(join(root, 'packed', tarball)).size / 1024).toFixed(1);
  console.log(`  ${manifest.name}@${manifest.version}  packed/${tarball}  ${kib} KiB`);
}
if (pending.length > 0)
  console.log(
    `\n${pending.length} changesets are not applied: \`pnpm changeset version\` would raise the versions first.`,
  );
