#!/usr/bin/env node
// `pnpm release`: builds every package, runs every check, and publishes with `changeset publish`
// (each package whose version is not on npm yet, with a git tag per package). Run it on main after
// `pnpm changeset version` has been committed. `pnpm release --dry-run` does the same up to the
// publish, which it replaces with the tarballs `pnpm pack:all` writes and a list of what would be
// published; it needs no network and no npm login.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dryRun = process.argv.includes('--dry-run');
const pnpm = process.env.npm_execpath ?? 'pnpm';

/** Runs one step, stopping the release with its name when it fails. */
function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {cwd: root, stdio: 'inherit'});
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed: nothing was published.`);
    process.exit(result.status ?? 1);
  }
}

const pending = readdirSync(join(root, '.changeset')).filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
);
if (pending.length > 0 && !dryRun) {
  console.error(
    `${pending.length} changesets are not applied yet: run \`pnpm changeset version\`, review and commit the versions and CHANGELOG.md files, then release.`,
  );
  process.exit(1);
}

step('build', pnpm, ['-r', 'run', 'build']);
step('lint', pnpm, ['run', 'lint']);
step('types', pnpm, ['run', 'typecheck']);
step('package checks (publint, attw)', pnpm, ['run', 'publint']);
step('bundle sizes', pnpm, ['run', 'size']);
if (!dryRun) {
  step('tests in Node', pnpm, ['run', 'test:node']);
  step('tests in Chromium', pnpm, ['run', 'test:browser']);
  step('publish', pnpm, ['exec', 'changeset', 'publish']);
  process.exit(0);
}

step('tarballs', process.execPath, [join(root, 'scripts/pack-all.mjs')]);
console.log('\nWould publish (dry run: nothing was sent):');
for (const folder of readdirSync(join(root, 'packages')).sort()) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const tarball = `${manifest.name.replace(/^@/, '').replace('/', '-')}.tgz`;
  const kib = (statSync(join(root, 'packed', tarball)).size / 1024).toFixed(1);
  console.log(`  ${manifest.name}@${manifest.version}  packed/${tarball}  ${kib} KiB`);
}
if (pending.length > 0)
  console.log(
    `\n${pending.length} changesets are not applied: \`pnpm changeset version\` would raise the versions first.`,
  );
