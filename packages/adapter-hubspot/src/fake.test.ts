// The fake's own surface, as the Zendesk and LoyaltyLion fakes have it: handlers, fetch, baseUrl,
// calls, faulted, setFaults and reset.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fakeFaultKinds, fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const read = (fake: ReturnType<typeof fakeHubSpot>) =>
  fake.fetch(`${fake.baseUrl}/crm/v3/objects/contacts/101?properties=email`, {
    headers: {authorization: 'Bearer pat-test'},
  });

describe('the fake HubSpot', () => {
  it('answers at its baseUrl, default and given (without a trailing /)', async () => {
    assert.equal(fakeHubSpot().baseUrl, 'https://api.hubapi.com');
    const fake = fakeHubSpot({baseUrl: 'http://127.0.0.1:9/hubspot/'});
    assert.equal(fake.baseUrl, 'http://127.0.0.1:9/hubspot');
    const response = await read(fake);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as {id: string}).id, '101');
  });

  it('counts injected failures per kind, and reset forgets them with the calls', async () => {
    const fake = fakeHubSpot();
    assert.deepEqual(fake.faulted, {rate_limit: 0, server_error: 0, server_error_after_write: 0});
    for (const kind of fakeFaultKinds) {
      fake.setFaults({rate: 1, kinds: [kind]});
      const response = await read(fake);
      assert.equal(response.status, kind === 'rate_limit' ? 429 : 500);
    }
    fake.setFaults(null);
    assert.equal((await read(fake)).status, 200);
    assert.deepEqual(fake.faulted, {rate_limit: 1, server_error: 1, server_error_after_write: 1});
    assert.equal(fake.calls['GET /crm/v3/objects/:objectType/:id'], 4);
    fake.reset();
    assert.deepEqual(fake.faulted, {rate_limit: 0, server_error: 0, server_error_after_write: 0});
    assert.deepEqual(fake.calls, {});
  });
});
