// The example starts on any machine (against the fake HubSpot) and serves a customer.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient} from '@rapport/core';
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
