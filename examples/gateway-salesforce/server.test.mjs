// The example starts on any machine (against the fake Salesforce) and serves a customer.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient} from '@rapport/core';
import {signAgentToken} from '@rapport/gateway';
import {start} from './server.mjs';

test('serves a Salesforce contact and their points through the gateway', async () => {
  const server = await start({PORT: '0'});
  try {
    const token = await signAgentToken({
      agentId: 'test',
      roles: ['supervisor'],
      key: {secret: server.secret},
      audience: server.audience,
    });
    const client = createClient(httpAdapter({url: server.url, getToken: () => token}));
    const customer = await client.read('customers', '003FK0000000001YAA');
    assert.equal(customer.displayName, 'Mei Chen');
    assert.equal(customer.company, 'Chen Tea House', 'Account.Name through the contact');
    assert.deepEqual(
      customer.customFields.Interests__c,
      ['tea', 'cakes'],
      'the Salesforce custom field the customization document adds',
    );
    const account = await client.read('loyaltyAccounts', '003FK0000000001YAA');
    assert.equal(account.balance, 2450);
  } finally {
    await server.close();
  }
});

test('refuses a partial set of SALESFORCE_* variables, naming the missing one, never serving the fake', async () => {
  await assert.rejects(
    start({PORT: '0', SALESFORCE_CLIENT_ID: 'consumer', SALESFORCE_USERNAME: 'me@acme.example'}),
    /SALESFORCE_PRIVATE_KEY_FILE is not set/,
  );
  await assert.rejects(
    start({PORT: '0', SALESFORCE_ACCESS_TOKEN: 'token'}),
    /SALESFORCE_INSTANCE_URL is not set/,
  );
  await assert.rejects(
    start({PORT: '0', SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com'}),
    /SALESFORCE_INSTANCE_URL is set, but no Salesforce credentials/,
  );
});
