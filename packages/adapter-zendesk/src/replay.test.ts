// Replays the recorded Zendesk error bodies (src/fake/recorded, amp-labs/connectors, MIT) byte for
// byte, and pins what each becomes: a typed RapportError a caller can act on.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, beforeEach, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {isRapportError, type CrmAdapter, type RapportError} from '@rapport/core';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeZendesk, type FakeZendesk} from '@rapport/adapter-zendesk/fake';
import {recordedTicketFields} from './fake/recorded-ticket-fields.js';

const recorded = (name: string) =>
  readFileSync(new URL(`./fake/recorded/${name}.json`, import.meta.url), 'utf8');

const server = setupServer();
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

let fake: FakeZendesk;
let adapter: CrmAdapter;
beforeEach(async () => {
  fake = fakeZendesk();
  server.resetHandlers(...fake.handlers);
  adapter = await zendeskAdapter({
    baseUrl: fake.baseUrl,
    credentials: {email: 'agent@example.com', apiToken: 'token'},
  });
});

const complaint = {
  customerId: '1001',
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'Ordered two weeks ago.',
} as const;
const create = () =>
  adapter.resources.complaints!.create(complaint, {idempotencyKey: `k-${Math.random()}`});

/** Answers `method path` with a recorded body, as Zendesk sent it, and counts the answers. */
function answer(method: 'get' | 'post', path: string, status: number, body: string, headers = {}) {
  const seen = {count: 0};
  server.use(
    http[method](`${fake.baseUrl}${path}`, () => {
      seen.count++;
      return new HttpResponse(body, {
        status,
        headers: {'content-type': 'application/json; charset=utf-8', ...headers},
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
  assert.fail('the call succeeded');
}

describe('recorded Zendesk errors', () => {
  for (const status of [422, 400]) {
    it(`RecordInvalid (${status}) → invalid_input with a problem per field`, async () => {
      answer('post', '/api/v2/tickets.json', status, recorded('record-validation'));
      const error = await failure(create());
      assert.equal(error.code, 'invalid_input');
      assert.deepEqual(error.fields, {
        'route.subdomain':
          'Subdomain: is invalid (three or more letters and numbers only, without spaces)',
        'recipient_addresses.email': 'Email is not properly formatted',
        name: 'Name: cannot be blank',
      });
      assert.match(
        error.message,
        /Zendesk refused POST \/api\/v2\/tickets\.json \(Record validation errors\)/,
      );
    });
  }

  it('RecordInvalid on ticket fields → the Rapport field path', async () => {
    answer(
      'post',
      '/api/v2/tickets.json',
      422,
      JSON.stringify({
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details: {
          description: [{description: 'Description: cannot be blank', error: 'BlankValue'}],
        },
      }),
    );
    const error = await failure(create());
    assert.deepEqual(error.fields, {description: 'Description: cannot be blank'});
  });

  it('RecordInvalid made only of DuplicateValue → conflict', async () => {
    answer('post', '/api/v2/tickets.json', 422, recorded('duplicate-error'));
    const error = await failure(create());
    assert.equal(error.code, 'conflict');
    assert.equal(error.fields['route.subdomain'], 'Subdomain: nk2 has already been taken');
  });

  it('429 with Retry-After and a plain-text body → rate_limited, and no call before the delay', async () => {
    const limited = {count: 0};
    server.use(
      http.get(`${fake.baseUrl}/api/v2/users/show_many.json`, () => {
        limited.count++;
        return limited.count === 1
          ? new HttpResponse('Too Many Requests', {
              status: 429,
              headers: {'content-type': 'text/plain', 'retry-after': '0.3'},
            })
          : undefined;
      }),
    );
    const read = () => adapter.resources.customers!.read(['1001']);
    const error = await failure(read());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 300);
    assert.match(error.message, /Too Many Requests/);
    const again = await failure(read());
    assert.equal(again.code, 'rate_limited', 'refused while the delay runs');
    assert.ok(again.retryAfterMs! > 0 && again.retryAfterMs! <= 300);
    assert.equal(limited.count, 1, 'no request reached Zendesk during the delay');
    await new Promise((resolve) => setTimeout(resolve, 320));
    const entries = await read();
    assert.equal(entries[0]!.record?.displayName, 'Mei Chen');
    assert.equal(limited.count, 2);
  });

  it('403 {"error":{"title","message"}} → forbidden with the message', async () => {
    answer('get', '/api/v2/users/show_many.json', 403, recorded('forbidden'));
    const error = await failure(adapter.resources.customers!.read(['1001']));
    assert.equal(error.code, 'forbidden');
    assert.match(error.message, /Forbidden .*You do not have access to this page/);
  });

  it('404 InvalidEndpoint → not_found', async () => {
    answer('get', '/api/v2/users/show_many.json', 404, recorded('resource-not-found'));
    const error = await failure(adapter.resources.customers!.read(['1001']));
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /InvalidEndpoint/);
  });

  it('404 RecordNotFound on a list → not_found, keeping the customer id out', async () => {
    const error = await failure(adapter.resources.complaints!.list('424242'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'Zendesk has no user with that customer id');
    assert.ok(!JSON.stringify(error.details).includes('424242'), 'nor in details');
  });

  it('400 ParameterMissing → invalid_input with the description', async () => {
    answer('get', '/api/v2/users/show_many.json', 400, recorded('missing-parameter'));
    const error = await failure(adapter.resources.customers!.read(['1001']));
    assert.equal(error.code, 'invalid_input');
    assert.match(error.message, /Parameter brands is required/);
  });

  it('500 → unavailable, retryable', async () => {
    answer('get', '/api/v2/users/show_many.json', 500, recorded('server-error'));
    const error = await failure(adapter.resources.customers!.read(['1001']));
    assert.equal(error.code, 'unavailable');
    assert.ok(error.retryable);
    assert.match(error.message, /500 Internal Server Error/);
  });

  it('401 → unauthorized naming option credentials', async () => {
    answer('get', '/api/v2/users/show_many.json', 401, '{"error":"Couldn\'t authenticate you"}');
    const error = await failure(adapter.resources.customers!.read(['1001']));
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /option credentials/);
  });
});

describe('the recorded ticket fields', () => {
  it('the fake answers with are the recorded body’s, field for field', () => {
    // The fake keeps them as code (it reads no files); this holds the copy to the recording.
    assert.deepEqual(
      recordedTicketFields,
      JSON.parse(recorded('read__custom_fields__ticket_fields')).ticket_fields,
    );
  });
});
