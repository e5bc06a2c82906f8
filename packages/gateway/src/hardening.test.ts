// The gateway as an attacker and a careful integrator try it: per-id refusals, the document's form
// rules on the server, deny by default, and bounds under abuse.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {SignJWT} from 'jose';
import {memoryIdempotencyStore} from '@rapport/core';
import {signAgentToken} from '@rapport/gateway';
import {defaultCustomization} from '@rapport/schema';
import {
  agentToken,
  audience,
  complaint,
  customerToken,
  secret,
  setup,
} from '../test-support/support.js';

const key = (() => {
  let n = 0;
  return () => ({'idempotency-key': `hardening-${++n}`});
})();

/** Posts each case's change to a valid complaint and expects a 400 naming its source path. */
async function expectRefused(
  call: ReturnType<typeof setup>['call'],
  token: string,
  cases: readonly [what: string, change: Record<string, unknown>, path: string][],
): Promise<void> {
  for (const [what, change, path] of cases) {
    const response = await call('/v1/complaints', {
      token,
      body: {...complaint(), ...change},
      headers: key(),
    });
    assert.equal(response.status, 400, what);
    assert.equal(response.body.error.code, 'invalid_input', what);
    assert.equal(response.body.error.details.reason, 'document_rules', what);
    assert.ok(typeof response.body.error.fields[path] === 'string', `${what}: ${response.text}`);
  }
}

describe('gateway: the document enforced on the server', () => {
  it('answers 400 with a message per field for values the complaint form forbids', async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.orderNumber!.validation = {
      ...customization.fields.orderNumber!.validation,
      required: true,
    };
    const {call, adapter} = setup({customization});
    const token = await customerToken('c-001');
    const before = (await adapter.resources.complaints!.list('c-001', {limit: 100})).items.length;
    const cases: [string, Record<string, unknown>, string][] = [
      ['a pattern', {customFields: {order_number: 'order 12'}}, 'customFields.order_number'],
      [
        'a minimum length',
        {description: 'Too short', customFields: {order_number: 'SO-123456'}},
        'description',
      ],
      [
        'an option outside the list',
        {category: 'weather', customFields: {order_number: 'SO-123456'}},
        'category',
      ],
      ['a missing required custom field', {}, 'customFields.order_number'],
      [
        'a custom field the form does not ask',
        {customFields: {order_number: 'SO-123456', discount: '100%'}},
        'customFields.discount',
      ],
    ];
    await expectRefused(call, token, cases);
    const after = (await adapter.resources.complaints!.list('c-001', {limit: 100})).items.length;
    assert.equal(after, before, 'nothing was stored');
    const fine = await call('/v1/complaints', {
      token,
      body: {...complaint(), customFields: {order_number: 'SO-123456'}},
      headers: key(),
    });
    assert.equal(fine.status, 201, fine.text);
  });

  it("checks the plan of the caller's role, and writes the messages in the caller's language", async () => {
    const customization = structuredClone(defaultCustomization);
    // Agents file complaints without the order-number rule; customers keep it.
    customization.widgets['complaint-form']!.roles = {
      agent: {
        type: 'VerticalLayout',
        elements: ['category', 'severity', 'subject', 'description'].map((field) => ({
          type: 'Control' as const,
          field,
        })),
      },
    };
    const {call} = setup({customization});
    const body = {...complaint('c-001'), description: 'Too short'};
    const asCustomer = await call('/v1/complaints', {
      token: await customerToken('c-001'),
      body,
      headers: {...key(), 'accept-language': 'zh-CN,zh;q=0.9'},
    });
    assert.equal(asCustomer.status, 400);
    assert.match(asCustomer.body.error.fields.description, /[\u4e00-\u9fff]/, 'a Chinese message');
    const withOrder = {...body, description: 'Long enough now', customFields: {order_number: 'x'}};
    const asAgent = await call('/v1/complaints', {
      token: await agentToken(),
      body: withOrder,
      headers: key(),
    });
    assert.equal(asAgent.status, 400, 'the agent form has no order number');
    assert.deepEqual(Object.keys(asAgent.body.error.fields), ['customFields.order_number']);
  });

  it('asks anonymous visitors for the contact fields, and customers not', async () => {
    const {call} = setup({allowAnonymousComplaints: true});
    const anonymous = await call('/v1/complaints', {
      body: complaint(),
      headers: key(),
      address: '192.0.2.1',
    });
    assert.equal(anonymous.status, 400);
    assert.ok(
      'contact.name' in anonymous.body.error.fields &&
        'contact.email' in anonymous.body.error.fields,
    );
    const customer = await call('/v1/complaints', {
      token: await customerToken('c-001'),
      body: complaint(),
      headers: key(),
    });
    assert.equal(customer.status, 201);
  });
  it('refuses values of the wrong shape, and input the form does not ask the role for', async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.severity!.access = {customer: 'hidden'};
    const {call} = setup({customization});
    const token = await customerToken('c-001');
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'a list in a text field',
        {customFields: {order_number: ['x'.repeat(20_000)]}},
        'customFields.order_number',
      ],
      ['an object in a text field', {subject: {}}, 'subject'],
      ['a hidden field', {severity: 'critical'}, 'severity'],
      [
        "contact details on a customer's complaint",
        {contact: {name: 'Eve', email: 'eve@example.com'}},
        'contact.name',
      ],
    ];
    await expectRefused(call, token, cases);
    // The form's own default for a field it does not show is accepted, and stored as such.
    const {severity: _severity, ...rest} = complaint();
    const fine = await call('/v1/complaints', {
      token,
      body: {...rest, severity: 'medium'},
      headers: key(),
    });
    assert.equal(fine.status, 201, fine.text);
  });
});
describe('gateway: deny by default', () => {
  it('refuses a token whose role the document does not define, whatever the role is called', async () => {
    const {call} = setup();
    for (const role of ['Agent', 'admin', 'constructor', '__proto__', 'toString']) {
      const response = await call('/v1/customers?id=c-001', {token: await agentToken([role])});
      assert.equal(response.status, 401, role);
      assert.equal(response.body.error.details.reason, 'token_claims', role);
      assert.equal(response.body.results, undefined, `${role}: no record at all`);
    }
    assert.throws(
      () => setup({auth: {secret, audience, customerRole: 'member'}}),
      /customer role "member" is not a role/,
    );
  });

  it('refuses tokens without exp and tokens that live longer than maxTokenAgeSeconds', async () => {
    const {call} = setup();
    const sign = (lifetime?: string) => {
      const jwt = new SignJWT({kind: 'agent', roles: ['agent']})
        .setProtectedHeader({alg: 'HS256'})
        .setSubject('a-1')
        .setAudience(audience)
        .setIssuedAt();
      if (lifetime) jwt.setExpirationTime(lifetime);
      return jwt.sign(new TextEncoder().encode(secret));
    };
    for (const [lifetime, status] of [
      [undefined, 401],
      ['30d', 401],
      ['23h', 200],
    ] as const) {
      const response = await call('/v1/customers?id=c-001', {token: await sign(lifetime)});
      assert.equal(response.status, status, `lifetime ${lifetime ?? 'none'}`);
      if (status === 401) assert.equal(response.body.error.details.reason, 'token_claims');
    }
    // "Issued" ten years ahead, to stretch a one-hour lifetime over ten years.
    const ahead = Math.floor(Date.now() / 1000) + 10 * 365 * 86_400;
    const future = await new SignJWT({kind: 'agent', roles: ['agent']})
      .setProtectedHeader({alg: 'HS256'})
      .setSubject('a-1')
      .setAudience(audience)
      .setIssuedAt(ahead)
      .setExpirationTime(ahead + 3600)
      .sign(new TextEncoder().encode(secret));
    assert.equal((await call('/v1/customers?id=c-001', {token: future})).status, 401);
    const strict = setup({auth: {secret, audience, maxTokenAgeSeconds: 600}});
    const hour = await signAgentToken({agentId: 'a', roles: ['agent'], key: {secret}, audience});
    assert.equal((await strict.call('/v1/customers?id=c-001', {token: hour})).status, 401);
  });

  it('sends only what the fields a role sees name: hiding the display name takes the name parts along', async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.name!.access = {agent: 'hidden'};
    const {call, adapter} = setup({customization});
    const original = adapter.data.customers.find((c) => c.id === 'c-001')!;
    assert.ok(original.name?.given && original.ownerId);
    const record = (await call('/v1/customers?id=c-001', {token: await agentToken()})).body
      .results[0].record;
    for (const gone of ['displayName', 'name', 'ownerId', 'locale', 'updatedAt'])
      assert.ok(!(gone in record), `${gone} reached the agent`);
    assert.equal(record.id, 'c-001');
    assert.equal(record.email, original.email);
  });

  it("redacts interactions by the rules of the complaint subject they repeat, and never sends agents' ids", async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.subject!.access = {agent: 'hidden'};
    const {call, adapter} = setup({customization});
    const id = adapter.data.interactions.find((i) => i.agentId !== undefined)!.customerId;
    const asAgent = (
      await call(`/v1/customers/${id}/interactions?limit=100`, {token: await agentToken()})
    ).body.items;
    const asSupervisor = (
      await call(`/v1/customers/${id}/interactions?limit=100`, {
        token: await agentToken(['supervisor']),
      })
    ).body.items;
    assert.ok(asAgent.length > 0);
    for (const item of asAgent) {
      assert.ok(!('summary' in item), 'the agent cannot see complaint subjects');
      assert.ok(item.id && item.at && item.type, 'the timeline keeps its essentials');
    }
    assert.ok(asSupervisor.every((item: {summary?: string}) => typeof item.summary === 'string'));
    for (const item of [...asAgent, ...asSupervisor]) assert.ok(!('agentId' in item));
  });
});

describe('gateway: bounded under abuse', () => {
  it('keeps a digest of the request body as the fingerprint, not the body', async () => {
    const store = memoryIdempotencyStore();
    const {call} = setup({idempotencyStore: store});
    const long = 'A long description of what went wrong. '.repeat(100);
    const response = await call('/v1/complaints', {
      token: await customerToken('c-001'),
      body: {...complaint(), description: long.slice(0, 4000)},
      headers: key(),
    });
    assert.equal(response.status, 201);
    const [[, record]] = store.entries() as unknown as [[string, {fingerprint: string}]];
    assert.match(record.fingerprint, /^[0-9a-f]{64}$/);
  });

  it("gives each caller a quota of keys in the store, so one token cannot crowd out another's", async () => {
    const store = memoryIdempotencyStore({maxEntriesPerCaller: 2});
    const {call} = setup({idempotencyStore: store});
    const other = await call('/v1/complaints', {
      token: await customerToken('c-002'),
      body: complaint(),
      headers: {'idempotency-key': 'theirs'},
    });
    const token = await customerToken('c-001');
    for (const n of [1, 2, 3])
      await call('/v1/complaints', {
        token,
        body: complaint(),
        headers: {'idempotency-key': `mine-${n}`},
      });
    assert.equal(store.usage().entries, 3, "two of c-001's keys and c-002's one");
    const replay = await call('/v1/complaints', {
      token: await customerToken('c-002'),
      body: complaint(),
      headers: {'idempotency-key': 'theirs'},
    });
    assert.deepEqual(
      [replay.status, replay.headers.get('idempotent-replayed'), replay.body.id],
      [201, 'true', other.body.id],
    );
  });

  it('keeps only the essentials of a created record larger than maxStoredResponseBytes', async () => {
    const {call} = setup({maxStoredResponseBytes: 200});
    const token = await customerToken('c-001');
    const headers = key();
    const first = await call('/v1/complaints', {token, body: complaint(), headers});
    const again = await call('/v1/complaints', {token, body: complaint(), headers});
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(
      [again.body.id, again.body.reference, again.body.status],
      [first.body.id, first.body.reference, first.body.status],
    );
    assert.ok(!('description' in again.body) && 'description' in first.body);
  });

  it('limits requests without a valid token per client address, never a valid token', async () => {
    const {call} = setup({
      rateLimit: {
        requests: 100,
        perSeconds: 1,
        perAddress: {requests: 2, perSeconds: 3600},
      },
    });
    const forged = `${(await customerToken('c-001')).slice(0, -4)}AAAA`;
    const attacker = '198.51.100.7';
    assert.equal((await call('/v1/customers?id=c-001', {address: attacker})).status, 401);
    assert.equal(
      (await call('/v1/customers?id=c-001', {address: attacker, token: forged})).status,
      401,
    );
    for (const token of [undefined, forged]) {
      const refused = await call('/v1/customers?id=c-001', {
        address: attacker,
        ...(token && {token}),
      });
      assert.equal(refused.status, 429, token ? 'a forged token' : 'no token');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    }
    // Someone else is not held back, nor is a valid token from the same address (an office, a proxy).
    assert.equal((await call('/v1/customers?id=c-001', {address: '203.0.113.9'})).status, 401);
    const token = await customerToken('c-001');
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await call('/v1/customers?id=c-001', {address: attacker, token})).status,
        200,
        'valid tokens are always served and cost the address nothing',
      );
  });

  it('limits an IPv6 network by its /64, and ignores a proxy header that holds no address', async () => {
    const {call} = setup({
      trustedProxyHeader: 'x-forwarded-for',
      rateLimit: {
        requests: 100,
        perSeconds: 1,
        perAddress: {requests: 2, perSeconds: 3600},
      },
    });
    const from = (address: string, header?: string) =>
      call('/v1/customers?id=c-001', {
        address,
        ...(header && {headers: {'x-forwarded-for': header}}),
      });
    assert.equal((await from('2001:db8:1:2::1')).status, 401);
    assert.equal((await from('2001:db8:1:2:ffff::9')).status, 401);
    assert.equal((await from('2001:0db8:0001:0002:abcd::1')).status, 429, 'the same /64');
    assert.equal((await from('2001:db8:1:3::1')).status, 401, 'another /64');
    // A header that is not an address counts as the connection's address, not as a fresh identity.
    const padded = 'x'.repeat(8000);
    assert.equal((await from('192.0.2.50', padded)).status, 401);
    assert.equal((await from('192.0.2.50', `${padded}-2`)).status, 401);
    assert.equal((await from('192.0.2.50', `${padded}-3`)).status, 429);
  });

  it('gives every anonymous visitor an identity of their own, read from a trusted proxy header', async () => {
    const {call} = setup({
      allowAnonymousComplaints: true,
      trustedProxyHeader: 'x-forwarded-for',
      rateLimit: {
        requests: 1,
        perSeconds: 3600,
        perAddress: {requests: 100, perSeconds: 1},
      },
    });
    const visitor = (name: string) => ({
      ...complaint(),
      contact: {name, email: `${name}@example.com`},
    });
    const from = (ip: string) => ({
      'x-forwarded-for': `10.0.0.1, ${ip}`,
      'idempotency-key': 'same-key',
    });
    const ada = await call('/v1/complaints', {
      body: visitor('ada'),
      headers: from('192.0.2.10'),
      address: '10.0.0.2',
    });
    const bo = await call('/v1/complaints', {
      body: visitor('bo'),
      headers: from('192.0.2.11'),
      address: '10.0.0.2',
    });
    assert.deepEqual([ada.status, bo.status], [201, 201], 'one visitor does not throttle another');
    assert.notEqual(ada.body.id, bo.body.id, 'nor replays their complaint under the same key');
    assert.equal(bo.headers.get('idempotent-replayed'), null);
    const again = await call('/v1/complaints', {
      body: visitor('ada'),
      headers: {...from('192.0.2.10'), 'idempotency-key': 'other'},
    });
    assert.equal(again.status, 429, "Ada's own bucket is empty");
  });

  it('answers 400 for JSON nested deeper than the limit, never 500', async () => {
    const {call} = setup();
    for (const depth of [40, 20_000]) {
      const body = `{"subject":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const response = await call('/v1/complaints', {
        token: await agentToken(),
        body,
        headers: key(),
      });
      assert.equal(response.status, 400, `depth ${depth}`);
      assert.match(response.body.error.fields.body, /deeper than 32 levels/);
    }
  });
});
