// Personal data stays out of messages and details: a customer id can be an e-mail address (with
// `idProperty: 'email'`) or a person's number, and error messages reach logs and, through the
// gateway, pages.
import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {http, HttpResponse} from 'msw';
import {setupServer} from 'msw/node';
import {RapportError, isRapportError} from '@rapport/core';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {hubspotErrors, shownPath} from './errors.js';

const api = 'https://api.hubapi.com';
const fake = fakeHubSpot();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
});
after(() => server.close());

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(isRapportError(error), String(error));
  return error;
}

/** Fails when `text` (a message or details as JSON) holds any of `secrets`, case-insensitively. */
function assertClean(error: RapportError, ...secrets: string[]): void {
  const shown = `${error.message}\n${JSON.stringify(error.details)}\n${JSON.stringify(error.fields)}`;
  for (const secret of secrets)
    assert.ok(
      !shown.toLowerCase().includes(secret.toLowerCase()),
      `"${secret}" appears in ${shown}`,
    );
}

describe('no customer id in messages', () => {
  it('an unknown e-mail is "no contact with that id", for complaints and interactions', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test', idProperty: 'email'});
    const email = 'Nobody.Here@example.com';
    for (const list of [
      () => hubspot.resources.complaints!.list(email),
      () => hubspot.resources.interactions!.list(email),
    ]) {
      const error = await failure(list());
      assert.equal(error.code, 'not_found');
      assert.match(error.message, /HubSpot has no contact with that id/);
      assert.equal('customerId' in error.details, false, 'no customerId in details');
      assertClean(error, email, encodeURIComponent(email), 'nobody');
    }
  });

  it('a failed contact look-up does not name the id, even one without digits', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test', idProperty: 'customer_number'});
    server.use(
      http.get(`${api}/crm/v3/objects/contacts/:id`, () =>
        HttpResponse.json(
          {status: 'error', message: 'Something went wrong', category: 'INTERNAL_ERROR'},
          {status: 502},
        ),
      ),
    );
    const error = await failure(hubspot.resources.complaints!.list('ada-lovelace'));
    assert.equal(error.code, 'unavailable');
    assert.match(error.message, /GET \/crm\/v3\/objects\/contacts\/\{id\}/);
    assertClean(error, 'ada-lovelace');
  });

  it("leaves out an e-mail address HubSpot's own message repeats", async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test', idProperty: 'email'});
    server.use(
      http.get(`${api}/crm/v3/objects/contacts/:id`, () =>
        HttpResponse.json(
          {
            status: 'error',
            message: 'Cannot read contact mei.chen@example.com right now',
            category: 'VALIDATION_ERROR',
          },
          {status: 400},
        ),
      ),
    );
    const error = await failure(hubspot.resources.complaints!.list('mei.chen@example.com'));
    assert.equal(error.code, 'invalid_input');
    assertClean(error, 'mei.chen@example.com', 'mei.chen%40example.com');
  });

  it('shows every record id of a path as {id}, but not batch', () => {
    assert.equal(shownPath('/crm/v3/objects/contacts/alice'), '/crm/v3/objects/contacts/{id}');
    assert.equal(
      shownPath('/crm/v4/objects/contacts/alice/associations/tickets'),
      '/crm/v4/objects/contacts/{id}/associations/tickets',
    );
    assert.equal(
      shownPath('/crm/v3/objects/tickets/batch/read'),
      '/crm/v3/objects/tickets/batch/read',
    );
    const toError = hubspotErrors(() => 0);
    for (const status of [400, 401, 403, 404, 409, 418, 429, 500]) {
      const error = toError(
        {
          method: 'GET',
          path: '/crm/v3/objects/contacts/alice',
          status,
          headers: new Headers(),
          text: '',
          json: {message: 'no alice@example.com here'},
        },
        new RapportError(
          status >= 500 ? 'unavailable' : 'invalid_input',
          `HubSpot answered ${status} to GET /crm/v3/objects/contacts/alice`,
        ),
      );
      assertClean(error, 'alice');
    }
  });
});
