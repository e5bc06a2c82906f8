import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {decodeJwt} from 'jose';
import {memoryAdapter} from '@rapport/adapter-memory';
import {RapportError} from '@rapport/core';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {hubspotSignature as sign} from '../../test-support/hubspot-signature.js';
import {asOf, audience, complaint, secret} from '../../test-support/support.js';
import {
  hubspotCard,
  verifyHubSpotSignature,
  type HubSpotCardLogEntry,
  type HubSpotCardOptions,
  type HubSpotRequest,
} from './index.js';

const clientSecret = 'hubspot-client-secret-for-tests-0001';
const adapter = memoryAdapter({asOf, size: 10});
let server: RunningServer;
let logs: HubSpotCardLogEntry[] = [];
let seen: HubSpotRequest[] = [];

/** HubSpot's signature v3, keyed with this test's client secret unless a test gives another. */
const hubspotSignature = (
  method: string,
  url: string,
  body: string,
  timestamp: number,
  key = clientSecret,
): string => sign(method, url, body, timestamp, key);

interface Call {
  method?: string;
  /** The JSON body as sent (a string) or an object to stringify. */
  body?: unknown;
  headers?: Record<string, string>;
  /** What the request is signed as, when a test changes it: the URL, body, timestamp or key. */
  sign?: {url?: string; body?: string; timestamp?: number; key?: string; method?: string};
  /** Leave the signature (or the timestamp) header out. */
  omit?: 'signature' | 'timestamp';
}

/** A request as HubSpot's proxy sends it: signed over exactly this URL, body and timestamp. */
async function hubspot(path: string, call: Call = {}) {
  const url = `${server.url}${path}`;
  const body =
    call.body === undefined
      ? ''
      : typeof call.body === 'string'
        ? call.body
        : JSON.stringify(call.body);
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const timestamp = call.sign?.timestamp ?? Date.now();
  const headers: Record<string, string> = {...call.headers};
  if (call.omit !== 'signature')
    headers['x-hubspot-signature-v3'] = hubspotSignature(
      call.sign?.method ?? method,
      call.sign?.url ?? url,
      call.sign?.body ?? body,
      timestamp,
      call.sign?.key,
    );
  if (call.omit !== 'timestamp') headers['x-hubspot-request-timestamp'] = String(timestamp);
  if (body !== '') headers['content-type'] = 'application/json';
  const response = await fetch(url, {method, headers, ...(body !== '' && {body})});
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

const customerPath = '/hubspot/v1/customers?id=c-001&portalId=1&userId=2';

function options(extra: Partial<HubSpotCardOptions> = {}): HubSpotCardOptions {
  return {
    clientSecret,
    gateway: async () => new Response('unused'),
    tokens: {key: {secret}, audience},
    agentFor: () => ({agentId: 'hubspot:1:2', roles: ['agent']}),
    basePath: '/hubspot',
    ...extra,
  };
}

before(async () => {
  const gateway = createGateway({adapter, auth: {secret, audience}, rateLimit: false});
  const card = hubspotCard(
    options({
      gateway,
      log: (entry) => logs.push(entry),
      agentFor: (request) => {
        seen.push(request);
        if (request.userId === 'blocked') return null;
        if (request.userId === 'boss')
          return {agentId: `hubspot:${request.portalId}:boss`, roles: ['supervisor', 'agent']};
        return {agentId: `hubspot:${request.portalId}:${request.userId}`, roles: ['agent']};
      },
    }),
  );
  // One server, as a deployment would run it: the card's front under /hubspot, the gateway elsewhere.
  server = await serveGateway(
    (request, connection) =>
      new URL(request.url).pathname.startsWith('/hubspot/')
        ? card(request, connection)
        : gateway(request, connection),
    {port: 0},
  );
});

after(() => server.close());

beforeEach(() => {
  logs = [];
  seen = [];
});

/** What a refusal must look like: 401 in the gateway's error shape, no record in it. */
function assertRefused(
  response: Awaited<ReturnType<typeof hubspot>>,
  reason: string,
  message: string,
): void {
  assert.equal(response.status, 401, `${message}: status`);
  assert.equal(response.body?.error.code, 'unauthorized', `${message}: code`);
  assert.equal(response.body?.error.details.reason, reason, `${message}: reason`);
  assert.equal(typeof response.body?.error.message, 'string');
  assert.deepEqual(Object.keys(response.body!), ['error'], `${message}: nothing but the error`);
  assert.ok(!response.text.includes('c-001'), `${message}: no data`);
  assert.deepEqual(logs.at(-1), {event: 'refused', reason}, `${message}: logged`);
}

describe('hubspotCard: signed requests reach the gateway', () => {
  it('reads a customer with a valid signature, and hands agentFor the query string', async () => {
    const response = await hubspot(customerPath);
    assert.equal(response.status, 200);
    assert.equal(response.body!.results[0].id, 'c-001');
    assert.equal(response.body!.results[0].record.id, 'c-001');
    assert.deepEqual(seen, [{portalId: '1', userId: '2'}]);
    assert.deepEqual(logs, [{event: 'forwarded', agentId: 'hubspot:1:2'}]);
  });

  it("makes the roles agentFor returns the gateway's", async () => {
    const boss = await hubspot('/hubspot/v1/customization?portalId=7&userId=boss&appId=42');
    assert.equal(boss.status, 200);
    assert.equal(boss.body!.role, 'supervisor');
    assert.deepEqual(seen, [{portalId: '7', userId: 'boss', appId: '42'}]);
    const agent = await hubspot('/hubspot/v1/customization?portalId=7&userId=3');
    assert.equal(agent.body!.role, 'agent');
  });

  it('ignores an Authorization header the request brings', async () => {
    const supervisor = await signAgentToken({
      agentId: 'intruder',
      roles: ['supervisor'],
      key: {secret},
      audience,
    });
    const withToken = await hubspot('/hubspot/v1/customization?portalId=1&userId=2', {
      headers: {authorization: `Bearer ${supervisor}`},
    });
    assert.equal(withToken.status, 200);
    assert.equal(withToken.body!.role, 'agent', "agentFor's role, not the header's");
    const garbage = await hubspot(customerPath, {headers: {authorization: 'Bearer nonsense'}});
    assert.equal(garbage.status, 200, 'a bad bearer token does not spoil a signed request');
  });

  it('stores a complaint once when sent twice with rapport-idempotency-key in the query', async () => {
    const subject = `HubSpot complaint ${Date.now()}`;
    const body = {...complaint('c-001'), subject};
    const path = '/hubspot/v1/complaints?portalId=1&userId=2&rapport-idempotency-key=hs-k1';
    const first = await hubspot(path, {body});
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body!.customerId, 'c-001');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    // HubSpot retries once on a 5XX or a lost connection: the same request, signed again.
    const second = await hubspot(path, {body});
    assert.equal(second.status, 201);
    assert.equal(second.body!.id, first.body!.id, 'the same complaint');
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const stored = adapter.data.complaints.filter((c) => c.subject === subject);
    assert.equal(stored.length, 1, 'stored once');
    // Without the key the gateway asks for one, as it does for a widget without the header.
    const keyless = await hubspot('/hubspot/v1/complaints?portalId=1&userId=2', {body});
    assert.equal(keyless.status, 400);
    // An empty key, or one that cannot be a header, is the caller's mistake (400), not a crash.
    for (const key of ['', '%20', 'k%0A1']) {
      const bad = await hubspot(
        `/hubspot/v1/complaints?portalId=1&userId=2&rapport-idempotency-key=${key}`,
        {body},
      );
      assert.equal(bad.status, 400, `key ${JSON.stringify(key)}: ${bad.text}`);
      assert.equal(bad.body!.error.fields.idempotencyKey !== undefined, true);
    }
    assert.equal(adapter.data.complaints.filter((c) => c.subject === subject).length, 1);
  });

  it('verifies a URL with %40 against the decoded @, and leaves %20 encoded', async () => {
    const path =
      '/hubspot/v1/customers?id=c-001&portalId=1&userId=2&userEmail=ada%40example.com&note=a%20b';
    const url = `${server.url}${path}`;
    const decoded = url.replace('%40', '@');
    const ok = await hubspot(path, {sign: {url: decoded}});
    assert.equal(ok.status, 200, 'signed over the decoded @ (and %20 as sent)');
    assert.equal(seen.at(-1)!.userEmail, 'ada@example.com');
    const alsoOk = await hubspot(path);
    assert.equal(alsoOk.status, 200, 'the test signer decodes the same escapes');
    const spaceDecoded = await hubspot(path, {sign: {url: decoded.replace('%20', ' ')}});
    assertRefused(spaceDecoded, 'signature_mismatch', 'a signature over a decoded %20');
  });
});

describe('hubspotCard: refusals', () => {
  it('refuses a wrong signature', async () => {
    const response = await fetch(`${server.url}${customerPath}`, {
      headers: {
        'x-hubspot-signature-v3': Buffer.alloc(32, 7).toString('base64'),
        'x-hubspot-request-timestamp': String(Date.now()),
      },
    });
    const text = await response.text();
    assertRefused(
      {status: response.status, headers: response.headers, text, body: JSON.parse(text)},
      'signature_mismatch',
      'a wrong signature',
    );
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('refuses a request signed with another secret', async () => {
    const response = await hubspot(customerPath, {sign: {key: 'another-apps-client-secret-000'}});
    assertRefused(response, 'signature_mismatch', 'another secret');
  });

  it('refuses a replay outside the window, and a timestamp in the future', async () => {
    const old = await hubspot(customerPath, {sign: {timestamp: Date.now() - 6 * 60_000}});
    assertRefused(old, 'timestamp_stale', 'six minutes old');
    const future = await hubspot(customerPath, {sign: {timestamp: Date.now() + 60_000}});
    assertRefused(future, 'timestamp_stale', 'a minute ahead');
  });

  it('refuses a tampered body and a tampered query', async () => {
    const signed = JSON.stringify({...complaint('c-001'), subject: 'As signed'});
    const body = await hubspot(
      '/hubspot/v1/complaints?portalId=1&userId=2&rapport-idempotency-key=t1',
      {body: {...complaint('c-001'), subject: 'Changed'}, sign: {body: signed}},
    );
    assertRefused(body, 'signature_mismatch', 'a tampered body');
    const query = await hubspot('/hubspot/v1/customers?id=c-002&portalId=1&userId=2', {
      sign: {url: `${server.url}${customerPath}`},
    });
    assertRefused(query, 'signature_mismatch', 'a changed id');
    assert.ok(!query.text.includes('c-002'));
    const method = await hubspot(customerPath, {method: 'GET', sign: {method: 'POST'}});
    assertRefused(method, 'signature_mismatch', 'another method');
  });

  it('refuses a request without the signature or the timestamp', async () => {
    assertRefused(
      await hubspot(customerPath, {omit: 'signature'}),
      'signature_missing',
      'no signature',
    );
    assertRefused(
      await hubspot(customerPath, {omit: 'timestamp'}),
      'timestamp_missing',
      'no timestamp',
    );
  });

  it('refuses whom agentFor refuses', async () => {
    const response = await hubspot('/hubspot/v1/customers?id=c-001&portalId=1&userId=blocked');
    assertRefused(response, 'agent_refused', 'agentFor null');
    assert.deepEqual(seen, [{portalId: '1', userId: 'blocked'}]);
  });

  it('refuses an identity parameter sent twice, and a body over 64 KiB', async () => {
    const twice = await hubspot('/hubspot/v1/customers?id=c-001&userId=2&userId=boss');
    assert.equal(twice.status, 400);
    assert.equal(twice.body!.error.details.reason, 'parameter_repeated');
    assert.deepEqual(seen, [], 'agentFor is not asked');
    const huge = await hubspot('/hubspot/v1/complaints?userId=2&rapport-idempotency-key=h', {
      body: {...complaint('c-001'), description: 'x'.repeat(70_000)},
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body!.error.details.reason, 'body_too_large');
    assert.deepEqual(logs.at(-1), {event: 'refused', reason: 'body_too_large'});
  });
});

describe('hubspotCard: what the gateway is sent', () => {
  it('the path without basePath, the query without identity or key, a minted token and only safe headers', async () => {
    const received: Request[] = [];
    const card = hubspotCard(
      options({
        gateway: async (request) => {
          received.push(request);
          return new Response('{"ok":true}', {status: 201, headers: {'x-from': 'gateway'}});
        },
        tokens: {key: {secret}, audience, issuer: 'https://hubspot-front.test'},
        publicUrl: (request) => {
          const url = new URL(request.url);
          return `https://gw.example.com${url.pathname}${url.search}`;
        },
      }),
    );
    const signedUrl =
      'https://gw.example.com/hubspot/v1/complaints?a=x%20y&portalId=1&userId=2&userEmail=ada%40example.com&appId=9&rapport-idempotency-key=k-7&b=%26';
    const body = JSON.stringify(complaint('c-001'));
    const timestamp = Date.now();
    const response = await card(
      new Request(signedUrl.replace('https://gw.example.com', 'http://10.0.0.5:8080'), {
        method: 'POST',
        headers: {
          'x-hubspot-signature-v3': hubspotSignature('POST', signedUrl, body, timestamp),
          'x-hubspot-request-timestamp': String(timestamp),
          'content-type': 'text/plain',
          'accept-language': 'zh-CN',
          authorization: 'Bearer forged',
          'idempotency-key': 'header-key',
          cookie: 'session=1',
        },
        body,
      }),
    );
    assert.equal(response.status, 201, 'the gateway answer as is');
    assert.equal(response.headers.get('x-from'), 'gateway');
    assert.equal(received.length, 1);
    const sent = received[0]!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, 'http://10.0.0.5:8080/v1/complaints?a=x%20y&b=%26');
    assert.equal(await sent.text(), body);
    const headers = Object.fromEntries(sent.headers);
    const token = headers.authorization!.replace(/^Bearer /, '');
    assert.deepEqual(
      {...headers, authorization: 'Bearer …'},
      {
        authorization: 'Bearer …',
        'accept-language': 'zh-CN',
        'idempotency-key': 'k-7',
        'content-type': 'application/json',
      },
    );
    const claims = decodeJwt(token);
    assert.deepEqual(
      [claims.sub, claims.roles, claims.kind, claims.aud, claims.iss],
      ['hubspot:1:2', ['agent'], 'agent', audience, 'https://hubspot-front.test'],
    );
    assert.equal(claims.exp! - claims.iat!, 60, 'lives 60 seconds by default');
  });

  it('answers 404 outside basePath, and 500 (saying nothing) for a malformed agentFor answer', async () => {
    const entries: HubSpotCardLogEntry[] = [];
    const card = hubspotCard(
      options({
        agentFor: () => ({agentId: '', roles: []}),
        log: (entry) => entries.push(entry),
      }),
    );
    const outside = await card(new Request('http://x.test/other/v1/customers'));
    assert.equal(outside.status, 404);
    const url = 'http://x.test/hubspot/v1/customers?id=c-001';
    const timestamp = Date.now();
    const broken = await card(
      new Request(url, {
        headers: {
          'x-hubspot-signature-v3': hubspotSignature('GET', url, '', timestamp),
          'x-hubspot-request-timestamp': String(timestamp),
        },
      }),
    );
    assert.equal(broken.status, 500);
    assert.ok(!(await broken.text()).includes('agentFor'));
    assert.deepEqual(entries.at(-1), {event: 'refused', reason: 'agent_invalid'});
  });
});

describe('hubspotCard: options', () => {
  const fails = (extra: Partial<HubSpotCardOptions> | Record<string, unknown>, option: RegExp) =>
    assert.throws(
      () => hubspotCard(options(extra as Partial<HubSpotCardOptions>)),
      (error: unknown) =>
        error instanceof RapportError &&
        error.code === 'invalid_input' &&
        option.test(error.message),
    );

  it('checks them at creation, naming the option', () => {
    fails({clientSecret: 'short'}, /options\.clientSecret must be at least 16 characters/);
    fails({clientSecret: undefined}, /options\.clientSecret is required/);
    fails({agentFor: undefined}, /options\.agentFor is required/);
    fails({gateway: undefined}, /options\.gateway is required/);
    fails({tokens: {key: {secret: 'short'}, audience}}, /options\.tokens\.key\.secret/);
    fails({tokens: {key: {secret}, audience: ''}}, /options\.tokens\.audience/);
    fails({tokens: {key: {secret}, audience, lifetimeSeconds: 0}}, /tokens\.lifetimeSeconds/);
    fails({basePath: 'hubspot/'}, /options\.basePath/);
    fails({basePath: '/hubspot/'}, /options\.basePath/);
    fails({maxAgeSeconds: 1.5}, /options\.maxAgeSeconds/);
  });
});

describe('verifyHubSpotSignature', () => {
  // From the research notes (/tmp/hubspot-research.md §3), computed there with Node's crypto.
  const vector = {
    secret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
    url: 'https://gw.example.com/hs/card?appId=1&userId=2&userEmail=a@b.co&portalId=3',
    body: '{"a":1}',
    timestamp: 1_700_000_000_000,
    signature: 'H/cvjQ3j3cAT25NPcN8MlhZDhfhhCdVKfMJ63sIJCOE=',
  };
  const vectorRequest = (signature = vector.signature, url = vector.url) =>
    new Request(url, {
      method: 'POST',
      headers: {
        'X-HubSpot-Signature-v3': signature,
        'X-HubSpot-Request-Timestamp': String(vector.timestamp),
      },
      body: vector.body,
    });
  const reason = (expected: string) => (error: unknown) =>
    error instanceof RapportError &&
    error.code === 'unauthorized' &&
    error.details.reason === expected;

  it('accepts the test vector, and the test signer agrees with it', async () => {
    assert.equal(
      hubspotSignature('POST', vector.url, vector.body, vector.timestamp, vector.secret),
      vector.signature,
    );
    const request = vectorRequest();
    await verifyHubSpotSignature(request, {
      clientSecret: vector.secret,
      now: () => vector.timestamp + 1_000,
    });
    assert.equal(await request.text(), vector.body, 'the request can still be read');
    // The same URL with the @ escaped, as a client may send it, signs the same.
    await verifyHubSpotSignature(vectorRequest(vector.signature, vector.url.replace('@', '%40')), {
      clientSecret: vector.secret,
      now: () => vector.timestamp,
    });
  });

  it('takes the URL and the body when given, and refuses by reason', async () => {
    await verifyHubSpotSignature(vectorRequest(undefined, 'http://10.0.0.1/hs/card?x=1'), {
      clientSecret: vector.secret,
      url: vector.url,
      body: vector.body,
      now: () => vector.timestamp,
    });
    await assert.rejects(
      verifyHubSpotSignature(vectorRequest(), {
        clientSecret: vector.secret,
        body: '{"a":2}',
        now: () => vector.timestamp,
      }),
      reason('signature_mismatch'),
    );
    await assert.rejects(
      verifyHubSpotSignature(vectorRequest(), {
        clientSecret: vector.secret,
        now: () => vector.timestamp + 301_000,
      }),
      reason('timestamp_stale'),
    );
    await verifyHubSpotSignature(vectorRequest(), {
      clientSecret: vector.secret,
      maxAgeSeconds: 600,
      now: () => vector.timestamp + 301_000,
    });
    await assert.rejects(
      verifyHubSpotSignature(vectorRequest('not base64!'), {
        clientSecret: vector.secret,
        now: () => vector.timestamp,
      }),
      reason('signature_mismatch'),
    );
    await assert.rejects(
      verifyHubSpotSignature(new Request(vector.url), {clientSecret: vector.secret}),
      reason('signature_missing'),
    );
  });
});
