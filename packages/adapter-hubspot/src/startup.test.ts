// A wrong option fails at start-up, with a message naming the option and the fix.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {runPingConformance} from '@rapport/adapter-testkit';
import {isRapportError} from '@rapport/core';
import {hubspotAdapter, type HubSpotAdapterOptions} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const fake = fakeHubSpot();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

async function refused(options: HubSpotAdapterOptions, option: string, message: RegExp) {
  let error: unknown;
  try {
    await hubspotAdapter(options);
  } catch (e) {
    error = e;
  }
  assert.ok(isRapportError(error, 'invalid_input'), `invalid_input, got ${String(error)}`);
  assert.equal(error.details.option, option);
  assert.ok(option in error.fields, `fields name ${option}`);
  assert.match(
    error.message,
    new RegExp(`^hubspotAdapter: option ${option.replace('.', '\\.')}: `),
  );
  assert.match(error.message, message);
}

const token = {accessToken: 'pat-test'};

describe('start-up checks', () => {
  it('refuses missing credentials before calling HubSpot', async () => {
    const before = {...fake.calls};
    await refused({}, 'accessToken', /give accessToken \(a private app token, pat-…\) or oauth/);
    await refused(
      {oauth: {clientId: 'a', clientSecret: '', refreshToken: 'r'}},
      'oauth.clientSecret',
      /is required for OAuth/,
    );
    assert.deepEqual(fake.calls, before, 'no call reached HubSpot');
  });

  it('names an unknown pipeline and lists the real ones', async () => {
    await refused(
      {...token, pipeline: '7'},
      'pipeline',
      /"7" is not a ticket pipeline of this portal; its pipelines are "0" \(Support Pipeline\)/,
    );
  });

  it('names an unknown stage and lists the stages', async () => {
    await refused(
      {...token, stages: {'1': 'new', '9': 'closed'}},
      'stages',
      /"9" is not a stage of pipeline "0"; its stages are "1" \(New\), "2" \(Waiting on contact\)/,
    );
    await refused({...token, stages: {'4': 'closed'}}, 'stages', /no stage maps to "new"/);
  });

  it('names a mapped property the portal lacks', async () => {
    await refused(
      {...token, loyalty: {points: 'points_balance', tier: 'loyalty_tier'}},
      'loyalty.points',
      /HubSpot has no contact property "points_balance"; create it/,
    );
    await refused(
      {...token, loyalty: {points: 'loyalty_tier', tier: 'loyalty_tier'}},
      'loyalty.points',
      /is of type enumeration; points need a number property/,
    );
    await refused(
      {...token, idProperty: 'nickname'},
      'idProperty',
      /no contact property "nickname"/,
    );
    await refused({...token, idProperty: 'firstname'}, 'idProperty', /does not have unique values/);
    await refused({...token, extraProperties: ['hs_nope']}, 'extraProperties', /"hs_nope"/);
  });

  it('says how to create a missing idempotency property', async () => {
    await refused(
      {...token, idempotencyProperty: 'my_key'},
      'idempotencyProperty',
      /HubSpot has no ticket property "my_key": complaints are created exactly once through it\. Create it with POST https:\/\/api\.hubapi\.com\/crm\/v3\/properties\/tickets and the body \{"name":"my_key",.*"hasUniqueValue":true\}/,
    );
    await refused(
      {...token, idempotencyProperty: 'order_number'},
      'idempotencyProperty',
      /ticket property "order_number" must have unique values/,
    );
  });

  it('names a priority or category value the portal does not offer', async () => {
    await refused(
      {...token, priorities: {critical: 'BLOCKER'}},
      'priorities',
      /"BLOCKER" is not a value of ticket property hs_ticket_priority; its values are LOW, MEDIUM, HIGH, URGENT/,
    );
    await refused({...token, categories: {delivery: 'SHIPPING'}}, 'categories', /"SHIPPING"/);
  });

  it('names a time zone that is not one', async () => {
    await refused(
      {...token, timeZone: 'Mars/Olympus'},
      'timeZone',
      /"Mars\/Olympus" is not an IANA time zone/,
    );
  });

  it('passes on HubSpot refusing the token at start-up', async () => {
    server.use(
      http.get('https://api.hubapi.com/crm/v3/pipelines/tickets', () =>
        HttpResponse.json(
          {
            status: 'error',
            message: 'Authentication credentials not found.',
            category: 'INVALID_AUTHENTICATION',
          },
          {status: 401},
        ),
      ),
    );
    await assert.rejects(hubspotAdapter(token), (e) => isRapportError(e, 'unauthorized'));
    server.resetHandlers();
  });

  it('starts with the defaults on a default portal', async () => {
    const hubspot = await hubspotAdapter(token);
    assert.deepEqual(hubspot.capabilities.entities, ['customer', 'complaint']);
    assert.equal(hubspot.resources.loyaltyAccounts, undefined, 'no loyalty option, no loyalty');
  });

  runPingConformance({
    name: 'hubspot',
    start: ({fetch, now}) => hubspotAdapter({...token, fetch, now}),
  });
});
