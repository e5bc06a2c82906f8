// Replays of recorded HubSpot answers, byte for byte (src/fixtures, with their SOURCES.txt and
// licence): each error case maps to the RapportError the contract promises.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {isRapportError, servedReports, type RapportError} from '@rapport/core';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {recorded} from './fake/recorded.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const api = 'https://api.hubapi.com';
const fake = fakeHubSpot();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
});
after(() => server.close());

/** Answers `path` with a recorded body and status, counting the calls that reach it. */
function replay(method: 'get' | 'post', path: string, name: string, status: number) {
  const seen = {calls: 0};
  server.use(
    http[method](`${api}${path}`, () => {
      seen.calls++;
      return new HttpResponse(fixture(name), {
        status,
        headers: {'content-type': 'application/json;charset=utf-8'},
      });
    }),
  );
  return seen;
}

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

const adapter = (extra: Parameters<typeof hubspotAdapter>[0] = {}) =>
  hubspotAdapter({accessToken: 'pat-test', ...extra});

describe('replay: the contacts list', () => {
  it('scans the recorded page into customers, with its paging cursor', async () => {
    const seen = replay(
      'get',
      '/crm/v3/objects/contacts',
      'read__objects-api__contacts-response.json',
      200,
    );
    const page = await (await adapter()).resources.customers!.scan!({limit: 1000});
    assert.equal(seen.calls, 1);
    assert.deepEqual(
      page.items.map((c) => [c.id, c.email, c.createdAt]),
      [
        ['1', 'a@example.com', '2023-10-26T17:55:48.301Z'],
        ['51', 'b@example.com', '2023-10-26T17:55:48.691Z'],
        ['101', 'c@example.com', '2023-12-13T22:20:02.649Z'],
      ],
    );
    assert.equal(page.nextCursor, '394');
    // The gateway computes the customers' lifecycle report from this scan.
    assert.deepEqual(servedReports(await adapter()), ['customerLifecycle']);
  });
});

describe('replay: batch reads', () => {
  it('reads the recorded 200 batch into customers', async () => {
    replay(
      'post',
      '/crm/v3/objects/contacts/batch/read',
      'read__objects-api__contacts-batch.json',
      200,
    );
    const entries = await (
      await adapter()
    ).resources.customers!.read(['110338039632', '110323586992']);
    const brian = entries.find((e) => e.id === '110338039632')!.record!;
    assert.deepEqual(
      [brian.displayName, brian.email, brian.createdAt, brian.updatedAt],
      [
        'Brian Halligan (Sample Contact)',
        'bh@hubspot.com',
        '2026-05-21T22:43:55.385Z',
        '2026-05-21T22:45:00.229Z',
      ],
    );
    assert.equal(entries.find((e) => e.id === '110323586992')!.record!.name?.given, 'Maria');
  });

  it('maps a 207 with numErrors: the readable record, null for the unknown id', async () => {
    replay(
      'post',
      '/crm/v3/objects/contacts/batch/read',
      'batch__update__contacts__err-partial-success.json',
      207,
    );
    const entries = await (
      await adapter()
    ).resources.customers!.read(['171591000199', 'unknownIdentifier888']);
    const siena = entries.find((e) => e.id === '171591000199')!.record!;
    assert.deepEqual(
      [siena.displayName, siena.lifecycleStage],
      ['Siena (updated) Dyer (updated)', 'attract'],
      'lifecyclestage "lead" is still being attracted',
    );
    assert.equal(entries.find((e) => e.id === 'unknownIdentifier888')!.record, null);
  });

  it('refuses a batch over 100 before sending it, and maps the recorded 400 if one arrives', async () => {
    const seen = replay(
      'post',
      '/crm/v3/objects/contacts/batch/read',
      '400-batch-over-100.json',
      400,
    );
    const hubspot = await adapter();
    const keys = Array.from({length: 101}, (_, n) => String(n + 1));
    const refused = await failure(hubspot.resources.customers!.read(keys));
    assert.equal(refused.code, 'invalid_input');
    assert.match(refused.fields.ids!, /holds 101 ids; at most 100/);
    assert.equal(seen.calls, 0, 'nothing over 100 is sent');
    const answered = await failure(hubspot.resources.customers!.read(['1', '2']));
    assert.equal(answered.code, 'invalid_input');
    assert.equal(
      answered.fields.ids,
      'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again',
    );
    assert.equal(answered.details.correlationId, '3784ea30-07ce-4866-98e8-bf691d18899e');
  });

  it('never sends more than 100 inputs, even for the fake that would refuse them', async () => {
    const hubspot = await adapter();
    const keys = Array.from({length: 100}, (_, n) => String(n + 101));
    const entries = await hubspot.resources.customers!.read(keys);
    assert.equal(entries.length, 100);
    assert.equal(entries.find((e) => e.id === '101')!.record!.displayName, 'Mei Chen');
  });
});

describe('replay: 429 per policy', () => {
  const cases = [
    ['429-ten-secondly-rolling.json', 'TEN_SECONDLY_ROLLING', () => 10_000],
    ['429-secondly.json', 'SECONDLY', () => 1000],
    // 2026-11-30 18:00 UTC: six hours to midnight UTC.
    ['429-daily.json', 'DAILY', () => 6 * 3_600_000],
  ] as const;
  for (const [name, policy, expected] of cases) {
    it(`${policy}: rate_limited with its delay, and no call reaches HubSpot before it has passed`, async () => {
      let clock = Date.parse('2026-11-30T18:00:00Z');
      const hubspot = await adapter({now: () => clock});
      const seen = replay('post', '/crm/v3/objects/contacts/batch/read', name, 429);
      const error = await failure(hubspot.resources.customers!.read(['101']));
      assert.deepEqual(
        [error.code, error.retryAfterMs, error.details.policyName],
        ['rate_limited', expected(), policy],
      );
      assert.equal(seen.calls, 1);
      clock += expected() - 1;
      const paused = await failure(hubspot.resources.customers!.read(['101']));
      assert.deepEqual([paused.code, paused.retryAfterMs], ['rate_limited', 1]);
      assert.equal(seen.calls, 1, 'the paused call did not reach HubSpot');
      server.resetHandlers();
      clock += 1;
      const entries = await hubspot.resources.customers!.read(['101']);
      assert.equal(entries[0]!.record?.displayName, 'Mei Chen', 'calls go through after the delay');
    });
  }

  it("DAILY waits until midnight in the portal's time zone when given", async () => {
    // 18:00 UTC is 13:00 in New York (EST): eleven hours to its midnight.
    const clock = Date.parse('2026-11-30T18:00:00Z');
    const hubspot = await adapter({now: () => clock, timeZone: 'America/New_York'});
    replay('post', '/crm/v3/objects/contacts/batch/read', '429-daily.json', 429);
    const error = await failure(hubspot.resources.customers!.read(['101']));
    assert.equal(error.retryAfterMs, 11 * 3_600_000);
  });

  it('takes the rolling window from x-hubspot-ratelimit-interval-milliseconds when sent', async () => {
    const hubspot = await adapter();
    server.use(
      http.post(`${api}/crm/v3/objects/contacts/batch/read`, () =>
        HttpResponse.text(recorded.tenSecondlyRolling, {
          status: 429,
          headers: {'x-hubspot-ratelimit-interval-milliseconds': '2500'},
        }),
      ),
    );
    const error = await failure(hubspot.resources.customers!.read(['101']));
    assert.equal(error.retryAfterMs, 2500);
  });
});

describe('replay: other errors', () => {
  it('OBJECT_NOT_FOUND on a contact: a list answers not_found', async () => {
    const hubspot = await adapter();
    replay('get', '/crm/v3/objects/contacts/:id', '404-object-not-found.json', 404);
    const error = await failure(hubspot.resources.complaints!.list('email@company.org'));
    assert.equal(error.code, 'not_found');
  });

  it('MISSING_SCOPES at start-up: forbidden, naming the scope', async () => {
    replay('get', '/crm/v3/properties/tickets', 'metadata-err-schemas-scope.json', 403);
    const error = await failure(adapter());
    assert.equal(error.code, 'forbidden');
    assert.deepEqual(error.details.scopes, ['custom-object-read']);
    assert.match(error.message, /lacks the scope custom-object-read/);
  });

  it('PROPERTY_DOESNT_EXIST on a create: invalid_input naming each property', async () => {
    const hubspot = await adapter();
    replay(
      'post',
      '/crm/v3/objects/tickets',
      'batch__create__contacts__err-many-invalid-properties.json',
      400,
    );
    const error = await failure(
      hubspot.resources.complaints!.create(
        {
          customerId: '101',
          channel: 'web',
          category: 'delivery',
          severity: 'low',
          subject: 'Late',
          description: 'The parcel is late.',
        },
        {idempotencyKey: 'replay-1'},
      ),
    );
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(Object.keys(error.fields).sort(), ['first000name', 'last000name']);
    assert.match(error.message, /HubSpot has no properties first000name, last000name/);
  });

  for (const status of [500, 502, 477]) {
    it(`${status}: unavailable`, async () => {
      const hubspot = await adapter();
      server.use(
        http.post(`${api}/crm/v3/objects/contacts/batch/read`, () =>
          HttpResponse.json({status: 'error', message: 'internal error'}, {status}),
        ),
      );
      assert.equal((await failure(hubspot.resources.customers!.read(['101']))).code, 'unavailable');
    });
  }

  it('describes the recorded contact properties: custom ones under customFields, typed', async () => {
    replay('get', '/crm/v3/properties/contacts', 'metadata-contacts-properties-sampled.json', 200);
    const catalog = await (await adapter()).describeFields('customer');
    const custom = catalog.fields.filter((f) => f.custom);
    assert.deepEqual(
      custom.map((f) => [f.path, f.type]),
      [
        ['customFields.autogen', 'boolean'],
        ['customFields.hobby__c', 'text'],
      ],
      'only the properties without hubspotDefined',
    );
  });
});

describe('the fake answers in the recorded shapes', () => {
  it('sends the recorded bodies byte for byte', () => {
    assert.equal(recorded.batchOver100, fixture('400-batch-over-100.json'));
    assert.equal(recorded.tenSecondlyRolling, fixture('429-ten-secondly-rolling.json'));
    assert.equal(recorded.secondly, fixture('429-secondly.json'));
    assert.equal(recorded.daily, fixture('429-daily.json'));
    assert.equal(recorded.objectNotFound, fixture('404-object-not-found.json'));
  });

  it("sends HubSpot's x-hubspot-* headers, and the recorded 400 for 101 inputs", async () => {
    const names = Object.keys(
      (JSON.parse(fixture('rate-limit-headers-recorded.json')) as {headers: object}).headers,
    ).filter((name) => name.startsWith('x-hubspot-'));
    const request = (count: number) =>
      fetch(`${api}/crm/v3/objects/contacts/batch/read`, {
        method: 'POST',
        headers: {authorization: 'Bearer pat-test', 'content-type': 'application/json'},
        body: JSON.stringify({
          inputs: Array.from({length: count}, (_, n) => ({id: String(n === 1 ? 999 : 101 + n)})),
          properties: ['email'],
          propertiesWithHistory: [],
        }),
      });
    const partial = await request(2);
    assert.equal(partial.status, 207);
    assert.deepEqual(
      names.filter((name) => !partial.headers.has(name)),
      [],
      'every recorded x-hubspot-* header',
    );
    const body = (await partial.json()) as {
      results: {properties: Record<string, unknown>}[];
      numErrors: number;
    };
    assert.equal(body.numErrors, 1);
    assert.deepEqual(Object.keys(body.results[0]!.properties), [
      'createdate',
      'email',
      'hs_object_id',
      'lastmodifieddate',
    ]);
    const over = await request(101);
    assert.deepEqual([over.status, await over.text()], [400, fixture('400-batch-over-100.json')]);
  });
});

describe('OAuth', () => {
  const oauth = {clientId: 'client', clientSecret: 'secret', refreshToken: 'refresh-1'};

  it('gets a token with the refresh token, and refreshes once on a 401', async () => {
    const portal = fakeHubSpot({baseUrl: 'https://oauth.hubspot.test', refreshToken: 'refresh-1'});
    server.use(...portal.handlers);
    const hubspot = await hubspotAdapter({oauth, baseUrl: 'https://oauth.hubspot.test'});
    assert.equal(portal.calls['POST /oauth/v1/token'], 1);
    portal.expireTokens();
    const entries = await hubspot.resources.customers!.read(['101']);
    assert.equal(entries[0]!.record?.displayName, 'Mei Chen');
    assert.equal(portal.calls['POST /oauth/v1/token'], 2, 'one refresh after the 401');
  });

  it('says which option is wrong when HubSpot refuses the refresh token', async () => {
    const portal = fakeHubSpot({baseUrl: 'https://oauth.hubspot.test', refreshToken: 'other'});
    server.use(...portal.handlers);
    const error = await failure(hubspotAdapter({oauth, baseUrl: 'https://oauth.hubspot.test'}));
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /option oauth: HubSpot refused the refresh token/);
  });

  it('a private app token HubSpot refuses is unauthorized, naming accessToken', async () => {
    const portal = fakeHubSpot({baseUrl: 'https://pat.hubspot.test', accessTokens: ['pat-good']});
    server.use(...portal.handlers);
    const error = await failure(
      hubspotAdapter({accessToken: 'pat-bad', baseUrl: 'https://pat.hubspot.test'}),
    );
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /accessToken/);
  });
});
