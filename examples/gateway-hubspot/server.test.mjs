// The example starts on any machine (against the fake HubSpot) and serves a customer.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, isRapportError} from '@rapport/core';
import {signAgentToken} from '@rapport/gateway';
import {start} from './server.mjs';

test('serves a HubSpot customer and their points through the gateway', async () => {
  const server = await start({PORT: '0'});
  try {
    const token = await signAgentToken({
      agentId: 'test',
      roles: ['supervisor'],
      key: {secret: server.secret},
      audience: server.audience,
    });
    const client = createClient(httpAdapter({url: server.url, getToken: () => token}));
    const customer = await client.read('customers', '101');
    assert.equal(customer.displayName, 'Mei Chen');
    assert.deepEqual(
      customer.customFields.interests,
      ['tea', 'cakes'],
      'the HubSpot custom property the customization document adds',
    );
    const account = await client.read('loyaltyAccounts', '101');
    assert.equal(account.balance, 2450);
  } finally {
    await server.close();
  }
});

test('files complaints and pages through them with the cursor; an unknown customer is not named', async () => {
  const server = await start({PORT: '0'});
  try {
    const token = await signAgentToken({
      agentId: 'test',
      roles: ['supervisor'],
      key: {secret: server.secret},
      audience: server.audience,
    });
    const client = createClient(httpAdapter({url: server.url, getToken: () => token}));
    const filed = [];
    for (const n of [1, 2, 3]) {
      filed.push(
        await client.create('complaints', {
          customerId: '102',
          channel: 'web',
          category: 'delivery',
          severity: 'medium',
          subject: `Parcel late #${n}`,
          description: 'The parcel has not arrived.',
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seen = [];
    let cursor;
    do {
      const page = await client.list('complaints', '102', {limit: 2, ...(cursor && {cursor})});
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, filed.map((c) => c.id).reverse(), 'newest first, each once');

    const error = await client.list('complaints', 'someone-unknown').catch((e) => e);
    assert.ok(isRapportError(error, 'not_found'), String(error));
    assert.match(error.message, /no contact with that id/);
    assert.doesNotMatch(error.message, /someone-unknown/);
  } finally {
    await server.close();
  }
});
