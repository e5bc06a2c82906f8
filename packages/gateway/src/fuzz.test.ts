// Property-based attacks on the gateway: forged and mutated tokens, swapped ids, every role.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {SignJWT} from 'jose';
import {catalogue, essentialsOf} from '@rapport/core';
import {defaultCustomization, maskFor, maskValue, readSource} from '@rapport/schema';
import {agentToken, audience, customerToken, setup} from '../test-support/support.js';

const b64url = (text: string) => Buffer.from(text).toString('base64url');

describe('gateway under attack (fast-check)', () => {
  it("never returns another customer's data for 1,000 mutated or forged tokens and swapped ids", async () => {
    const {call, adapter} = setup();
    const customers = adapter.data.customers;
    const tokens = new Map<string, string>();
    for (const c of customers) tokens.set(c.id, await customerToken(c.id));
    const routes = [
      (id: string) => `/v1/customers?id=${id}`,
      (id: string) => `/v1/loyalty-accounts?customerId=${id}`,
      (id: string) => `/v1/customers/${id}/complaints`,
      (id: string) => `/v1/customers/${id}/interactions`,
      // The holder's own id beside the victim's, in one batch: only the own record may come back.
      (id: string, own: string) => `/v1/customers?id=${own}&id=${id}`,
      (id: string, own: string) => `/v1/loyalty-accounts?customerId=${id}&customerId=${own}`,
    ];
    const attack = fc.record({
      holder: fc.integer({min: 0, max: customers.length - 1}),
      victim: fc.integer({min: 0, max: customers.length - 1}),
      route: fc.integer({min: 0, max: routes.length - 1}),
      mutation: fc.oneof(
        fc.record({
          kind: fc.constant('flip' as const),
          at: fc.nat(),
          bits: fc.integer({min: 1, max: 255}),
        }),
        fc.record({kind: fc.constant('swap-subject' as const)}),
        fc.record({
          kind: fc.constant('wrong-secret' as const),
          key: fc.string({minLength: 32, maxLength: 40}),
        }),
        fc.record({kind: fc.constant('alg-none' as const)}),
        fc.record({kind: fc.constant('strip-signature' as const)}),
        fc.record({kind: fc.constant('agent-claims' as const)}),
        fc.record({
          kind: fc.constant('garbage' as const),
          text: fc.string({minLength: 1, maxLength: 80}),
        }),
        fc.record({kind: fc.constant('none' as const)}),
      ),
    });
    await fc.assert(
      fc.asyncProperty(attack, async ({holder: holderIndex, victim, route, mutation}) => {
        fc.pre(holderIndex !== victim);
        const own = customers[holderIndex]!.id;
        const target = customers[victim]!;
        const valid = tokens.get(own)!;
        const [header, payload, signature] = valid.split('.') as [string, string, string];
        let token: string;
        switch (mutation.kind) {
          case 'flip': {
            const chars = [...valid];
            const i = mutation.at % chars.length;
            // Stay within printable ASCII: anything else could not be sent in a header at all.
            chars[i] = String.fromCharCode(33 + ((chars[i]!.charCodeAt(0) ^ mutation.bits) % 94));
            token = chars.join('');
            break;
          }
          case 'swap-subject': {
            const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
            token = `${header}.${b64url(JSON.stringify({...claims, sub: target.id}))}.${signature}`;
            break;
          }
          case 'wrong-secret':
            token = await new SignJWT({kind: 'customer'})
              .setProtectedHeader({alg: 'HS256'})
              .setSubject(target.id)
              .setAudience(audience)
              .setExpirationTime('5m')
              .sign(new TextEncoder().encode(mutation.key));
            break;
          case 'alg-none':
            token = `${b64url(JSON.stringify({alg: 'none', typ: 'JWT'}))}.${b64url(JSON.stringify({sub: target.id, kind: 'agent', roles: ['supervisor'], aud: audience}))}.`;
            break;
          case 'strip-signature':
            token = `${header}.${payload}.`;
            break;
          case 'agent-claims': {
            const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
            token = `${header}.${b64url(JSON.stringify({...claims, kind: 'agent', roles: ['supervisor']}))}.${signature}`;
            break;
          }
          case 'garbage':
            token = mutation.text.replace(/[^\x21-\x7e]/g, '') || 'x';
            break;
          case 'none':
            token = valid; // the holder's real token, asking for someone else's records
        }
        const response = await call(
          routes[route]!(encodeURIComponent(target.id), encodeURIComponent(own)),
          {token},
        );
        // A batch read answers per id: a token that still verifies (the holder's own, or one whose
        // flipped character decodes to the same bytes) gets a refusal for the victim's id, and its
        // own record, if it asked for it, is no one else's data.
        const refusedEach =
          response.status === 200 &&
          response.body.results.every(
            (entry: {id: string; record: unknown; error?: {code: string}}) =>
              entry.id === own || (entry.record === null && entry.error?.code === 'forbidden'),
          );
        assert.ok(
          response.status === 401 || response.status === 403 || refusedEach,
          `${mutation.kind}: status ${response.status}`,
        );
        // The victim's values, less those the holder shares (two customers may have one name), since
        // a batch with the holder's own id rightly returns the holder's record.
        const holder = customers[holderIndex]!;
        const shared = new Set([holder.email, holder.displayName]);
        for (const value of [
          target.email!,
          target.displayName,
          String(target.customFields.membership_number),
        ].filter((v) => !shared.has(v))) {
          assert.ok(
            !response.text.includes(value),
            `${mutation.kind}: the response holds the victim's data`,
          );
        }
      }),
      {numRuns: 1000},
    );
  });

  it('keeps every hidden field out of every response for every role, and masks the masked ones', async () => {
    const {call, adapter} = setup();
    const roles = defaultCustomization.roles.map((r) => r.id);
    const tokenFor = async (role: string, customerId: string) =>
      role === 'customer' ? customerToken(customerId) : agentToken([role]);
    const fields = Object.values(defaultCustomization.fields);
    const originals = new Map(adapter.data.customers.map((c) => [c.id, c]));
    const accounts = new Map(adapter.data.accounts.map((a) => [a.customerId, a]));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...roles),
        fc.constantFrom(...adapter.data.customers.map((c) => c.id)),
        async (role, id) => {
          const token = await tokenFor(role, id);
          const customer = (await call(`/v1/customers?id=${id}`, {token})).body.results[0].record;
          const account = (await call(`/v1/loyalty-accounts?customerId=${id}`, {token})).body
            .results[0].record;
          const complaints = (await call(`/v1/customers/${id}/complaints?limit=100`, {token})).body
            .items;
          const interactions = (await call(`/v1/customers/${id}/interactions?limit=100`, {token}))
            .body.items;
          // The lists of issue 18: what a member can redeem, the points history, the coupons
          // redeemed, complaint threads and survey answers.
          const lists = await Promise.all(
            (
              [
                'rewards',
                'pointsTransactions',
                'redemptions',
                'complaintUpdates',
                'surveyAnswers',
              ] as const
            ).map(async (resource) => {
              const path = resource.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
              const answer = await call(`/v1/customers/${id}/${path}?limit=100`, {token});
              assert.equal(answer.status, 200, `${role} lists ${resource}: ${answer.text}`);
              return (answer.body.items as unknown[]).map((item) => [resource, item]);
            }),
          );
          // The allow-list: nothing leaves that no field visible to the role names, besides the
          // catalogue's key, owner, essentials and what a visible field reveals.
          for (const [resource, record] of [
            ['customers', customer],
            ['loyaltyAccounts', account],
            ...complaints.map((c: unknown) => ['complaints', c]),
            ...interactions.map((i: unknown) => ['interactions', i]),
            ...lists.flat(),
          ] as [keyof typeof catalogue, Record<string, unknown>][]) {
            const definition = catalogue[resource];
            const repeats: Readonly<Record<string, {entity: string; source: string}>> =
              'repeats' in definition ? definition.repeats : {};
            const visible = fields.filter((f) => maskFor(f, role) !== 'hidden');
            const named = [
              ...visible.filter((f) => f.entity === definition.entity).map((f) => f.source),
              ...Object.entries(repeats)
                .filter(([, r]) =>
                  visible.some((f) => f.entity === r.entity && f.source === r.source),
                )
                .map(([path]) => path),
            ];
            const reveals: Readonly<Record<string, readonly string[]>> =
              'reveals' in definition ? definition.reveals : {};
            const allowed = new Set([
              ...essentialsOf(definition),
              ...named,
              ...named.flatMap((source) => reveals[source] ?? []),
            ]);
            for (const path of leafPaths(record, resource))
              assert.ok(
                allowed.has(path),
                `${role} received ${resource} ${path}, which no field names`,
              );
          }
          for (const field of fields) {
            const mask = maskFor(field, role);
            const records =
              field.entity === 'customer'
                ? [[customer, originals.get(id)]]
                : field.entity === 'loyalty'
                  ? [[account, accounts.get(id)]]
                  : complaints.map((c: unknown) => [c, undefined]);
            for (const [record, original] of records) {
              const shown = readSource(record, field.source);
              if (mask === 'hidden')
                assert.equal(shown, undefined, `${role} received ${field.source}`);
              else if (original && mask !== 'none')
                assert.deepEqual(
                  shown,
                  maskValue(readSource(original, field.source), mask),
                  `${role}: ${field.source} not masked`,
                );
            }
          }
        },
      ),
      {numRuns: 150},
    );
  });
});

/**
 * The paths of a record's values as document sources name them (`name.given`, `customFields.store`);
 * other objects (a reward's localized `name`, an update's `author`) are one value.
 */
function leafPaths(record: Record<string, unknown>, resource: string): string[] {
  const nested =
    resource === 'customers'
      ? ['name', 'customFields']
      : resource === 'complaints'
        ? ['contact', 'customFields']
        : resource === 'complaintUpdates'
          ? ['author']
          : [];
  return Object.entries(record).flatMap(([key, value]) =>
    nested.includes(key) && value !== null && typeof value === 'object'
      ? Object.keys(value).map((inner) => `${key}.${inner}`)
      : [key],
  );
}
