#!/usr/bin/env node
// The README's two commands run this file with nothing but Node and npm on the machine:
//   npm start -> node scripts/bootstrap.mjs start
//   npm test  -> node scripts/bootstrap.mjs test
// It gets the pinned pnpm through npx, installs Debian's Chromium (browser tests) and redis-server (the
// Redis store's tests, which start their own servers on free loopback ports and stop them) when they are
// missing, then installs the workspace, builds it, and starts the playground or runs every check.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromiumPath} from './chromium.mjs';
import {redisServerPath} from './redis-server.mjs';

const PNPM_VERSION = '12.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const task = process.argv[2];

const tasks = {
  start: () => {
    installAndBuild();
    step('Starting the playground');
    pnpm(['run', 'playground']);
  },
  test: () => {
    const chromium = ensureChromium();
    const redisServer = ensureRedisServer();
    installAndBuild();
    pnpm(['run', 'verify'], {CHROME_PATH: chromium, REDIS_SERVER: redisServer});
  },
};

function installAndBuild() {
  step('Installing dependencies');
  pnpm(['install', '--frozen-lockfile']);
  step('Building the packages');
  pnpm(['run', 'build']);
}

/** Runs pnpm: the one on PATH when it is the pinned version, otherwise the pinned one through npx. */
function pnpm(args, env = {}) {
  const [command, ...prefix] = pnpmCommand();
  const result = run(command, [...prefix, ...args], {env});
  if (result.status !== 0)
    fail(`"pnpm ${args.join(' ')}" failed (exit code ${result.status}); see the output above.`);
}

let resolvedPnpm;
function pnpmCommand() {
  if (resolvedPnpm) return resolvedPnpm;
  const onPath = run('pnpm', ['--version'], {quiet: true});
  if (onPath.status === 0 && onPath.stdout.trim() === PNPM_VERSION)
    return (resolvedPnpm = ['pnpm']);
  const viaNpx = run('npx', ['-y', `pnpm@${PNPM_VERSION}`, '--version'], {quiet: true});
  if (viaNpx.error?.code === 'ENOENT')
    fail('Could not run npx. Rapport needs Node.js 20 or later with npm on the PATH.');
  if (viaNpx.status !== 0) {
    fail(
      `Could not get pnpm ${PNPM_VERSION} through npx (is the npm registry reachable? try: npm ping).\n` +
        viaNpx.stderr.trim().split('\n').slice(-5).join('\n'),
    );
  }
  return (resolvedPnpm = ['npx', '-y', `pnpm@${PNPM_VERSION}`]);
}

/** The path of a Chromium for the browser tests; installs Debian's package when there is none. */
function ensureChromium() {
  const found = [chromiumPath, '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (found) return found;
  return installDebianPackage('chromium', '/usr/bin/chromium', 'the browser tests', 'CHROME_PATH');
}

/** The path of a redis-server for the store and cluster tests; installs Debian's package when there is none. */
function ensureRedisServer() {
  if (existsSync(redisServerPath)) return redisServerPath;
  return installDebianPackage(
    'redis-server',
    '/usr/bin/redis-server',
    'the Redis store tests (each starts its own server on a free loopback port)',
    'REDIS_SERVER',
  );
}

/** Installs a Debian package with apt-get (as root), or stops with what to do instead. */
function installDebianPackage(name, binary, neededBy, variable) {
  step(`${binary} is missing; installing Debian's "${name}" package for ${neededBy}`);
  const isRoot = process.getuid?.() === 0;
  const aptGet = run('sh', ['-c', 'command -v apt-get'], {quiet: true}).status === 0;
  if (!isRoot || !aptGet) {
    fail(
      `${neededBy} need ${name}, and this script can only install it as root on Debian or Ubuntu.\n` +
        `  Install it yourself (sudo apt-get install -y ${name}), or set ${variable} to its binary,\n` +
        '  then run npm test again.',
    );
  }
  const env = {DEBIAN_FRONTEND: 'noninteractive'};
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', name]]) {
    if (run('apt-get', args, {env}).status !== 0) {
      fail(
        `"apt-get ${args.join(' ')}" failed; see the output above. Install ${name}, then run npm test again.`,
      );
    }
  }
  if (!existsSync(binary)) fail(`apt-get finished but ${binary} is still missing.`);
  return binary;
}

function run(command, args, {env = {}, quiet = false} = {}) {
  return spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: {
      ...process.env,
      // Nothing here may download a browser: the tests use the system Chromium.
      PUPPETEER_SKIP_DOWNLOAD: '1',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      ...env,
    },
  });
}

function step(message) {
  console.log(`\n\u25b6 ${message}`);
}

function fail(message) {
  console.error(`\n\u2716 ${message}`);
  process.exit(1);
}

if (!(task in tasks)) fail(`Unknown task "${task}". Use: node scripts/bootstrap.mjs start|test`);
tasks[task]();
