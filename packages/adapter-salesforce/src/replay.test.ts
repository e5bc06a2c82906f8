// Replays of recorded Salesforce answers, byte for byte (src/fixtures, with their SOURCES.txt and
// licences): each error case maps to the RapportError the contract promises.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {isRapportError, type ComplaintInput, type RapportError} from '@rapport/core';
import {salesforceAdapter, type SalesforceAdapterOptions} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {concurrentLimitExceeded, recorded} from './fake/recorded.js';
import {errorsOf, recordError} from './errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** A WireMock stub's recorded answer: status, body (the exact string) and headers. */
const stub = (name: string) =>
  (
    JSON.parse(fixture(`wiremock__${name}`)) as {
      response: {status: number; body: string; headers: Record<string, string | string[]>};
    }
  ).response;

const instanceUrl = 'https://fake.my.salesforce.com';
const api = `${instanceUrl}/services/data/:version`;
const fake = fakeSalesforce();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
});
after(() => server.close());

/** Answers `path` with a recorded body and status, counting the calls that reach it. */
function replay(
  method: 'get' | 'post',
  path: string,
  body: string,
  status: number,
  headers: Record<string, string> = {},
) {
  const seen = {calls: 0};
  server.use(
    http[method](`${api}${path}`, () => {
      seen.calls++;
      return new HttpResponse(body, {
        status,
        headers: {'content-type': 'application/json;charset=UTF-8', ...headers},
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

const adapter = (extra: Partial<SalesforceAdapterOptions> = {}) =>
  salesforceAdapter({instanceUrl, accessToken: 'session-test', ...extra});
const mei = '003FK0000000001YAA';
const complaint: ComplaintInput = {
  customerId: mei,
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'It has not arrived.',
};
const create = async (input = complaint, key = crypto.randomUUID()) =>
  (await adapter()).resources.complaints!.create(input, {idempotencyKey: key});

describe('replay: the fake answers with the recorded bodies', () => {
  it('keeps the recorded strings byte for byte', () => {
    assert.equal(recorded.requestLimitExceeded, fixture('403-request-limit-exceeded.json'));
    assert.equal(recorded.invalidSession, fixture('401-invalid-session.json'));
    assert.equal(recorded.notFound, stub('create-unknown-object.json').body);
    assert.equal(
      concurrentLimitExceeded,
      recorded.requestLimitExceeded.trim().replace('TotalRequests', 'ConcurrentPerOrgLongTxn'),
    );
  });
});

describe('replay: creating a Case', () => {
  it('reads the recorded 201 (Location, Sforce-Limit-Info) and the stored Case', async () => {
    const answer = stub('create.json');
    const id = (JSON.parse(answer.body) as {id: string}).id;
    fake.cases.set(id, {
      Id: id,
      CaseNumber: '00001234',
      Subject: 'Parcel late',
      Description: 'It has not arrived.',
      Priority: 'High',
      Status: 'New',
      Origin: 'Web',
      ContactId: mei,
      CreatedDate: '2021-04-14T13:50:54.000+0000',
      LastModifiedDate: '2021-04-14T13:50:54.000+0000',
    });
    const salesforce = await adapter();
    replay('post', '/sobjects/Case', answer.body, answer.status, {
      'sforce-limit-info': String(answer.headers['Sforce-Limit-Info']),
      location: String(answer.headers.Location),
    });
    const stored = await salesforce.resources.complaints!.create(complaint, {
      idempotencyKey: 'recorded-201',
    });
    assert.deepEqual(
      [stored.id, stored.reference, stored.severity, stored.status, stored.createdAt],
      [id, '00001234', 'high', 'new', '2021-04-14T13:50:54.000Z'],
      'the +0000 datetime reads as ISO Z',
    );
    assert.equal(stored.responseDueAt, '2021-04-14T17:50:54.000Z', 'high: a response within 4 h');
    // The recorded create said api-usage=51/100000; the read after it is the fake's.
    assert.equal(salesforce.limits()?.apiUsage?.max, 15000);
  });

  it('maps REQUIRED_FIELD_MISSING to invalid_input naming the field', async () => {
    const answer = stub('create-required-field-missing.json');
    replay('post', '/sobjects/Case', answer.body, answer.status);
    const error = await failure(create());
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(Object.keys(error.fields), ['customFields.Website__c']);
    assert.match(error.fields['customFields.Website__c']!, /is required by Salesforce/);
    assert.equal(error.details.errorCode, 'REQUIRED_FIELD_MISSING');
  });

  it('maps INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST to invalid_input naming the field', async () => {
    const answer = stub('create-invalid-picklist-value.json');
    replay('post', '/sobjects/Case', answer.body, answer.status);
    const error = await failure(create());
    assert.equal(error.code, 'invalid_input');
    assert.match(
      error.fields['customFields.Rating__c']!,
      /not a value of its restricted picklist.*bad value for restricted picklist field: Terrible/,
    );
  });

  it('maps MALFORMED_ID to invalid_input naming the field', async () => {
    const answer = stub('update-malformed-id.json');
    replay('post', '/sobjects/Case', answer.body, answer.status);
    const error = await failure(create());
    assert.equal(error.code, 'invalid_input');
    assert.match(error.fields.Id!, /is not a Salesforce record id/);
  });

  it('maps INVALID_FIELD_FOR_INSERT_UPDATE to invalid_input naming the field', async () => {
    replay('post', '/sobjects/Case', fixture('invalid-field-upsert.json'), 400);
    const error = await failure(create());
    assert.match(error.fields.MasterRecordId!, /field-level security/);
  });

  it('maps a SaveResult with success: false (per-record errors use statusCode)', async () => {
    replay('post', '/sobjects/Case', fixture('success-with-errors.json'), 201);
    const error = await failure(create());
    assert.equal(error.code, 'invalid_input');
    // The id Salesforce echoes is left out: messages reach pages through the gateway.
    assert.match(error.message, /MALFORMED_ID: malformed id \{id\}/);
    assert.doesNotMatch(error.message, /001RM000003oLrB000/);
  });

  it('reads back the Case a DUPLICATE_VALUE names, and refuses the key with another input', async () => {
    const salesforce = await adapter();
    const first = await salesforce.resources.complaints!.create(complaint, {idempotencyKey: 'dup'});
    const again = await salesforce.resources.complaints!.create(complaint, {idempotencyKey: 'dup'});
    assert.equal(again.id, first.id);
    assert.equal(fake.cases.size, 3, 'two seeded Cases and one new');
    const error = await failure(
      salesforce.resources.complaints!.create(
        {...complaint, subject: 'Another one'},
        {idempotencyKey: 'dup'},
      ),
    );
    assert.equal(error.code, 'conflict');
    assert.match(
      error.message,
      /idempotency key was used for another complaint \(a Salesforce Case/,
    );
  });

  it('creates an anonymous Case with the Web-to-Case fields', async () => {
    const {customerId: _none, ...rest} = complaint;
    const stored = await create({...rest, contact: {name: 'Ada', email: 'ada@example.com'}});
    const record = fake.cases.get(stored.id)!;
    assert.deepEqual(
      [record.SuppliedName, record.SuppliedEmail, record.ContactId],
      ['Ada', 'ada@example.com', null],
    );
    assert.deepEqual(stored.contact, {name: 'Ada', email: 'ada@example.com'});
  });
});

describe('replay: reads', () => {
  it('maps INVALID_FIELD on a query to invalid_input naming the column', async () => {
    const answer = stub('query-unknown-column.json');
    const salesforce = await adapter();
    replay('get', '/query', answer.body, answer.status);
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.equal(error.code, 'invalid_input');
    assert.match(error.fields['customFields.Bacon__c']!, /is not a field Salesforce knows/);
    const plain = recordError(errorsOf(JSON.parse(fixture('unknown-field.json'))), 'GET /query');
    assert.match(plain.fields.AccountNumer!, /is not a field Salesforce knows/);
  });

  it('maps NOT_FOUND and ENTITY_IS_DELETED to not_found', async () => {
    for (const body of [
      stub('create-unknown-object.json').body,
      stub('delete-already-deleted.json').body,
      fixture('crm__delete__not-found.json'),
    ]) {
      const salesforce = await adapter();
      replay('get', '/query', body, 404);
      const error = await failure(salesforce.resources.customers!.read([mei]));
      assert.equal(error.code, 'not_found', body);
    }
  });

  it('reads customers: Account.Name as company, __c fields as custom fields, ISO Z dates', async () => {
    const [entry] = await (await adapter()).resources.customers!.read([mei]);
    const mei_ = entry!.record!;
    assert.equal(mei_.company, 'Chen Tea House');
    assert.deepEqual(mei_.customFields.Interests__c, ['tea', 'cakes']);
    assert.equal(mei_.customFields.Loyalty_Points__c, 2450);
    assert.equal(mei_.createdAt, '2025-01-15T09:30:00.000Z');
  });

  it('follows nextRecordsUrl when a query answers in several batches', async () => {
    const salesforce = await adapter();
    const row = (id: string, first: string) => ({
      attributes: {type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${id}`},
      Id: id,
      FirstName: first,
      LastName: 'Batch',
      CreatedDate: '2026-05-01T07:25:37.000+0000',
    });
    const two = '003FK0000000002YAA';
    server.use(
      http.get(`${api}/query`, () =>
        HttpResponse.json({
          totalSize: 2,
          done: false,
          nextRecordsUrl: '/services/data/v62.0/query/01gFK0000000001AAA-1',
          records: [row(mei, 'One')],
        }),
      ),
      http.get(`${api}/query/:locator`, ({params}) =>
        params.locator === '01gFK0000000001AAA-1'
          ? HttpResponse.json({totalSize: 2, done: true, records: [row(two, 'Two')]})
          : HttpResponse.json([{errorCode: 'NOT_FOUND', message: 'no such locator'}], {
              status: 404,
            }),
      ),
    );
    const entries = await salesforce.resources.customers!.read([mei, two]);
    assert.deepEqual(
      entries.map((e) => e.record?.name?.given),
      ['One', 'Two'],
    );
  });

  it('never sends more than 200 ids, and no malformed id at all', async () => {
    const salesforce = await adapter();
    const seen: string[] = [];
    server.events.on('request:start', ({request}) => {
      if (request.url.includes('/query')) seen.push(new URL(request.url).searchParams.get('q')!);
    });
    const keys = Array.from({length: 200}, (_, n) => `003FK${String(n + 1).padStart(10, '0')}YAA`);
    await salesforce.resources.customers!.read([...keys.slice(0, 199), 'not-an-id']);
    server.events.removeAllListeners();
    const sent = seen.flatMap((q) => q.match(/'[^']+'/g) ?? []);
    assert.equal(sent.length, 199);
    assert.ok(!sent.includes("'not-an-id'"));
    await assert.rejects(salesforce.resources.customers!.read([...keys, 'x']), (e) =>
      isRapportError(e, 'invalid_input'),
    );
  });
});

describe('interactions', () => {
  it("merges the contact's Tasks, its Cases' e-mails and comments, and its Cases, newest first", async () => {
    const page = await (await adapter()).resources.interactions!.list(mei, {limit: 100});
    assert.deepEqual(
      page.items.map((i) => [i.id, i.type, i.channel, i.at]),
      [
        ['task-00TFK0000000002AAA', 'note', 'web', '2026-03-01T12:00:00.000Z'],
        ['email-02sFK0000000001AAA', 'email', 'email', '2026-02-04T09:00:00.000Z'],
        ['complaint-500FK0000000001AAA', 'complaint', 'web', '2026-02-03T10:00:00.000Z'],
        ['task-00TFK0000000001AAA', 'call', 'phone', '2026-01-20T08:15:00.000Z'],
      ],
    );
    assert.equal(page.items[2]!.summary, '00001001: Teapot arrived cracked');
    assert.equal(page.nextCursor, null);
  });
});

describe('replay: limits and sessions', () => {
  it('maps TotalRequests REQUEST_LIMIT_EXCEEDED to rate_limited and sends nothing for an hour', async () => {
    const salesforce = await adapter();
    const seen = replay('get', '/query', fixture('403-request-limit-exceeded.json'), 403, {
      'sforce-limit-info': 'api-usage=15001/15000',
    });
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.equal(error.details.limit, 'daily');
    assert.deepEqual(salesforce.limits()?.apiUsage, {used: 15001, max: 15000});
    const paused = await failure(salesforce.resources.customers!.read([mei]));
    assert.equal(paused.code, 'rate_limited');
    assert.equal(seen.calls, 1, 'no call reaches Salesforce within the wait');
  });

  it('waits only a moment after ConcurrentPerOrgLongTxn', async () => {
    const salesforce = await adapter({limitWaits: {concurrentMs: 5}});
    replay('get', '/query', concurrentLimitExceeded, 403);
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.deepEqual(
      [error.code, error.retryAfterMs, error.details.limit],
      ['rate_limited', 5, 'concurrent'],
    );
  });

  it('maps INVALID_SESSION_ID to unauthorized, without a retry for a given token', async () => {
    const salesforce = await adapter();
    const seen = replay('get', '/query', fixture('401-invalid-session.json'), 401);
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /Session expired or invalid; check the adapter's accessToken/);
    assert.equal(seen.calls, 1);
  });

  it('maps a 503 to unavailable', async () => {
    const salesforce = await adapter();
    replay('get', '/query', '[{"errorCode":"SERVER_UNAVAILABLE","message":"down"}]', 503);
    assert.equal((await failure(salesforce.resources.customers!.read([mei]))).code, 'unavailable');
  });
});
