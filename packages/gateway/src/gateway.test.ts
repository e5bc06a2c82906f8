import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {exportJWK, generateKeyPair, SignJWT} from 'jose';
import {memoryAdapter} from '@rapport/adapter-memory';
import {inputChecks, RapportError} from '@rapport/core';
import {createGateway, signCustomerToken} from '@rapport/gateway';
import {defaultCustomization, maskValue, validateCustomization} from '@rapport/schema';
import {
  agentToken,
  asOf,
  audience,
  complaint,
  customerToken,
  secret,
  setup,
} from '../test-support/support.js';

describe('gateway: routes', () => {
  it('serves every route to an agent, in the documented shapes', async () => {
    const {call} = setup();
    const token = await agentToken();
    const customers = await call('/v1/customers?id=c-001&id=c-002&id=nobody', {token});
    assert.equal(customers.status, 200);
    assert.deepEqual(
      customers.body.results.map((r: {id: string; record: unknown}) => [r.id, r.record === null]),
      [
        ['c-001', false],
        ['c-002', false],
        ['nobody', true],
      ],
    );
    const loyalty = await call('/v1/loyalty-accounts?customerId=c-001', {token});
    assert.equal(loyalty.body.results[0].record.customerId, 'c-001');
    const complaints = await call('/v1/customers/c-001/complaints?limit=2', {token});
    assert.ok(Array.isArray(complaints.body.items) && 'nextCursor' in complaints.body);
    const interactions = await call('/v1/customers/c-001/interactions', {token});
    assert.ok(Array.isArray(interactions.body.items));
    const fields = await call('/v1/fields/complaint', {token});
    assert.equal(fields.body.entity, 'complaint');
    const capabilities = await call('/v1/capabilities');
    assert.deepEqual(
      [capabilities.status, capabilities.body.protocol, capabilities.body.maxBatchSize],
      [200, 1, 100],
    );
    assert.deepEqual(
      capabilities.body.resources,
      {
        customers: ['read'],
        loyaltyAccounts: ['read'],
        complaints: ['list', 'create'],
        interactions: ['list'],
        pointsTransactions: ['list'],
        rewards: ['list'],
        redemptions: ['list', 'create'],
        complaintUpdates: ['list', 'create'],
        surveyAnswers: ['list', 'create'],
      },
      'what the adapter serves, per resource',
    );
    const created = await call('/v1/complaints', {
      token,
      body: complaint('c-001'),
      headers: {'idempotency-key': 'k1'},
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.customerId, 'c-001');
    const customization = await call('/v1/customization', {token});
    assert.equal(customization.body.role, 'agent');
  });

  it("splits a batch at the backend's batch size and refuses one over its own limit", async () => {
    const {call} = setup({maxBatchSize: 5}, {maxBatchSize: 2});
    const token = await agentToken();
    const five = await call(
      `/v1/customers?${['c-001', 'c-002', 'c-003', 'c-004', 'c-005'].map((id) => `id=${id}`).join('&')}`,
      {token},
    );
    assert.equal(five.body.results.length, 5);
    const six = await call(
      `/v1/customers?${[1, 2, 3, 4, 5, 6].map((n) => `id=c-00${n}`).join('&')}`,
      {token},
    );
    assert.deepEqual(
      [six.status, six.body.error.code, six.body.error.fields.id],
      [400, 'invalid_input', 'holds 6 ids; at most 5 are allowed in one batch'],
    );
    const none = await call('/v1/customers', {token});
    assert.deepEqual(
      [none.status, none.body.error.fields.id],
      [400, 'give at least one, as ?id=...'],
    );
  });

  it('answers JSON errors with the right status for each failure', async () => {
    const {call, adapter} = setup();
    const token = await agentToken();
    assert.deepEqual(
      await call('/v1/nowhere', {token}).then((r) => [r.status, r.body.error.code]),
      [404, 'not_found'],
    );
    assert.deepEqual(
      await call('/v1/customers/nobody/complaints', {token}).then((r) => [
        r.status,
        r.body.error.code,
      ]),
      [404, 'not_found'],
    );
    assert.deepEqual(
      await call('/v1/customers/c-001/complaints?limit=x', {token}).then((r) => [
        r.status,
        r.body.error.fields.limit,
      ]),
      [400, 'must be a whole number from 1 to 100'],
    );
    assert.deepEqual(await call('/v1/fields/orders', {token}).then((r) => r.status), 400);
    const invalid = await call('/v1/complaints', {
      token,
      body: {...complaint('c-001'), description: ''},
      headers: {'idempotency-key': 'bad'},
    });
    assert.deepEqual(
      [invalid.status, invalid.body.error.code, invalid.body.error.fields.description],
      [400, 'invalid_input', 'This field is required.'],
    );
    const malformed = await call('/v1/complaints', {
      token,
      body: '{"subject": ',
      headers: {'idempotency-key': 'm'},
    });
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.error.message, /body: is not valid JSON/);
    const huge = await call('/v1/complaints', {
      token,
      body: {...complaint('c-001'), description: 'x'.repeat(70_000)},
      headers: {'idempotency-key': 'h'},
    });
    assert.deepEqual([huge.status, huge.body.error.fields.body], [413, 'too large']);
    for (const [kind, status] of [
      ['unavailable', 503],
      ['timeout', 504],
      ['rate_limited', 429],
    ] as const) {
      adapter.setFaults({rate: 1, kinds: [kind], retryAfterMs: 1500});
      const failed = await call('/v1/customers?id=c-001', {token});
      assert.deepEqual([failed.status, failed.body.error.code], [status, kind]);
      if (kind === 'rate_limited') assert.equal(failed.headers.get('retry-after'), '2');
    }
    adapter.setFaults(null);
  });

  it('answers 501 for an operation the backend does not offer, and a bare 500 for a bug', async () => {
    const real = memoryAdapter({asOf, size: 5});
    const token = await agentToken();
    const get = (gateway: (r: Request) => Promise<Response>) =>
      gateway(
        new Request('http://g.test/v1/customers/c-001/interactions', {
          headers: {authorization: `Bearer ${token}`},
        }),
      );
    const {interactions: _interactions, ...served} = real.resources;
    const lacking = createGateway({
      adapter: {...real, resources: served},
      auth: {secret, audience},
    });
    const answer = await get(lacking);
    assert.deepEqual([answer.status, (await answer.json()).error.code], [501, 'unsupported']);
    const refusing = createGateway({
      adapter: {
        ...real,
        resources: {
          ...served,
          interactions: {
            list: () => Promise.reject(new RapportError('unsupported', 'No interactions here')),
          },
        },
      },
      auth: {secret, audience},
    });
    assert.equal((await get(refusing)).status, 501);
    const buggy = createGateway({
      adapter: {
        ...real,
        resources: {
          ...served,
          interactions: {list: () => Promise.reject(new TypeError('x is undefined'))},
        },
      },
      auth: {secret, audience},
    });
    const crashed = await get(buggy);
    assert.equal(crashed.status, 500);
    assert.deepEqual(
      await crashed.json(),
      {error: {code: 'unavailable', message: 'The gateway could not complete the request'}},
      'and leaks nothing',
    );
  });

  it('refuses to start with a customization document that is not valid', () => {
    const broken = {
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        email: {...defaultCustomization.fields.email!, type: 'emial'},
      },
    };
    assert.throws(
      () =>
        createGateway({
          adapter: memoryAdapter({asOf, size: 5}),
          auth: {secret, audience},
          customization: broken as never,
        }),
      /\/fields\/email\/type/,
    );
  });

  it('refuses to start when a resource callers may create has no input check', () => {
    const {surveyAnswers: _left, ...checks} = inputChecks;
    assert.throws(
      () =>
        createGateway({
          adapter: memoryAdapter({asOf, size: 5}),
          auth: {secret, audience},
          inputChecks: checks as typeof inputChecks,
        }),
      /no input check for surveyAnswers/,
    );
  });
});

describe('gateway: identity', () => {
  const reason = (r: {body: {error: {details: {reason: string}}}}) => r.body.error.details.reason;

  it('answers 401 with a clear reason for missing, malformed, expired and wrongly signed tokens', async () => {
    const {call} = setup();
    const missing = await call('/v1/customers?id=c-001');
    assert.deepEqual(
      [missing.status, reason(missing), missing.headers.get('www-authenticate')],
      [401, 'token_missing', 'Bearer'],
    );
    assert.equal(
      reason(await call('/v1/customers?id=c-001', {headers: {authorization: 'Token abc'}})),
      'token_malformed',
    );
    assert.equal(
      reason(await call('/v1/customers?id=c-001', {token: 'not.a.jwt'})),
      'token_malformed',
    );
    assert.equal(
      reason(
        await call('/v1/customers?id=c-001', {
          token: await customerToken('c-001', {expiresIn: -60}),
        }),
      ),
      'token_expired',
    );
    const forged = await signCustomerToken({
      customerId: 'c-001',
      key: {secret: 'another-secret-that-is-also-long-enough!!'},
      audience,
    });
    assert.equal(reason(await call('/v1/customers?id=c-001', {token: forged})), 'token_signature');
    assert.equal(
      reason(
        await call('/v1/customers?id=c-001', {
          token: await customerToken('c-001', {audience: 'https://elsewhere'}),
        }),
      ),
      'token_claims',
    );
    const noKind = await new SignJWT({})
      .setProtectedHeader({alg: 'HS256'})
      .setSubject('c-001')
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    assert.equal(reason(await call('/v1/customers?id=c-001', {token: noKind})), 'token_claims');
    const none = `${btoa(JSON.stringify({alg: 'none'}))}.${btoa(JSON.stringify({sub: 'c-001', kind: 'customer', aud: audience}))}.`;
    assert.equal((await call('/v1/customers?id=c-001', {token: none})).status, 401);
  });

  it('verifies ES256 keys by kid, so keys can be rotated', async () => {
    const old = await generateKeyPair('ES256', {extractable: true});
    const fresh = await generateKeyPair('ES256', {extractable: true});
    const jwk = async (key: CryptoKey, kid: string) => ({
      ...(await exportJWK(key)),
      kid,
      alg: 'ES256',
    });
    const {call} = setup({
      auth: {
        audience,
        publicKeys: [await jwk(old.publicKey, 'k-2025'), await jwk(fresh.publicKey, 'k-2026')],
      },
    });
    for (const [pair, kid] of [
      [old, 'k-2025'],
      [fresh, 'k-2026'],
    ] as const) {
      const token = await signCustomerToken({
        customerId: 'c-001',
        audience,
        key: {privateKey: pair.privateKey, kid, alg: 'ES256'},
      });
      assert.equal((await call('/v1/customers?id=c-001', {token})).status, 200, kid);
    }
    const stranger = await generateKeyPair('ES256');
    const token = await signCustomerToken({
      customerId: 'c-001',
      audience,
      key: {privateKey: stranger.privateKey, kid: 'k-2026', alg: 'ES256'},
    });
    assert.equal(reason(await call('/v1/customers?id=c-001', {token})), 'token_signature');
    const hmac = await customerToken('c-001');
    assert.equal(
      reason(await call('/v1/customers?id=c-001', {token: hmac})),
      'token_algorithm',
      'no secret configured: HS256 is refused',
    );
  });

  it("lets a customer read only their own records, and shows them no one else's data", async () => {
    const {call, adapter} = setup();
    const token = await customerToken('c-001');
    const victim = adapter.data.customers.find((c) => c.id === 'c-002')!;
    assert.equal((await call('/v1/customers?id=c-001', {token})).status, 200);
    // A batch answers per id: the customer's own record, and a refusal for the stranger's.
    for (const path of [
      '/v1/customers?id=c-001&id=c-002',
      '/v1/loyalty-accounts?customerId=c-001&customerId=c-002',
    ]) {
      const response = await call(path, {token});
      assert.equal(response.status, 200, path);
      const [own, other] = response.body.results;
      assert.equal(own.id, 'c-001');
      assert.ok(own.record !== null && own.error === undefined, `${path}: own record`);
      assert.deepEqual([other.id, other.record, other.error.code], ['c-002', null, 'forbidden']);
      assert.ok(
        !response.text.includes(victim.email!) && !response.text.includes(victim.displayName),
        `${path} leaked data`,
      );
    }
    for (const path of ['/v1/customers/c-002/complaints', '/v1/customers/c-002/interactions']) {
      const response = await call(path, {token});
      assert.equal(response.status, 403, path);
      assert.ok(
        !response.text.includes(victim.email!) && !response.text.includes(victim.displayName),
        `${path} leaked data`,
      );
    }
    const other = await call('/v1/complaints', {
      token,
      body: complaint('c-002'),
      headers: {'idempotency-key': 'x'},
    });
    assert.equal(other.status, 403);
    const own = await call('/v1/complaints', {
      token,
      body: complaint(),
      headers: {'idempotency-key': 'y'},
    });
    assert.deepEqual(
      [own.status, own.body.customerId],
      [201, 'c-001'],
      'a customer token files complaints for its own customer',
    );
  });

  it('accepts anonymous complaints only when allowed, and never for a customer', async () => {
    const anonymous = {...complaint(), contact: {name: 'Ada', email: 'ada@example.com'}};
    assert.equal(
      (await setup().call('/v1/complaints', {body: anonymous, headers: {'idempotency-key': 'a'}}))
        .status,
      401,
    );
    const {call} = setup({allowAnonymousComplaints: true});
    assert.equal(
      (await call('/v1/complaints', {body: anonymous, headers: {'idempotency-key': 'a'}})).status,
      201,
    );
    assert.equal(
      (await call('/v1/complaints', {body: complaint('c-001'), headers: {'idempotency-key': 'b'}}))
        .status,
      401,
    );
    assert.equal(
      (await call('/v1/customers?id=c-001')).status,
      401,
      'anonymous callers read nothing',
    );
  });
});

describe('gateway: redaction by role', () => {
  it('removes hidden fields and masks others before anything leaves', async () => {
    const {call, adapter} = setup();
    const original = adapter.data.customers.find((c) => c.id === 'c-001')!;
    const asCustomer = (await call('/v1/customers?id=c-001', {token: await customerToken('c-001')}))
      .body.results[0].record;
    for (const hidden of ['segment', 'lifecycleStage', 'tags'])
      assert.ok(!(hidden in asCustomer), `${hidden} reached the customer`);
    assert.equal(asCustomer.phone, original.phone);

    const asAgent = (await call('/v1/customers?id=c-001', {token: await agentToken()})).body
      .results[0].record;
    assert.equal(asAgent.phone, maskValue(original.phone!, 'partial'));
    assert.equal(
      asAgent.customFields.membership_number,
      maskValue(original.customFields.membership_number!, 'partial'),
    );
    assert.ok(!('birthday' in asAgent.customFields));
    assert.equal(asAgent.segment, original.segment);

    // Even the role that sees every field receives only what the document's fields name, with the
    // id, the kind and the name parts behind the display name: no owner id, no locale.
    const asSupervisor = (
      await call('/v1/customers?id=c-001', {token: await agentToken(['supervisor'])})
    ).body.results[0].record;
    const {ownerId: _owner, locale: _locale, updatedAt: _updated, ...named} = original;
    assert.deepEqual(asSupervisor, named);
    assert.ok(original.ownerId !== undefined && original.locale !== undefined);
  });

  it('hides a tier together with what would give it away, and masks complaint fields', async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.tier!.access = {customer: 'hidden'};
    customization.fields.contactEmail!.access = {agent: 'full'};
    const {call} = setup({customization, allowAnonymousComplaints: true});
    const account = (
      await call('/v1/loyalty-accounts?customerId=c-001', {token: await customerToken('c-001')})
    ).body.results[0].record;
    for (const gone of ['tierId', 'tierName', 'tierColor']) assert.ok(!(gone in account), gone);
    await call('/v1/complaints', {
      body: {...complaint(), contact: {name: 'Ada', email: 'ada@example.com'}},
      headers: {'idempotency-key': 'anon'},
    });
    const created = await call('/v1/complaints', {
      token: await agentToken(),
      body: {...complaint(), contact: {name: 'Bo', email: 'bo@example.com'}},
      headers: {'idempotency-key': 'agent'},
    });
    assert.equal(created.body.contact.email, '••••••');
  });

  it('serves each role a valid document without the fields hidden from it', async () => {
    const {call} = setup();
    const forCustomer = (await call('/v1/customization', {token: await customerToken('c-001')}))
      .body;
    assert.equal(forCustomer.role, 'customer');
    assert.equal(validateCustomization(forCustomer.document).valid, true);
    assert.ok(
      !('segment' in forCustomer.document.fields) && !('stage' in forCustomer.document.fields),
    );
    assert.ok(!JSON.stringify(forCustomer.document.widgets).includes('"segment"'));
    assert.deepEqual(
      forCustomer.document.roles.map((r: {id: string}) => r.id),
      ['customer'],
    );
    const fields = (
      await call('/v1/fields/customer', {token: await customerToken('c-001')})
    ).body.fields.map((f: {path: string}) => f.path);
    assert.ok(!fields.includes('segment') && fields.includes('email'));
  });
});

describe('gateway: idempotency', () => {
  it('replays the stored response for the same key and body, and refuses another body with 422', async () => {
    const {call, adapter} = setup();
    const token = await agentToken();
    const before = adapter.data.complaints.length;
    const first = await call('/v1/complaints', {
      token,
      body: complaint('c-001'),
      headers: {'idempotency-key': 'same'},
    });
    const again = await call('/v1/complaints', {
      token,
      body: {...complaint('c-001')},
      headers: {'idempotency-key': 'same'},
    });
    assert.deepEqual(
      [again.status, again.body.id, again.headers.get('idempotent-replayed')],
      [201, first.body.id, 'true'],
    );
    assert.equal(adapter.data.complaints.length, before + 1);
    const changed = await call('/v1/complaints', {
      token,
      body: {...complaint('c-001'), subject: 'Other'},
      headers: {'idempotency-key': 'same'},
    });
    assert.deepEqual([changed.status, changed.body.error.code], [422, 'conflict']);
    const missing = await call('/v1/complaints', {token, body: complaint('c-001')});
    assert.deepEqual(
      [missing.status, Object.keys(missing.body.error.fields)],
      [400, ['Idempotency-Key']],
    );
  });

  it('keeps no outcome for refused input, so the corrected complaint can reuse the key', async () => {
    const {call} = setup();
    const token = await agentToken();
    const send = (description: string) =>
      call('/v1/complaints', {
        token,
        body: {...complaint('c-001'), description},
        headers: {'idempotency-key': 'corrected'},
      });
    const first = await send('');
    assert.deepEqual(
      [first.status, first.body.error.fields.description, first.headers.get('idempotent-replayed')],
      [400, 'This field is required.', null],
    );
    const fixed = await send('Ordered two weeks ago.');
    assert.deepEqual([fixed.status, fixed.headers.get('idempotent-replayed')], [201, null]);
    const again = await send('Ordered two weeks ago.');
    assert.deepEqual(
      [again.status, again.body.id, again.headers.get('idempotent-replayed')],
      [201, fixed.body.id, 'true'],
    );
  });

  it('answers 409 while the first request with a key is still running', async () => {
    const {call} = setup({}, {latency: 150});
    const token = await agentToken();
    const first = call('/v1/complaints', {
      token,
      body: complaint('c-001'),
      headers: {'idempotency-key': 'slow'},
    });
    await new Promise((r) => setTimeout(r, 30));
    const second = await call('/v1/complaints', {
      token,
      body: complaint('c-001'),
      headers: {'idempotency-key': 'slow'},
    });
    assert.deepEqual(
      [second.status, second.body.error.code, second.headers.get('retry-after')],
      [409, 'unavailable', '1'],
    );
    assert.equal((await first).status, 201);
  });

  it('keeps keys apart per caller, and frees a key after a transient failure', async () => {
    const {call, adapter} = setup();
    const one = await call('/v1/complaints', {
      token: await customerToken('c-001'),
      body: complaint(),
      headers: {'idempotency-key': 'shared'},
    });
    const two = await call('/v1/complaints', {
      token: await customerToken('c-002'),
      body: complaint(),
      headers: {'idempotency-key': 'shared'},
    });
    assert.notEqual(one.body.id, two.body.id);
    assert.equal(two.body.customerId, 'c-002');
    adapter.setFaults({rate: 1, kinds: ['unavailable']});
    const token = await agentToken();
    assert.equal(
      (
        await call('/v1/complaints', {
          token,
          body: complaint('c-003'),
          headers: {'idempotency-key': 'retry'},
        })
      ).status,
      503,
    );
    adapter.setFaults(null);
    assert.equal(
      (
        await call('/v1/complaints', {
          token,
          body: complaint('c-003'),
          headers: {'idempotency-key': 'retry'},
        })
      ).status,
      201,
    );
  });
});

describe('gateway: limits, CORS and logs', () => {
  it('limits requests per token with 429 and Retry-After', async () => {
    const {call} = setup({rateLimit: {requests: 2, perSeconds: 10}});
    const token = await agentToken();
    assert.equal((await call('/v1/customers?id=c-001', {token})).status, 200);
    assert.equal((await call('/v1/customers?id=c-001', {token})).status, 200);
    const limited = await call('/v1/customers?id=c-001', {token});
    assert.deepEqual(
      [limited.status, limited.body.error.code, limited.headers.get('retry-after')],
      [429, 'rate_limited', '10'],
    );
    assert.ok(limited.body.error.retryAfterMs > 9000, 'the window of 10 s has only just begun');
    assert.equal(
      (await call('/v1/customers?id=c-001', {token: await customerToken('c-001')})).status,
      200,
      'another token has its own count',
    );
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const {gateway} = setup({cors: {origins: ['https://shop.example']}});
    const preflight = (origin: string) =>
      gateway(
        new Request('http://gateway.test/v1/complaints', {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,idempotency-key',
          },
        }),
      );
    const allowed = await preflight('https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    assert.equal(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
      null,
    );
  });

  it('lets an allowed origin read answers and errors, with the headers it needs, and no other origin', async () => {
    const {call} = setup({cors: {origins: ['https://shop.example']}});
    const token = await customerToken('c-001');
    const from = (origin: string, withToken = true) =>
      call('/v1/customers?id=c-001', {...(withToken && {token}), headers: {origin}});
    for (const answer of [
      await from('https://shop.example'),
      await from('https://shop.example', false),
    ]) {
      assert.equal(answer.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.match(answer.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
      assert.match(answer.headers.get('vary') ?? '', /Origin/);
    }
    const other = await from('https://evil.example');
    assert.equal(other.status, 200, 'the gateway answers; the browser keeps it from the page');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal(other.headers.get('access-control-expose-headers'), null);
    assert.equal(
      other.headers.get('cache-control'),
      'no-store',
      'so no cache keeps it for another origin',
    );
  });

  it('logs routes, statuses and codes, and no personal data', async () => {
    const {call, logs, adapter} = setup();
    const token = await customerToken('c-001');
    await call('/v1/customers?id=c-001', {token});
    await call('/v1/customers/c-002/complaints', {token});
    await call('/v1/complaints', {token, body: complaint(), headers: {'idempotency-key': 'log'}});
    assert.deepEqual(
      logs.map((e) => {
        const {durationMs: _d, ...rest} = e as {durationMs: number};
        return rest;
      }),
      [
        {method: 'GET', route: '/v1/customers', status: 200, caller: 'customer'},
        {
          method: 'GET',
          route: '/v1/customers/:customerId/complaints',
          status: 403,
          caller: 'customer',
          code: 'forbidden',
        },
        {method: 'POST', route: '/v1/complaints', status: 201, caller: 'customer'},
      ],
    );
    const text = JSON.stringify(logs);
    const c1 = adapter.data.customers[0]!;
    for (const secretThing of ['c-001', 'c-002', c1.email!, c1.displayName, token])
      assert.ok(!text.includes(secretThing), secretThing);
  });
});
