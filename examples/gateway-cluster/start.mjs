// One command for a whole cluster on loopback: Redis, three gateway instances and nginx in front,
// from Debian's packages (apt-get install -y redis-server nginx). Prints where to point a page, and
// stops everything on Ctrl+C.
//   node start.mjs             nginx on a free port
//   PORT=8088 node start.mjs   nginx on 8088
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {signAgentToken} from '@rapport/gateway';
import {freePort, redisServerPath, startRedisServer} from '../../scripts/redis-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const widgets = join(here, '../../packages/browser/dist');
const instances = 3;

const missing = [
  [redisServerPath, 'redis-server'],
  [nginxPath, 'nginx'],
].filter(([path]) => !existsSync(path));
if (missing.length > 0) {
  console.error(
    `This example runs ${missing.map(([, name]) => name).join(' and ')} from Debian's packages, and ${missing.map(([path]) => path).join(', ')} is missing.\n` +
      `  Install: apt-get install -y ${missing.map(([, name]) => name).join(' ')}   (or set REDIS_SERVER / NGINX_PATH to the binaries)`,
  );
  process.exit(1);
}
if (!existsSync(join(widgets, 'rapport.iife.js')))
  console.warn(
    'The widget bundles are not built yet (pnpm -r run build); /widgets/ will answer 404.',
  );

const children = [];
let redis;
let dir;
const stop = async () => {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue;
    child.kill(child.spawnfile === nginxPath ? 'SIGQUIT' : 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await redis?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => stop().then(() => process.exit(0)));

/** Spawns a process that prints its URL on its first line of stdout; resolves with that URL. */
function started(command, args, env) {
  const child = spawn(command, args, {
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (line) => resolve(line.trim()));
    child.once('exit', (code) =>
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

try {
  redis = await startRedisServer();
  const secret = process.env.RAPPORT_GATEWAY_SECRET ?? randomBytes(32).toString('base64url');
  const urls = [];
  for (let i = 0; i < instances; i++) {
    urls.push(
      await started(process.execPath, [join(here, 'gateway.mjs')], {
        PORT: '0',
        REDIS_URL: redis.url,
        RAPPORT_GATEWAY_SECRET: secret,
      }),
    );
  }

  dir = mkdtempSync(join(tmpdir(), 'rapport-nginx-'));
  // nginx's workers run as an unprivileged user: they must be able to enter the directory and read
  // the bundles, copied here as they would be to a web root.
  chmodSync(dir, 0o755);
  if (existsSync(widgets)) cpSync(widgets, join(dir, 'widgets'), {recursive: true});
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const port = Number(process.env.PORT ?? (await freePort()));
  const config = readFileSync(join(here, 'nginx.conf'), 'utf8')
    .replaceAll('{{DIR}}', dir)
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{WIDGETS}}', join(dir, 'widgets'))
    .replaceAll(
      '{{UPSTREAMS}}',
      urls.map((url) => `    server ${new URL(url).host} max_fails=2 fail_timeout=5s;`).join('\n'),
    );
  writeFileSync(join(dir, 'nginx.conf'), config);
  // nginx reads an NGINX variable from its environment as inherited sockets: it gets none.
  const {NGINX: _inherited, ...nginxEnv} = process.env;
  const nginx = spawn(nginxPath, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    env: nginxEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(nginx);
  const front = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (
    (await fetch(`${front}/readyz`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline || nginx.exitCode !== null)
      throw new Error(`nginx did not answer on ${front}/readyz within 10 seconds`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = await signAgentToken({
    agentId: 'cluster-example',
    roles: ['supervisor'],
    key: {secret},
    audience: 'rapport-gateway',
    expiresIn: '1h',
  });
  console.log(`
Rapport gateway cluster: nginx ${front} -> ${urls.join(', ')} -> Redis ${redis.url}

  Point a page at it:  Rapport.httpAdapter({url: '${front}', getToken: () => <a token from your server>})
  Widgets:             ${front}/widgets/rapport.iife.js
  Health:              ${front}/healthz   ${front}/readyz
  Try it (a supervisor token for an hour):
    curl -H 'Authorization: Bearer ${token}' '${front}/v1/customers?id=c-001'

Ctrl+C stops nginx, the gateways and Redis.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop();
  process.exit(1);
}
