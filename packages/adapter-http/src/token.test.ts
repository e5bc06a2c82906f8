import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse, delay} from 'msw';
import {setupServer} from 'msw/node';
import {httpAdapter} from '@rapport/adapter-http';
import {refreshBeforeExpiryMs, tokenSource} from './token.js';

const url = 'https://gateway.example/rapport';
const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** An unsigned JWT-shaped token expiring at `exp` (seconds); the adapter only reads its payload. */
const jwt = (name: string, exp: number) =>
  ['e30', Buffer.from(JSON.stringify({sub: name, exp})).toString('base64url'), 'sig'].join('.');

describe('httpAdapter: token lifetime', () => {
  it('asks for a token once for several calls, concurrent or not', async () => {
    const sent: (string | null)[] = [];
    server.use(
      http.get(`${url}/v1/customers`, async ({request}) => {
        sent.push(request.headers.get('authorization'));
        await delay(5);
        return HttpResponse.json({results: [{id: 'c-1', record: null}]});
      }),
      http.get(`${url}/v1/customers/:id/complaints`, ({request}) => {
        sent.push(request.headers.get('authorization'));
        return HttpResponse.json({items: [], nextCursor: null});
      }),
    );
    const asked: boolean[] = [];
    const token = jwt('ana', Math.floor(Date.now() / 1000) + 3600);
    const adapter = httpAdapter({
      url,
      getToken: async ({refresh}) => (asked.push(refresh), await delay(5), token),
    });
    await Promise.all([
      adapter.resources.customers!.read(['c-1']),
      adapter.resources.customers!.read(['c-2']),
    ]);
    await adapter.resources.customers!.read(['c-3']);
    await adapter.resources.complaints!.list('c-1');
    assert.deepEqual(asked, [false], 'one token for four calls');
    assert.equal(sent.length, 4);
    assert.ok(sent.every((header) => header === `Bearer ${token}`));
  });

  it('asks again shortly before exp, as a refresh', async () => {
    let clock = 1_000_000_000_000;
    const asked: boolean[] = [];
    const tokens = tokenSource(
      ({refresh}) => (asked.push(refresh), jwt(`t${asked.length}`, clock / 1000 + 300)),
      () => clock,
    );
    const first = await tokens.current();
    clock += 300_000 - refreshBeforeExpiryMs - 1;
    assert.equal(await tokens.current(), first, 'still held just before the margin');
    clock += 2;
    const second = await tokens.current();
    assert.notEqual(second, first);
    assert.deepEqual(asked, [false, true]);
  });

  it('asks halfway through a short life, and holds a token that looks expired until refused', async () => {
    let clock = 1_000_000_000_000;
    const asked: boolean[] = [];
    let life = 20; // seconds
    const tokens = tokenSource(
      ({refresh}) => (asked.push(refresh), jwt(`t${asked.length}`, clock / 1000 + life)),
      () => clock,
    );
    const short = await tokens.current();
    clock += 9_000;
    assert.equal(await tokens.current(), short, 'held for the first half of 20 s');
    clock += 2_000;
    assert.notEqual(await tokens.current(), short);
    // This clock runs a minute ahead of the server's: the token it gets looks expired.
    life = -60;
    clock += 60_000;
    const skewed = await tokens.current();
    assert.equal(await tokens.current(), skewed);
    assert.equal(await tokens.current(), skewed, 'not asked for again on every request');
    assert.deepEqual(asked, [false, true, true]);
  });

  it('refreshes after a refusal even when a plain ask was on its way', async () => {
    const asked: boolean[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tokens = tokenSource(async ({refresh}) => {
      asked.push(refresh);
      if (!refresh) await gate;
      return refresh ? 'fresh' : 'cached';
    });
    const first = tokens.current(); // a plain ask, still on its way
    const refreshed = tokens.refresh('cached'); // a request was refused with the cached token
    release();
    assert.equal(await first, 'cached');
    assert.equal(await refreshed, 'fresh', 'the host cache handed back the refused token');
    assert.deepEqual(asked, [false, true]);
  });

  it('holds a token without exp until it is refused, and never holds null', async () => {
    let n = 0;
    const opaque = tokenSource(() => `opaque-${++n}`);
    assert.equal(await opaque.current(), 'opaque-1');
    assert.equal(await opaque.current(), 'opaque-1');
    assert.equal(await opaque.refresh('opaque-1'), 'opaque-2');
    assert.equal(
      await opaque.refresh('opaque-1'),
      'opaque-2',
      'a stale refusal reuses the new one',
    );
    let anonymousAsks = 0;
    const anonymous = tokenSource(() => (anonymousAsks++, null));
    await anonymous.current();
    await anonymous.current();
    assert.equal(anonymousAsks, 2);
  });

  it('refreshes once for concurrent 401s, and retries each request once', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const stale = jwt('stale', exp);
    const fresh = jwt('fresh', exp);
    let requests = 0;
    server.use(
      http.get(`${url}/v1/customers`, async ({request}) => {
        requests++;
        await delay(5);
        return request.headers.get('authorization') === `Bearer ${fresh}`
          ? HttpResponse.json({results: [{id: 'c-1', record: null}]})
          : HttpResponse.json(
              {
                error: {
                  code: 'unauthorized',
                  message: 'revoked',
                  details: {reason: 'token_revoked'},
                },
              },
              {status: 401},
            );
      }),
    );
    const asked: boolean[] = [];
    const adapter = httpAdapter({
      url,
      getToken: ({refresh}) => (asked.push(refresh), refresh ? fresh : stale),
    });
    await Promise.all([
      adapter.resources.customers!.read(['c-1']),
      adapter.resources.customers!.read(['c-2']),
      adapter.resources.customers!.read(['c-3']),
    ]);
    assert.deepEqual(asked, [false, true], 'one refresh for three refusals');
    assert.equal(requests, 6);
  });
});
