import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse, delay} from 'msw';
import {setupServer} from 'msw/node';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, isRapportError} from '@rapport/core';

const url = 'https://gateway.example/rapport';
const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => server.resetHandlers());
after(() => server.close());

const complaintInput = {
  customerId: 'c-1',
  channel: 'web',
  category: 'delivery',
  severity: 'low',
  subject: 's',
  description: 'd',
} as const;

describe('httpAdapter: requests', () => {
  it('reads batches with repeated query parameters, each id encoded once', async () => {
    let seen: string[] = [];
    let auth: string | null = null;
    server.use(
      http.get(`${url}/v1/customers`, ({request}) => {
        seen = new URL(request.url).searchParams.getAll('id');
        auth = request.headers.get('authorization');
        return HttpResponse.json({results: seen.map((id) => ({id, record: null}))});
      }),
    );
    const adapter = httpAdapter({url: `${url}/`, getToken: () => 'tok'});
    const results = await adapter.resources.customers!.read(['a&b', 'c/d', 'a&b', '客户']);
    assert.deepEqual(seen, ['a&b', 'c/d', '客户']);
    assert.equal(results.length, 3);
    assert.equal(auth, 'Bearer tok');
    assert.deepEqual(
      await adapter.resources.customers!.read([]),
      [],
      'an empty batch needs no request',
    );
  });

  it('posts complaints as JSON with the idempotency key in a header', async () => {
    let key: string | null = null;
    let body: unknown;
    server.use(
      http.post(`${url}/v1/complaints`, async ({request}) => {
        key = request.headers.get('idempotency-key');
        body = await request.json();
        return HttpResponse.json({id: 'k-1', customerId: 'c-1'}, {status: 201});
      }),
    );
    const complaint = await httpAdapter({url}).resources.complaints!.create(complaintInput, {
      idempotencyKey: 'key-1',
    });
    assert.deepEqual([complaint.id, key, body], ['k-1', 'key-1', complaintInput]);
  });

  it('hands a key the gateway refused back as that entry’s typed error', async () => {
    server.use(
      http.get(`${url}/v1/customers`, () =>
        HttpResponse.json({
          results: [
            {id: 'own', record: {id: 'own', displayName: 'Ada'}},
            {id: 'other', record: null, error: {code: 'forbidden', message: 'Not yours'}},
          ],
        }),
      ),
    );
    const [own, other] = await httpAdapter({url}).resources.customers!.read(['own', 'other']);
    assert.equal(own!.error, undefined);
    assert.equal((own!.record as {displayName: string}).displayName, 'Ada');
    assert.ok(isRapportError(other!.error, 'forbidden'));
    assert.equal(other!.error.message, 'Not yours');
    assert.equal(other!.record, null);
  });

  it('pages lists with cursor and limit, and encodes the customer id in the path', async () => {
    let path = '';
    server.use(
      http.get(`${url}/v1/customers/:id/complaints`, ({request}) => {
        path = new URL(request.url).pathname + new URL(request.url).search;
        return HttpResponse.json({items: [], nextCursor: null});
      }),
    );
    await httpAdapter({url}).resources.complaints!.list('c/1', {cursor: 'x y', limit: 5});
    assert.equal(path, '/rapport/v1/customers/c%2F1/complaints?cursor=x%20y&limit=5');
  });

  it('reads by the resource key: loyalty accounts by customerId', async () => {
    let seen: string[] = [];
    server.use(
      http.get(`${url}/v1/loyalty-accounts`, ({request}) => {
        seen = new URL(request.url).searchParams.getAll('customerId');
        return HttpResponse.json({results: seen.map((id) => ({id, record: null}))});
      }),
    );
    await httpAdapter({url}).resources.loyaltyAccounts!.read(['c-1', 'c-2']);
    assert.deepEqual(seen, ['c-1', 'c-2']);
  });

  it("refuses bad arguments with the contract's guards, without a request", async () => {
    const adapter = httpAdapter({url, capabilities: {maxBatchSize: 2}});
    await assert.rejects(
      adapter.resources.customers!.read(['a', 'b', 'c']),
      (e) => isRapportError(e, 'invalid_input') && e.fields.ids !== undefined,
    );
    for (const idempotencyKey of ['', 'k'.repeat(201)])
      await assert.rejects(
        adapter.resources.complaints!.create(complaintInput, {idempotencyKey}),
        (e) => isRapportError(e, 'invalid_input') && e.fields.idempotencyKey !== undefined,
      );
    await assert.rejects(
      adapter.resources.complaints!.list('c-1', {limit: 0}),
      (e) => isRapportError(e, 'invalid_input') && e.fields.limit !== undefined,
    );
    await assert.rejects(adapter.describeFields('orders' as never), (e) =>
      isRapportError(e, 'invalid_input'),
    );
  });
});

describe('httpAdapter: failures become typed errors', () => {
  const cases: [number, Record<string, string>, unknown, string, number | undefined][] = [
    [
      400,
      {},
      {error: {code: 'invalid_input', message: 'bad', fields: {description: 'is required'}}},
      'invalid_input',
      undefined,
    ],
    [401, {}, null, 'unauthorized', undefined],
    [403, {}, {error: {code: 'forbidden', message: 'no'}}, 'forbidden', undefined],
    [404, {}, 'Not Found', 'not_found', undefined],
    [
      409,
      {'retry-after': '1'},
      {error: {code: 'unavailable', message: 'in flight', retryAfterMs: 500}},
      'unavailable',
      500,
    ],
    [413, {}, null, 'invalid_input', undefined],
    [422, {}, {error: {code: 'conflict', message: 'other body'}}, 'conflict', undefined],
    [429, {'retry-after': '3'}, null, 'rate_limited', 3000],
    [500, {}, '<html>oops</html>', 'unavailable', undefined],
    [501, {}, null, 'unsupported', undefined],
    [502, {}, null, 'unavailable', undefined],
    [
      503,
      {'retry-after': new Date(Date.now() + 60_000).toUTCString()},
      null,
      'unavailable',
      60_000,
    ],
    [504, {}, null, 'timeout', undefined],
  ];
  for (const [status, headers, body, code, retryAfterMs] of cases) {
    it(`maps ${status} to ${code}`, async () => {
      server.use(
        http.get(`${url}/v1/customers`, () =>
          typeof body === 'string' || body === null
            ? new HttpResponse(body, {status, headers})
            : HttpResponse.json(body, {status, headers}),
        ),
      );
      await assert.rejects(httpAdapter({url}).resources.customers!.read(['c-1']), (e) => {
        assert.ok(isRapportError(e, code as never), `got ${(e as Error).message}`);
        if (retryAfterMs !== undefined)
          assert.ok(
            Math.abs(e.retryAfterMs! - retryAfterMs) < 1500,
            `retryAfterMs ${e.retryAfterMs}`,
          );
        assert.equal(e.details.status, status);
        return true;
      });
    });
  }

  it('keeps the per-field messages of invalid input', async () => {
    server.use(
      http.post(`${url}/v1/complaints`, () =>
        HttpResponse.json(
          {error: {code: 'invalid_input', message: 'bad', fields: {description: 'is required'}}},
          {status: 400},
        ),
      ),
    );
    await assert.rejects(
      httpAdapter({url}).resources.complaints!.create(complaintInput, {idempotencyKey: 'k'}),
      (e) => isRapportError(e, 'invalid_input') && e.fields.description === 'is required',
    );
  });

  it('asks for a new token once on 401, then gives up', async () => {
    const asked: boolean[] = [];
    let calls = 0;
    server.use(
      http.get(`${url}/v1/customers`, ({request}) => {
        calls++;
        return request.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json({results: [{id: 'c-1', record: null}]})
          : HttpResponse.json(
              {
                error: {
                  code: 'unauthorized',
                  message: 'expired',
                  details: {reason: 'token_expired'},
                },
              },
              {status: 401},
            );
      }),
    );
    const refreshing = httpAdapter({
      url,
      getToken: ({refresh}) => (asked.push(refresh), refresh ? 'fresh' : 'stale'),
    });
    assert.equal((await refreshing.resources.customers!.read(['c-1'])).length, 1);
    assert.deepEqual(asked, [false, true]);
    calls = 0;
    const stuck = httpAdapter({url, getToken: () => 'stale'});
    await assert.rejects(
      stuck.resources.customers!.read(['c-1']),
      (e) => isRapportError(e, 'unauthorized') && e.details.reason === 'token_expired',
    );
    assert.equal(calls, 2, 'one retry, no more');
  });

  it('times out slow answers and reports unreachable gateways as unavailable', async () => {
    server.use(
      http.get(`${url}/v1/customers`, async () => {
        await delay(2000);
        return HttpResponse.json({results: []});
      }),
    );
    await assert.rejects(
      httpAdapter({url, timeoutMs: 50}).resources.customers!.read(['c-1']),
      (e) => isRapportError(e, 'timeout'),
    );
    server.use(http.get(`${url}/v1/customers`, () => HttpResponse.error()));
    await assert.rejects(httpAdapter({url}).resources.customers!.read(['c-1']), (e) =>
      isRapportError(e, 'unavailable'),
    );
  });

  it("honours the caller's abort signal", async () => {
    server.use(
      http.get(`${url}/v1/customers`, async () => {
        await delay(2000);
        return HttpResponse.json({results: []});
      }),
    );
    const controller = new AbortController();
    const read = httpAdapter({url}).resources.customers!.read(['c-1'], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(read, (e: Error) => e.name === 'AbortError');
  });

  it('refuses operations the gateway does not offer, without a request', async () => {
    const adapter = httpAdapter({url, resources: {customers: ['read'], complaints: ['list']}});
    assert.deepEqual(
      [adapter.resources.interactions, adapter.resources.complaints?.create],
      [undefined, undefined],
    );
    const client = createClient(adapter);
    await assert.rejects(client.list('interactions', 'c-1'), (e) =>
      isRapportError(e, 'unsupported'),
    );
    await assert.rejects(client.create('complaints', complaintInput), (e) =>
      isRapportError(e, 'unsupported'),
    );
  });
});
