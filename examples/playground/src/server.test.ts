// The playground answers only to pages of its own: other sites cannot read its tokens (DNS
// rebinding), change its demo state (cross-site posts) or frame it. Plain HTTP, no browser.
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startPlayground} from '../server.mjs';

let server: Awaited<ReturnType<typeof startPlayground>>;
let port: number;

/** One request with exactly these headers (fetch would not let a test choose Host). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{status: number; headers: Record<string, unknown>; text: string}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {host: '127.0.0.1', port, method, path, headers: {host: `127.0.0.1:${port}`, ...headers}},
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, text}));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = {'content-type': 'application/json'};

describe('the playground server', () => {
  before(async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'rapport-playground-')), 'data.json');
    server = await startPlayground({port: 0, dataFile});
    port = Number(new URL(server.url).port);
  });
  after(() => server?.close());

  it('answers only to its own host names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      assert.equal((await send('GET', '/token?role=supervisor', {host})).status, 200, host);
    for (const host of [`rebind.example:${port}`, 'rebind.example', `127.0.0.1.rebind.example`]) {
      const answer = await send('GET', '/token?role=supervisor', {host});
      assert.equal(answer.status, 403, host);
      assert.doesNotMatch(answer.text, /^ey/, 'no token in the refusal');
    }
    assert.equal((await send('GET', '/api/healthz', {host: 'rebind.example'})).status, 403);
  });

  it('takes demo changes only as same-origin JSON', async () => {
    const on = JSON.stringify({on: false});
    assert.equal((await send('POST', '/demo/faults', json, on)).status, 200, 'curl-like');
    const sameOrigin = {
      ...json,
      origin: `http://127.0.0.1:${port}`,
      'sec-fetch-site': 'same-origin',
    };
    assert.equal((await send('POST', '/demo/faults', sameOrigin, on)).status, 200);
    const form = {'content-type': 'application/x-www-form-urlencoded'};
    assert.equal((await send('POST', '/demo/reset', form, 'x=1')).status, 415, 'a form post');
    assert.equal(
      (await send('POST', '/demo/reset', {'content-type': 'text/plain'}, '{}')).status,
      415,
    );
    for (const foreign of [
      {origin: 'https://evil.example'},
      {origin: 'null'},
      {'sec-fetch-site': 'cross-site'},
      {'sec-fetch-site': 'same-site'},
    ])
      assert.equal(
        (await send('POST', '/demo/faults', {...json, ...foreign}, on)).status,
        403,
        JSON.stringify(foreign),
      );
  });

  it('answers malformed and oversized bodies with 400 and 413', async () => {
    const malformed = await send('POST', '/demo/faults', json, '{"on": tru');
    assert.equal(malformed.status, 400);
    assert.match(JSON.parse(malformed.text).error, /"on": true/);
    const customization = await send('PUT', '/demo/customization', json, '{"schemaVersion": 1,');
    assert.equal(customization.status, 400);
    assert.ok(JSON.parse(customization.text).problems.length > 0);
    const large = JSON.stringify({schemaVersion: 1, padding: 'x'.repeat(300 * 1024)});
    const oversized = await fetch(`${server.url}/demo/customization`, {
      method: 'PUT',
      headers: json,
      body: large,
    });
    assert.equal(oversized.status, 413);
    assert.equal((await send('GET', '/demo/customization')).status, 200, 'the document is kept');
  });

  it('lists the customer the page shows first, so it can be seen chosen', async () => {
    const ids = async (query: string) =>
      (JSON.parse((await send('GET', `/demo/customers?${query}`)).text) as {id: string}[]).map(
        (c) => c.id,
      );
    const plain = await ids('q=');
    assert.equal(plain.length, 25);
    assert.ok(!plain.includes('c-050'), 'beyond the first page of the list');
    const shown = await ids('q=&selected=c-050');
    assert.deepEqual(shown, ['c-050', ...plain.slice(0, 24)]);
    assert.deepEqual(await ids('q=george&selected=c-001'), await ids('q=george'));
  });

  it('may not be framed', async () => {
    const page = await send('GET', '/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
  });
});
