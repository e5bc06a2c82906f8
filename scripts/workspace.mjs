// What the repository's scripts share: where the checkout is, its root package.json, where it is on
// the web, how to run the pinned pnpm, the workspace's packages and which of them are published (with
// the tarball name `pnpm pack:all` gives each).
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The checkout's root directory (a path, also under directories with spaces). */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** The root package.json. */
export const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** `pnpm@12.21.0`, as the root package.json pins it. */
export const pinnedPnpm = rootManifest.packageManager;
/** Where the repository's files are on the web, from the root package.json's `homepage`. */
export const repositoryUrl = rootManifest.homepage.replace(/#.*$/, '');

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

/**
 * Every package of the workspace (the folders pnpm-workspace.yaml names, `packages/*` and the like):
 * `{folder, directory, manifest, tarball}`, by folder.
 */
export function workspacePackages() {
  const parents = [
    ...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^ {2}- '([^']+)\/\*'$/gm),
  ].map((match) => match[1]);
  return parents.flatMap((parent) =>
    readdirSync(join(root, parent), {withFileTypes: true})
      .filter(
        (entry) =>
          entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')),
      )
      .map((entry) => entry.name)
      .sort()
      .map((name) => {
        const directory = join(root, parent, name);
        const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
        return {
          folder: `${parent}/${name}`,
          directory,
          manifest,
          tarball: tarballName(manifest.name),
        };
      }),
  );
}

/** The packages under packages/ that are published, as {@link workspacePackages} gives them. */
export function publishedPackages() {
  return workspacePackages().filter(
    ({folder, manifest}) => folder.startsWith('packages/') && !manifest.private,
  );
}
