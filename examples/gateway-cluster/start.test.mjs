// Runs the example's one command (Redis, three gateways, nginx from Debian's packages) and uses the
// cluster through nginx as a page would, then stops it with SIGTERM.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

let child;
let front;
let token;
before(async () => {
  child = spawn(process.execPath, [fileURLToPath(new URL('./start.mjs', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ctrl+C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}:\n${output}`)));
  });
  front = /nginx (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];
  token = /Bearer ([\w.-]+)/.exec(output)[1];
});
after(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

const submit = (key) =>
  fetch(`${front}/v1/complaints`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify({
      customerId: 'c-001',
      channel: 'web',
      category: 'delivery',
      severity: 'high',
      subject: 'Parcel late',
      description: 'Ordered two weeks ago.',
    }),
  });

describe('the gateway cluster example', () => {
  it('answers health checks, reads and the widget bundle through nginx', async () => {
    assert.equal((await fetch(`${front}/healthz`)).status, 200);
    assert.deepEqual(await (await fetch(`${front}/readyz`)).json(), {status: 'ready'});
    const read = await fetch(`${front}/v1/customers?id=c-001`, {
      headers: {authorization: `Bearer ${token}`},
    });
    assert.equal(read.status, 200);
    assert.equal((await read.json()).results[0].id, 'c-001');
    const bundle = await fetch(`${front}/widgets/rapport.iife.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type'), /javascript/);
  });

  it('replays a submission retried through nginx, whichever instance answers', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await submit('example-key'));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201],
    );
    assert.deepEqual(
      answers.map((a) => a.headers.get('idempotent-replayed')),
      [null, 'true', 'true'],
    );
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1, 'one complaint, the same id each time');
  });

  it('limits callers without a token by the address nginx saw, whatever X-Forwarded-For they send', async () => {
    // 30 a minute per address without a valid token. Each request claims another address; nginx
    // appends the one it saw, and the gateway reads that last entry, so all 31 count as one visitor.
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      const headers = {'x-forwarded-for': `203.0.113.${i + 1}`};
      statuses.push((await fetch(`${front}/v1/customers?id=c-001`, {headers})).status);
    }
    assert.deepEqual([statuses[0], statuses[29], statuses[30]], [401, 401, 429]);
  });

  it('stops nginx, the gateways and Redis on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    await assert.rejects(fetch(`${front}/healthz`));
  });
});
