import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  inputFingerprint,
  isRapportError,
  optionError,
  pooled,
  RapportError,
  vendorHttp,
  type VendorHttpOptions,
} from '@rapport/core';

/** A vendor that answers from a script, one response per call, and records what it was sent. */
function scripted(answers: (() => Response)[]) {
  const sent: {url: string; init: RequestInit}[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    sent.push({url: String(url), init});
    const next = answers.shift();
    if (!next) throw new TypeError('fetch failed');
    return next();
  }) as unknown as typeof globalThis.fetch;
  return {fetch, sent};
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: {'content-type': 'application/json', ...headers},
    });

function client(vendor: ReturnType<typeof scripted>, options: Partial<VendorHttpOptions> = {}) {
  return vendorHttp({
    vendor: 'Acme',
    baseUrl: 'https://api.acme.test/',
    authorization: () => 'Bearer t1',
    fetch: vendor.fetch,
    ...options,
  });
}

describe('vendorHttp', () => {
  it('sends JSON with the credential and the query, and returns the parsed body', async () => {
    const vendor = scripted([json(200, {ok: 1})]);
    const http = client(vendor);
    const reply = await http.request<{ok: number}>('POST', '/v1/things', {
      query: {limit: 2, skip: undefined},
      body: {a: 1},
    });
    assert.deepEqual(reply.body, {ok: 1});
    assert.equal(vendor.sent[0]!.url, 'https://api.acme.test/v1/things?limit=2');
    const headers = vendor.sent[0]!.init.headers as Record<string, string>;
    assert.equal(headers.authorization, 'Bearer t1');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(vendor.sent[0]!.init.body, '{"a":1}');
    assert.equal(vendor.sent.length, 1);
  });

  it('says whether the vendor answered with success lately', async () => {
    let t = 0;
    const vendor = scripted([json(200, {}), json(503, {})]);
    const http = client(vendor, {now: () => t});
    assert.equal(http.answeredWithin(30_000), false, 'nothing asked yet');
    await http.request('GET', '/v1/me');
    t = 29_999;
    assert.equal(http.answeredWithin(30_000), true);
    await assert.rejects(http.request('GET', '/v1/me'));
    t = 30_000;
    assert.equal(http.answeredWithin(30_000), false, 'a failure is no answer');
  });

  it('maps statuses to typed errors that name the vendor and the path, without the query', async () => {
    const cases: [number, string][] = [
      [400, 'invalid_input'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [422, 'invalid_input'],
      [477, 'unavailable'],
      [502, 'unavailable'],
      [504, 'timeout'],
    ];
    for (const [status, code] of cases) {
      const http = client(scripted([json(status, {})]));
      await assert.rejects(
        http.request('GET', '/v1/people', {query: {email: 'jane@example.com'}}),
        (e: unknown) =>
          isRapportError(e, code as never) &&
          e.message === `Acme answered ${status} to GET /v1/people` &&
          e.details.status === status,
        `${status} → ${code}`,
      );
    }
  });

  it('lets the vendor refine the error from the body', async () => {
    const http = client(scripted([json(422, {detail: 'name is blank'})]), {
      toError: (reply, generic) =>
        new RapportError(
          generic.code,
          `${generic.message}: ${(reply.json as {detail: string}).detail}`,
          {
            fields: {name: 'is blank'},
          },
        ),
    });
    await assert.rejects(
      http.request('POST', '/v1/people'),
      (e: unknown) =>
        isRapportError(e, 'invalid_input') &&
        e.fields.name === 'is blank' &&
        /blank$/.test(e.message),
    );
  });

  it('refreshes the credential once after a 401 when it can, and gives up after the second', async () => {
    const asked: boolean[] = [];
    const vendor = scripted([json(401, {}), json(200, {ok: true})]);
    const http = client(vendor, {
      refreshes: true,
      authorization: ({refresh}) => (asked.push(refresh), refresh ? 'Bearer new' : 'Bearer old'),
    });
    assert.deepEqual((await http.request('GET', '/v1/me')).body, {ok: true});
    assert.deepEqual(asked, [false, true]);
    assert.equal(
      (vendor.sent[1]!.init.headers as Record<string, string>).authorization,
      'Bearer new',
    );

    const twice = scripted([json(401, {}), json(401, {})]);
    const still = client(twice, {refreshes: true});
    await assert.rejects(still.request('GET', '/v1/me'), (e: unknown) =>
      isRapportError(e, 'unauthorized'),
    );
    assert.equal(twice.sent.length, 2);
  });

  it('after a rate limit, refuses every call until the delay has passed, without calling the vendor', async () => {
    let clock = 1_000_000;
    const vendor = scripted([json(429, {}, {'retry-after': '3'}), json(200, {ok: true})]);
    const http = client(vendor, {now: () => clock});
    await assert.rejects(
      http.request('GET', '/v1/people'),
      (e: unknown) => isRapportError(e, 'rate_limited') && e.retryAfterMs === 3000,
    );
    clock += 1000;
    await assert.rejects(
      http.request('GET', '/v1/people'),
      (e: unknown) => isRapportError(e, 'rate_limited') && e.retryAfterMs === 2000,
    );
    assert.equal(vendor.sent.length, 1, 'the paused call never reached the vendor');
    clock += 2000;
    assert.deepEqual((await http.request('GET', '/v1/people')).body, {ok: true});
    assert.equal(vendor.sent.length, 2);
  });

  it('reports an unreachable vendor as unavailable and an aborted call with the signal’s reason', async () => {
    const http = client(scripted([]));
    await assert.rejects(http.request('GET', '/v1/people'), (e: unknown) =>
      isRapportError(e, 'unavailable'),
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      http.request('GET', '/v1/people', {signal: controller.signal}),
      (e: unknown) => e instanceof Error && e.name === 'AbortError',
    );
  });

  it('gives up on a slow vendor with timeout', async () => {
    const slow = ((_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch;
    const http = vendorHttp({
      vendor: 'Acme',
      baseUrl: 'https://x.test',
      authorization: () => '',
      fetch: slow,
      timeoutMs: 20,
    });
    // AbortSignal.timeout's timer does not keep Node alive; a server does, this test must.
    const alive = setInterval(() => {}, 1000);
    await assert.rejects(
      http.request('GET', '/v1/slow'),
      (e: unknown) => isRapportError(e, 'timeout') && /within 20 ms/.test(e.message),
    );
    clearInterval(alive);
  });

  it('keeps record ids (e-mail addresses among them) out of messages, and versions in', async () => {
    const seen: string[] = [];
    const http = client(scripted([json(404, {})]), {
      toError: (reply, generic) => (seen.push(reply.path), generic),
    });
    await assert.rejects(
      http.request('GET', '/crm/v3/objects/contacts/mei.chen%40example.com/associations/2026-03'),
      (e: unknown) =>
        isRapportError(e, 'not_found') &&
        e.message === 'Acme answered 404 to GET /crm/v3/objects/contacts/{id}/associations/{id}' &&
        !e.message.includes('mei'),
    );
    assert.deepEqual(seen, ['/crm/v3/objects/contacts/{id}/associations/{id}']);
  });

  it('types a failure while the body arrives like one before it', async () => {
    const broken = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"partial":'));
            controller.error(new TypeError('terminated'));
          },
        }),
        {status: 200},
      );
    const http = client(scripted([broken]));
    await assert.rejects(http.request('GET', '/v1/people'), (e: unknown) =>
      isRapportError(e, 'unavailable'),
    );
  });

  it('shows every response to onResponse, failures too', async () => {
    const statuses: number[] = [];
    const http = client(scripted([json(200, {}), json(503, {})]), {
      onResponse: (response) => statuses.push(response.status),
    });
    await http.request('GET', '/v1/a');
    await assert.rejects(http.request('GET', '/v1/b'));
    assert.deepEqual(statuses, [200, 503]);
  });
});

describe('vendor tools', () => {
  it('optionError names the adapter and the option, with the fix', () => {
    const error = optionError(
      'acmeAdapter',
      'pipeline',
      'Acme has no pipeline "7"; use one of 0, 1',
    );
    assert.ok(isRapportError(error, 'invalid_input'));
    assert.equal(
      error.message,
      'acmeAdapter: option pipeline: Acme has no pipeline "7"; use one of 0, 1',
    );
    assert.deepEqual(error.details, {option: 'pipeline'});
    assert.equal(error.fields.pipeline, 'Acme has no pipeline "7"; use one of 0, 1');
  });

  it('inputFingerprint is the same for the same input whatever its key order, and differs otherwise', async () => {
    const a = await inputFingerprint({subject: 'Late', severity: 'low'});
    assert.equal(a, await inputFingerprint({severity: 'low', subject: 'Late'}));
    assert.notEqual(a, await inputFingerprint({severity: 'high', subject: 'Late'}));
    assert.match(a, /^[0-9a-f]{64}$/);
  });

  it('pooled keeps at most `limit` in flight and answers in input order', async () => {
    let running = 0;
    let most = 0;
    const results = await pooled([5, 1, 4, 2, 3, 0], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    assert.deepEqual(results, [50, 10, 40, 20, 30, 0]);
    assert.equal(most, 2);
  });
});
