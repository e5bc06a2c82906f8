import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {
  base64url,
  decodeJwt,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import {memoryAdapter} from '@rapport/adapter-memory';
import {RapportError} from '@rapport/core';
import {createGateway} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {asOf, audience, secret} from '../../test-support/support.js';
import {
  zendeskApp,
  type ZendeskAppLogEntry,
  type ZendeskAppOptions,
  type ZendeskClaims,
} from './index.js';

const subdomain = 'acme';
const installationId = 360001234567;
const zafAudience = `https://acme.zendesk.com/api/v2/apps/installations/${installationId}.json`;
const zafIssuer = 'acme.zendesk.com';
const mount = '/apps/zendesk/sidebar';
const page =
  '<!doctype html><html><head><meta charset="utf-8"><title>Rapport</title></head>' +
  '<body><rapport-customer-card></rapport-customer-card></body></html>';
const neutral = /This app could not be opened/;

let zendeskKey: CryptoKey;
let strangerKey: CryptoKey;
let publicPem: string;
let server: RunningServer;
let logs: ZendeskAppLogEntry[] = [];
let seen: ZendeskClaims[] = [];

const now = () => Math.floor(Date.now() / 1000);

/** A ZAF JWT as Zendesk signs it, with whatever changes a test makes. */
function zafJwt(
  change: {
    claims?: Record<string, unknown>;
    omit?: readonly string[];
    key?: CryptoKey;
    iat?: number;
    exp?: number;
  } = {},
): Promise<string> {
  const claims: JWTPayload = {
    iss: zafIssuer,
    aud: zafAudience,
    sub: '1900001',
    iat: change.iat ?? now(),
    exp: change.exp ?? now() + 300,
    context: {product: 'support', location: 'ticket_sidebar'},
    ...change.claims,
  };
  for (const name of change.omit ?? []) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({alg: 'RS256', typ: 'JWT'})
    .sign(change.key ?? zendeskKey);
}

/** An unsigned JWT: `alg: none`, which must never pass. */
async function unsignedJwt(): Promise<string> {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  const signed = decodeJwt(await zafJwt());
  return `${part({alg: 'none', typ: 'JWT'})}.${part(signed)}.`;
}

const openPage = (fields: string | Record<string, string>, path = mount) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  });

const refresh = (body: unknown) =>
  fetch(`${server.url}${mount}`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const gatewayGet = (path: string, token: string) =>
  fetch(`${server.url}${path}`, {headers: {authorization: `Bearer ${token}`}});

/** A meta tag's content, unescaped, or undefined. */
function meta(html: string, name: string): string | undefined {
  const found = new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];
  return found
    ?.replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function options(extra: Partial<ZendeskAppOptions> = {}): ZendeskAppOptions {
  return {
    subdomain,
    installationId,
    publicKey: publicPem,
    page,
    tokens: {key: {secret}, audience},
    log: (entry) => logs.push(entry),
    ...extra,
  };
}

/** Calls a handler directly with a real Request, for what needs no gateway. */
const post = (
  handler: (request: Request) => Promise<Response>,
  body: string,
  type = 'application/x-www-form-urlencoded',
  url = 'https://rapport.example/',
) => handler(new Request(url, {method: 'POST', headers: {'content-type': type}, body}));

before(async () => {
  const zendesk = await generateKeyPair('RS256', {extractable: true});
  zendeskKey = zendesk.privateKey;
  publicPem = await exportSPKI(zendesk.publicKey);
  strangerKey = (await generateKeyPair('RS256', {extractable: true})).privateKey;
  const app = zendeskApp(
    options({
      locations: ['ticket_sidebar', 'user_sidebar'],
      agentFor: (claims) => {
        seen.push(claims);
        if (claims.sub === 'blocked') return null;
        if (claims.sub === 'boss')
          return {agentId: `zendesk:acme:${claims.sub}`, roles: ['supervisor', 'agent']};
        return {
          agentId: `zendesk:acme:${claims.sub ?? `installation-${installationId}`}`,
          roles: ['agent'],
        };
      },
    }),
  );
  const gateway = createGateway({
    adapter: memoryAdapter({asOf, size: 10}),
    auth: {secret, audience},
    rateLimit: false,
  });
  // One server, as a deployment would run it: the app page at its path, the gateway everywhere else.
  server = await serveGateway(
    (request, connection) =>
      new URL(request.url).pathname === mount ? app(request) : gateway(request, connection),
    {port: 0},
  );
});

after(() => server.close());

beforeEach(() => {
  logs = [];
  seen = [];
});

describe('zendeskApp: the app page', () => {
  it('answers a verified JWT with the page and an agent token that reads a customer through the gateway', async () => {
    const response = await openPage({token: await zafJwt()});
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(
      response.headers.get('content-security-policy'),
      "frame-ancestors https://acme.zendesk.com; object-src 'none'; base-uri 'none'",
    );
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.match(
      html,
      /^<!doctype html><html><head><meta charset="utf-8"><title>Rapport<\/title><meta name="rapport-token" content="[^"]+"><meta name="rapport-token-expires" content="\d+"><meta name="rapport-session" content="[^"]+"><meta name="rapport-viewer-role" content="agent"><\/head><body><rapport-customer-card><\/rapport-customer-card><\/body><\/html>$/,
      'the meta tags sit right before </head>, the rest of the page unchanged',
    );
    const token = meta(html, 'rapport-token')!;
    const expires = Number(meta(html, 'rapport-token-expires'));
    assert.equal(expires, decodeJwt(token).exp! * 1000);
    assert.ok(Math.abs(expires - (Date.now() + 900_000)) < 5_000, 'lives 900 s by default');
    const customers = await gatewayGet('/v1/customers?id=c-001', token);
    assert.equal(customers.status, 200);
    const body = (await customers.json()) as {results: {id: string; record: {id: string} | null}[]};
    assert.equal(body.results[0]!.record!.id, 'c-001');
    assert.deepEqual(logs, [{event: 'page', agentId: 'zendesk:acme:1900001'}]);
  });

  it("hands agentFor the verified claims, and the roles it returns are the gateway's", async () => {
    const response = await openPage({
      token: await zafJwt({
        claims: {sub: 'boss', context: {product: 'support', location: 'user_sidebar'}, extra: 7},
      }),
    });
    const html = await response.text();
    assert.equal(meta(html, 'rapport-viewer-role'), 'supervisor');
    const claims = seen[0]!;
    assert.deepEqual(
      [claims.iss, claims.aud, claims.sub, claims.context, claims.payload.extra],
      [zafIssuer, zafAudience, 'boss', {product: 'support', location: 'user_sidebar'}, 7],
    );
    assert.equal(claims.exp - claims.iat, 300);
    const customization = await gatewayGet('/v1/customization', meta(html, 'rapport-token')!);
    assert.equal(((await customization.json()) as {role: string}).role, 'supervisor');
  });

  it('names the agent after the subject, and by default refuses a JWT that names no user', async () => {
    const defaults = zendeskApp(options());
    const agentOf = async (token: string) =>
      decodeJwt(meta(await (await post(defaults, `token=${token}`)).text(), 'rapport-token')!).sub;
    assert.equal(await agentOf(await zafJwt()), 'zendesk:acme:1900001');
    for (const token of [await zafJwt({omit: ['sub']}), await zafJwt({claims: {sub: ''}})]) {
      logs = [];
      const response = await post(defaults, `token=${token}`);
      assert.equal(response.status, 401);
      assert.ok(!(await response.text()).includes('rapport-token'));
      assert.deepEqual(logs, [{event: 'refused', reason: 'agent_unknown'}]);
    }
  });

  it('escapes what goes into the meta tags as HTML', async () => {
    const role = `a"><script>alert('x')</script>&`;
    const handler = zendeskApp(options({agentFor: () => ({agentId: 'a', roles: [role]})}));
    const html = await (await post(handler, `token=${await zafJwt()}`)).text();
    assert.ok(
      html.includes(
        '<meta name="rapport-viewer-role" content="a&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">',
      ),
    );
    assert.ok(!html.includes('<script>'), 'no markup of the value survives');
    assert.equal(meta(html, 'rapport-viewer-role'), role);
  });

  it('lets a host-mapped domain frame the page when it is listed', async () => {
    const app = zendeskApp(
      options({frameAncestors: ['https://acme.zendesk.com', 'https://support.acme.example']}),
    );
    const response = await post(app, `token=${await zafJwt()}`);
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-security-policy'),
      "frame-ancestors https://acme.zendesk.com https://support.acme.example; object-src 'none'; base-uri 'none'",
    );
  });

  it('serves wherever it is mounted: the path and query are not its business', async () => {
    const handler = zendeskApp(options());
    for (const url of ['https://x.example/', 'https://x.example/deep/er/app?origin=z&app_guid=1'])
      assert.equal((await post(handler, `token=${await zafJwt()}`, undefined, url)).status, 200);
  });

  it('accepts a JWT expired by less than the clock tolerance, and no more', async () => {
    const justExpired = await zafJwt({iat: now() - 300, exp: now() - 2});
    assert.equal((await openPage({token: justExpired})).status, 200);
    const expired = await zafJwt({iat: now() - 300, exp: now() - 10});
    assert.equal((await openPage({token: expired})).status, 401);
  });
});

describe('zendeskApp: refusals', () => {
  const cases: [string, () => Promise<string | Record<string, string>>, string][] = [
    ['no token', async () => ({}), 'token_missing'],
    ['an empty token', async () => ({token: ''}), 'token_missing'],
    ['a token that is no JWT', async () => ({token: 'not.a.jwt'}), 'token_malformed'],
    [
      'two tokens',
      async () => `token=${await zafJwt()}&token=${await zafJwt()}`,
      'token_malformed',
    ],
    [
      'a JWT signed with another key',
      async () => ({token: await zafJwt({key: strangerKey})}),
      'token_signature',
    ],
    ['an unsigned JWT (alg none)', async () => ({token: await unsignedJwt()}), 'token_algorithm'],
    [
      'a JWT signed HS256 with the public key as the secret',
      async () => ({
        token: await new SignJWT(decodeJwt(await zafJwt()))
          .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
          .sign(new TextEncoder().encode(publicPem)),
      }),
      'token_algorithm',
    ],
    [
      "another installation's JWT",
      async () => ({
        token: await zafJwt({
          claims: {aud: 'https://acme.zendesk.com/api/v2/apps/installations/999.json'},
        }),
      }),
      'token_audience',
    ],
    [
      "another account's JWT",
      async () => ({token: await zafJwt({claims: {iss: 'evil.zendesk.com'}})}),
      'token_issuer',
    ],
    [
      'an expired JWT',
      async () => ({token: await zafJwt({iat: now() - 900, exp: now() - 60})}),
      'token_expired',
    ],
    ['a JWT without exp', async () => ({token: await zafJwt({omit: ['exp']})}), 'token_claims'],
    ['a JWT without iat', async () => ({token: await zafJwt({omit: ['iat']})}), 'token_claims'],
    [
      'a JWT issued in the future',
      async () => ({token: await zafJwt({iat: now() + 60, exp: now() + 300})}),
      'token_claims',
    ],
    [
      'a JWT living longer than 600 seconds',
      async () => ({token: await zafJwt({iat: now(), exp: now() + 3600})}),
      'token_claims',
    ],
    ['a JWT without context', async () => ({token: await zafJwt({omit: ['context']})}), 'context'],
    [
      "another product's JWT",
      async () => ({
        token: await zafJwt({claims: {context: {product: 'chat', location: 'ticket_sidebar'}}}),
      }),
      'context',
    ],
    [
      'a JWT for a location not served',
      async () => ({
        token: await zafJwt({claims: {context: {product: 'support', location: 'nav_bar'}}}),
      }),
      'context',
    ],
    [
      'a viewer agentFor refuses',
      async () => ({token: await zafJwt({claims: {sub: 'blocked'}})}),
      'agent_refused',
    ],
  ];
  for (const [what, body, reason] of cases) {
    it(`refuses ${what} with a neutral 401 page, and logs ${reason}`, async () => {
      const response = await openPage(await body());
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(
        response.headers.get('content-security-policy')!,
        /frame-ancestors https:\/\/acme\.zendesk\.com$/,
      );
      const html = await response.text();
      assert.match(html, neutral);
      assert.ok(!html.includes('rapport-') && !html.includes('eyJ'), 'no token in the body');
      assert.ok(!html.includes(reason) && !/expired|signature|audience/i.test(html));
      assert.deepEqual(logs, [{event: 'refused', reason}]);
    });
  }

  it('refuses other methods with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(`${server.url}${mount}`, {method});
      assert.deepEqual([response.status, response.headers.get('allow')], [405, 'POST']);
    }
  });

  it('refuses other content types with 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const response = await fetch(`${server.url}${mount}`, {
        method: 'POST',
        headers: {'content-type': type},
        body: `token=${await zafJwt()}`,
      });
      assert.equal(response.status, 415, type);
      assert.ok(!(await response.text()).includes('eyJ'));
    }
  });

  it('refuses bodies over 16 KiB, whether or not their length is declared', async () => {
    const big = `token=${await zafJwt()}&pad=${'x'.repeat(16_384)}`;
    assert.equal((await openPage(big)).status, 413);
    const json = await refresh({session: 'x'.repeat(16_384)});
    assert.equal(json.status, 413);
    assert.equal(((await json.json()) as {error: {code: string}}).error.code, 'invalid_input');
    const handler = zendeskApp(options());
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await handler(
      new Request('https://x.example/', {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(streamed.status, 413);
    assert.ok(sent <= 6, `stopped reading soon after the limit (read ${sent} chunks)`);
    assert.deepEqual(
      logs.map((entry) => entry.reason),
      ['body_too_large', 'body_too_large', 'body_too_large'],
    );
  });
});

describe('zendeskApp: sessions', () => {
  const openSession = async () => {
    const html = await (await openPage({token: await zafJwt()})).text();
    return {token: meta(html, 'rapport-token')!, session: meta(html, 'rapport-session')!};
  };

  it('gives a fresh agent token for the session, which the gateway accepts', async () => {
    const {session} = await openSession();
    const claims = decodeJwt(session);
    assert.deepEqual(
      [claims.kind, claims.sub, claims.roles, claims.aud, claims.exp! - claims.iat!],
      [
        'zendesk-session',
        'zendesk:acme:1900001',
        ['agent'],
        `zendesk-session:acme:${installationId}`,
        28_800,
      ],
    );
    const response = await refresh({session});
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as {token: string; expiresAt: number};
    assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'token']);
    assert.equal(body.expiresAt, decodeJwt(body.token).exp! * 1000);
    assert.equal(decodeJwt(body.token).sub, 'zendesk:acme:1900001');
    const customers = await gatewayGet('/v1/customers?id=c-002', body.token);
    assert.equal(customers.status, 200);
    assert.deepEqual(logs.at(-1), {event: 'token', agentId: 'zendesk:acme:1900001'});
  });

  it('is refused by the gateway as a bearer token', async () => {
    const {session} = await openSession();
    const response = await gatewayGet('/v1/customers?id=c-001', session);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as {error: {code: string}}).error.code, 'unauthorized');
  });

  const forged = (claims: JWTPayload, key = secret) =>
    new SignJWT(claims)
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .sign(new TextEncoder().encode(key));
  const sessionClaims = () => ({
    kind: 'zendesk-session',
    sub: 'zendesk:acme:1900001',
    roles: ['supervisor'],
    aud: `zendesk-session:acme:${installationId}`,
    iat: now(),
    exp: now() + 600,
  });
  const cases: [string, () => Promise<unknown>, string][] = [
    ['no session', async () => ({}), 'session_missing'],
    ['a session that is no string', async () => ({session: 42}), 'session_missing'],
    ['a session that is no JWT', async () => ({session: 'garbage'}), 'session_malformed'],
    [
      'a session signed with another secret',
      async () => ({
        session: await forged(sessionClaims(), 'another-secret-that-is-long-enough!!'),
      }),
      'session_signature',
    ],
    [
      'the agent token instead of the session',
      async () => ({session: (await openSession()).token}),
      'session_claims',
    ],
    [
      'the ZAF JWT instead of the session',
      async () => ({session: await zafJwt()}),
      'session_algorithm',
    ],
    [
      "another installation's session",
      async () => ({session: await forged({...sessionClaims(), aud: 'zendesk-session:acme:1'})}),
      'session_claims',
    ],
    [
      'an expired session',
      async () => ({
        session: await forged({...sessionClaims(), iat: now() - 900, exp: now() - 60}),
      }),
      'session_expired',
    ],
    [
      'a token of the right audience but another kind',
      async () => ({session: await forged({...sessionClaims(), kind: 'agent'})}),
      'session_claims',
    ],
    [
      'a session living longer than sessions are issued for',
      async () => ({session: await forged({...sessionClaims(), exp: now() + 30_000})}),
      'session_claims',
    ],
  ];
  for (const [what, body, reason] of cases) {
    it(`refuses ${what} with a 401 error and no token, and logs ${reason}`, async () => {
      const payload = await body();
      logs = [];
      const response = await refresh(payload);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const answer = (await response.json()) as {
        token?: unknown;
        error: {code: string; message: string};
      };
      assert.equal(answer.error.code, 'unauthorized');
      assert.ok(answer.error.message.length > 0);
      assert.equal(answer.token, undefined);
      assert.ok(!JSON.stringify(answer).includes('eyJ'), 'no token anywhere in the body');
      assert.deepEqual(logs, [{event: 'refused', reason}]);
    });
  }

  it('refuses a body that is not JSON with 400', async () => {
    const response = await refresh('{"session":');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as {error: {code: string}}).error.code, 'invalid_input');
  });
});

describe('zendeskApp: keys and options', () => {
  it('signs with a private key and kid, which a gateway listing the public key accepts', async () => {
    const pair = await generateKeyPair('ES256', {extractable: true});
    const jwk = {...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256'};
    const gateway = createGateway({
      adapter: memoryAdapter({asOf, size: 10}),
      auth: {publicKeys: [jwk], audience},
      rateLimit: false,
    });
    const handler = zendeskApp(
      options({tokens: {key: {privateKey: pair.privateKey, kid: 'k1', alg: 'ES256'}, audience}}),
    );
    const html = await (await post(handler, `token=${await zafJwt()}`)).text();
    const read = (token: string) =>
      gateway(
        new Request('http://gateway.test/v1/customers?id=c-001', {
          headers: {authorization: `Bearer ${token}`},
        }),
        {clientAddress: '127.0.0.1'},
      );
    assert.equal((await read(meta(html, 'rapport-token')!)).status, 200);
    const refreshed = await post(
      handler,
      JSON.stringify({session: meta(html, 'rapport-session')}),
      'application/json',
    );
    assert.equal(refreshed.status, 200);
    assert.equal((await read(((await refreshed.json()) as {token: string}).token)).status, 200);
    assert.equal((await read(meta(html, 'rapport-session')!)).status, 401);
  });

  it('answers 500 and logs why when the public key cannot be parsed', async () => {
    const handler = zendeskApp(
      options({publicKey: '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----'}),
    );
    const response = await post(handler, `token=${await zafJwt()}`);
    assert.equal(response.status, 500);
    const html = await response.text();
    assert.match(html, neutral);
    assert.ok(!html.includes('eyJ'));
    assert.deepEqual(logs, [{event: 'refused', reason: 'public_key_unusable'}]);
  });

  it('answers 500 and logs why when agentFor returns no usable identity', async () => {
    const broken = [{agentId: 'a', roles: []}, {agentId: '', roles: ['agent']}, undefined];
    for (const identity of broken) {
      logs = [];
      const handler = zendeskApp(
        options({agentFor: () => identity as unknown as {agentId: string; roles: string[]}}),
      );
      const response = await post(handler, `token=${await zafJwt()}`);
      assert.equal(response.status, 500, JSON.stringify(identity));
      assert.ok(!(await response.text()).includes('eyJ'));
      assert.deepEqual(logs, [{event: 'refused', reason: 'agent_invalid'}]);
    }
  });

  it('checks its options at creation, naming the option', () => {
    const cases: [Partial<ZendeskAppOptions> | Record<string, unknown>, RegExp][] = [
      [{subdomain: ''}, /options\.subdomain is required/],
      [{subdomain: undefined}, /options\.subdomain is required/],
      [{subdomain: 'Acme'}, /options\.subdomain must be the bare subdomain/],
      [{subdomain: 'acme.zendesk.com'}, /options\.subdomain must be the bare subdomain/],
      [{installationId: ''}, /options\.installationId/],
      [{installationId: 'https://acme.zendesk.com/1'}, /options\.installationId/],
      [{installationId: -1}, /options\.installationId/],
      [{publicKey: ''}, /options\.publicKey is required/],
      [{publicKey: 'MIIBIjAN'}, /options\.publicKey must be a PEM public key/],
      [
        {publicKey: '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----'},
        /holds a private key/,
      ],
      [
        {publicKey: '-----BEGIN RSA PUBLIC KEY-----\n-----END RSA PUBLIC KEY-----'},
        /is a PKCS#1 key/,
      ],
      [{page: '<html><body></body></html>'}, /options\.page has no <\/head>/],
      [{locations: []}, /options\.locations must list/],
      [{frameAncestors: []}, /options\.frameAncestors must list origins/],
      [{frameAncestors: ['https://support.example.com/app']}, /options\.frameAncestors/],
      [{tokens: undefined}, /options\.tokens is required/],
      [{tokens: {key: {secret: 'short'}, audience}}, /options\.tokens\.key\.secret/],
      [{tokens: {key: {secret}, audience: ''}}, /options\.tokens\.audience is required/],
      [
        {tokens: {key: {secret}, audience: `zendesk-session:acme:${installationId}`}},
        /options\.tokens\.audience must not be the session/,
      ],
      [{tokens: {key: {secret}, audience, lifetimeSeconds: 0}}, /options\.tokens\.lifetimeSeconds/],
      [{session: {lifetimeSeconds: 1.5}}, /options\.session\.lifetimeSeconds/],
      [{maxTokenAgeSeconds: -1}, /options\.maxTokenAgeSeconds/],
    ];
    for (const [change, message] of cases) {
      assert.throws(
        () => zendeskApp({...options(), ...change} as ZendeskAppOptions),
        (error: unknown) =>
          error instanceof RapportError &&
          error.code === 'invalid_input' &&
          message.test(error.message),
        `${JSON.stringify(change)} should be refused with ${message}`,
      );
    }
    assert.doesNotThrow(() => zendeskApp(options({installationId: '360001234567'})));
  });
});
