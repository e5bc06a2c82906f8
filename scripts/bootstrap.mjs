#!/usr/bin/env node
// The README's two commands run this file with nothing but Node and npm on the machine:
//   npm start -> node scripts/bootstrap.mjs start
//   npm test  -> node scripts/bootstrap.mjs test
// It gets the pinned pnpm through npx, installs Debian's chromium, redis-server and nginx for the tests
// when they are missing (see `programs`), then installs the workspace, builds it, and starts the
// playground or runs every check.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chromiumPath} from './chromium.mjs';
import {redisServerPath} from './redis-server.mjs';
import {pnpmCommand, root} from './workspace.mjs';
const task = process.argv[2];

const tasks = {
  start: () => {
    installAndBuild();
    step('Starting the playground');
    pnpm(['run', 'playground']);
  },
  test: () => {
    const paths = ensurePrograms();
    installAndBuild();
    pnpm(['run', 'verify'], paths);
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
  let command, prefix;
  try {
    [command, ...prefix] = pnpmCommand();
  } catch (error) {
    fail(error.message);
  }
  const result = run(command, [...prefix, ...args], {env});
  if (result.status !== 0)
    fail(`"pnpm ${args.join(' ')}" failed (exit code ${result.status}); see the output above.`);
}

/**
 * The programs the tests run, each from Debian's package unless an environment variable names it:
 * Chromium (browser tests), redis-server (the Redis store's tests, which start their own servers on
 * free loopback ports and stop them) and nginx (the gateway-cluster example's test).
 */
const programs = [
  {
    name: 'chromium',
    variable: 'CHROME_PATH',
    found: [chromiumPath, '/usr/bin/chromium-browser'],
    installs: '/usr/bin/chromium',
    neededBy: 'the browser tests',
  },
  {
    name: 'redis-server',
    variable: 'REDIS_SERVER',
    found: [redisServerPath],
    installs: '/usr/bin/redis-server',
    neededBy: 'the Redis store tests',
  },
  {
    name: 'nginx',
    variable: 'NGINX_PATH',
    found: [process.env.NGINX_PATH ?? '/usr/sbin/nginx'],
    installs: '/usr/sbin/nginx',
    neededBy: 'the gateway-cluster example test',
  },
];

/** The path of each program, by its variable; installs Debian's packages of those that are missing. */
function ensurePrograms() {
  const paths = {};
  const missing = [];
  for (const program of programs) {
    const found = program.found.find((path) => existsSync(path));
    if (found) paths[program.variable] = found;
    else missing.push(program);
  }
  if (missing.length === 0) return paths;
  const names = missing.map((p) => p.name).join(' ');
  step(`Installing Debian's ${names} for ${missing.map((p) => p.neededBy).join(', ')}`);
  const isRoot = process.getuid?.() === 0;
  const aptGet = run('sh', ['-c', 'command -v apt-get'], {quiet: true}).status === 0;
  if (!isRoot || !aptGet) {
    fail(
      `The tests need ${names}, and this script can only install them as root on Debian or Ubuntu.\n` +
        `  Install them yourself (sudo apt-get install -y ${names}), or set ${missing.map((p) => p.variable).join(', ')}\n` +
        '  to the binaries, then run npm test again.',
    );
  }
  const env = {DEBIAN_FRONTEND: 'noninteractive'};
  for (const args of [
    ['update'],
    ['install', '-y', '--no-install-recommends', ...missing.map((p) => p.name)],
  ]) {
    if (run('apt-get', args, {env}).status !== 0) {
      fail(
        `"apt-get ${args.join(' ')}" failed; see the output above. Install ${names}, then run npm test again.`,
      );
    }
  }
  for (const program of missing) {
    if (!existsSync(program.installs))
      fail(`apt-get finished but ${program.installs} is still missing.`);
    paths[program.variable] = program.installs;
  }
  return paths;
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
