// A wrong option fails at start-up, with a message naming the option and the fix.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {runPingConformance} from '@rapport/adapter-testkit';
import {isRapportError} from '@rapport/core';
import {salesforceAdapter, type SalesforceAdapterOptions} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';

const instanceUrl = 'https://fake.my.salesforce.com';
const fake = fakeSalesforce();
const bare = fakeSalesforce({
  baseUrl: 'https://bare.my.salesforce.com',
  withoutCaseFields: ['Rapport_Idempotency_Key__c'],
});
const server = setupServer(...fake.handlers, ...bare.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

async function refused(options: SalesforceAdapterOptions, option: string, message: RegExp) {
  let error: unknown;
  try {
    await salesforceAdapter(options);
  } catch (e) {
    error = e;
  }
  assert.ok(isRapportError(error, 'invalid_input'), `invalid_input, got ${String(error)}`);
  assert.equal(error.details.option, option);
  assert.ok(option in error.fields, `fields name ${option}`);
  assert.match(
    error.message,
    new RegExp(`^salesforceAdapter: option ${option.replace('.', '\\.')}: `),
  );
  assert.match(error.message, message);
}

const token = {instanceUrl, accessToken: 'session-test'};

describe('start-up checks', () => {
  it('refuses missing credentials before calling Salesforce', async () => {
    const before = {...fake.calls};
    await refused(
      {instanceUrl},
      'accessToken',
      /give accessToken \(an OAuth access token\) or jwt/,
    );
    await refused({accessToken: 'x'}, 'instanceUrl', /My Domain URL/);
    await refused(
      {jwt: {clientId: 'a', username: '', privateKey: 'k'}},
      'jwt.username',
      /is required for the JWT bearer flow/,
    );
    await refused({...token, apiVersion: '62'}, 'apiVersion', /write it like v62\.0/);
    assert.deepEqual(fake.calls, before, 'no call reached Salesforce');
  });

  it('says how to create a missing External ID field, or warns when told there is none', async () => {
    await refused(
      {...token, instanceUrl: 'https://bare.my.salesforce.com'},
      'caseExternalIdField',
      /Case has no field "Rapport_Idempotency_Key__c": complaints are created exactly once through it\. To fix it, create a Text field .* "Unique" \(case sensitive\) and "External ID" ticked/,
    );
    await refused(
      {...token, caseExternalIdField: 'Order_Number__c'},
      'caseExternalIdField',
      /"Order_Number__c" must be marked External ID and Unique/,
    );
    const warnings: string[] = [];
    const adapter = await salesforceAdapter({
      ...token,
      instanceUrl: 'https://bare.my.salesforce.com',
      caseExternalIdField: null,
      onWarning: (message) => warnings.push(message),
    });
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /caseExternalIdField is null.*gateway with a shared idempotency store/,
    );
    const input = {
      customerId: '003FK0000000001YAA',
      channel: 'web',
      category: 'delivery',
      severity: 'low',
      subject: 'Late',
      description: 'Still late.',
    } as const;
    const first = await adapter.resources.complaints!.create(input, {idempotencyKey: 'k-1'});
    const again = await adapter.resources.complaints!.create(input, {idempotencyKey: 'k-1'});
    assert.equal(again.id, first.id, 'keys are kept in this process without the field');
  });

  it('names mapped fields the org lacks and picklist values it does not offer', async () => {
    await refused(
      {...token, loyalty: {points: 'Points__c', tier: 'Loyalty_Tier__c'}},
      'loyalty.points',
      /Contact has no field "Points__c".*Object Manager → Contact/,
    );
    await refused(
      {...token, loyalty: {points: 'Loyalty_Tier__c', tier: 'Loyalty_Tier__c'}},
      'loyalty.points',
      /is of type picklist; points need a Number field/,
    );
    await refused(
      {
        ...token,
        loyalty: {points: 'Loyalty_Points__c', tier: 'Loyalty_Tier__c', memberSince: 'Email'},
      },
      'loyalty.memberSince',
      /is of type email; it needs a Date field/,
    );
    await refused(
      {...token, statuses: {New: 'new', Parked: 'in_progress'}},
      'statuses',
      /"Parked" is not a value of the Case Status picklist; its values are New, Working, Escalated, Closed/,
    );
    await refused(
      {...token, statuses: {Closed: 'closed'}},
      'statuses',
      /no Case Status maps to "new"/,
    );
    await refused(
      {...token, severities: {critical: 'Urgent'}},
      'severities',
      /"Urgent" is not a value of the Case Priority picklist; its values are High, Medium, Low/,
    );
    await refused(
      {...token, categoryField: 'Reason', categories: {delivery: 'Shipping'}},
      'categories',
      /"Shipping" is not a value of the Case Reason picklist/,
    );
  });

  it('refuses PersonAccount on an org without person accounts', async () => {
    await refused(
      {...token, customerObject: 'PersonAccount'},
      'customerObject',
      /this org has no person accounts \(Account has no IsPersonAccount field\)/,
    );
  });

  it('passes on Salesforce refusing the session at start-up', async () => {
    server.use(
      http.get(
        `${instanceUrl}/services/data/:version/sobjects/Case/describe`,
        () =>
          new HttpResponse(
            '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]',
            {status: 401, headers: {'content-type': 'application/json'}},
          ),
      ),
    );
    await assert.rejects(salesforceAdapter(token), (e) => isRapportError(e, 'unauthorized'));
    server.resetHandlers();
  });

  it('starts with the defaults on a default org', async () => {
    const salesforce = await salesforceAdapter(token);
    assert.deepEqual(salesforce.capabilities.entities, ['customer', 'complaint']);
    assert.equal(salesforce.capabilities.maxBatchSize, 200);
    assert.equal(salesforce.resources.loyaltyAccounts, undefined, 'no loyalty option, no loyalty');
    assert.match(
      String(salesforce.limits()?.apiUsage?.max),
      /^15000$/,
      'Sforce-Limit-Info is read',
    );
  });

  runPingConformance({
    name: 'salesforce',
    start: ({fetch, now}) => salesforceAdapter({...token, fetch, now}),
  });
});
