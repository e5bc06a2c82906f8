// What the repository's scripts share: where the checkout is, how to run the pinned pnpm, and which
// packages are published (with the tarball name `pnpm pack:all` gives each).
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The checkout's root directory (a path, also under directories with spaces). */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm@12.21.0`, as the root package.json pins it. */
export const pinnedPnpm = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).packageManager;

let resolved;
/**
 * The command that runs the pinned pnpm, as `[command, ...arguments]`: the pnpm running this script
 * (`pnpm release`), the one on PATH when it is the pinned version, or the pinned one through npx.
 * Throws with a message for people when none can run.
 */
export function pnpmCommand() {
  if (resolved) return resolved;
  const running = process.env.npm_execpath ?? '';
  if (/pnpm/.test(running))
    return (resolved = /\.c?js$/.test(running) ? [process.execPath, running] : [running]);
  const version = pinnedPnpm.replace(/^pnpm@/, '');
  const onPath = spawnSync('pnpm', ['--version'], {encoding: 'utf8'});
  if (onPath.status === 0 && onPath.stdout.trim() === version) return (resolved = ['pnpm']);
  const viaNpx = spawnSync('npx', ['-y', pinnedPnpm, '--version'], {encoding: 'utf8'});
  if (viaNpx.error?.code === 'ENOENT')
    throw new Error('Could not run npx. Rapport needs Node.js 20 or later with npm on the PATH.');
  if (viaNpx.status !== 0)
    throw new Error(
      `Could not get ${pinnedPnpm} through npx (is the npm registry reachable? try: npm ping).\n` +
        viaNpx.stderr.trim().split('\n').slice(-5).join('\n'),
    );
  return (resolved = ['npx', '-y', pinnedPnpm]);
}

/** `@rapport/widgets` → `rapport-widgets.tgz`. */
export const tarballName = (name) => `${name.replace(/^@/, '').replace('/', '-')}.tgz`;

/** The packages under packages/ that are published: `{directory, manifest, tarball}`, by folder. */
export function publishedPackages() {
  return readdirSync(join(root, 'packages'))
    .sort()
    .map((folder) => {
      const directory = join(root, 'packages', folder);
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
      return {directory, manifest, tarball: tarballName(manifest.name)};
    })
    .filter(({manifest}) => !manifest.private);
}
