// No message, `fields` or `details` of the adapter's errors carries a customer id, an e-mail address
// or SOQL text with its values: the gateway sends errors to pages, and logs keep them. Salesforce
// echoes the request in many of its error messages (the query, the id, the value too long), so each
// such answer is replayed here and what the adapter throws is searched for what was sent.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isRapportError, type ComplaintInput, type RapportError} from '@rapport/core';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {errorsOf, recordError, scrub} from './errors.js';

const instanceUrl = 'https://fake.my.salesforce.com';
const mei = '003FK0000000001YAA';
const meiEmail = 'mei.chen@example.com';
const fake = fakeSalesforce();

/** An adapter on the fake, with `answer` replacing the fake's answer where it returns one. */
const adapter = (answer: (request: Request) => Response | undefined = () => undefined) =>
  salesforceAdapter({
    instanceUrl,
    accessToken: 'session-test',
    fetch: async (input, init) => answer(new Request(input, init)) ?? fake.fetch(input, init),
  });
const salesforceAnswer = (status: number, errors: unknown[]) =>
  new Response(JSON.stringify(errors), {
    status,
    headers: {'content-type': 'application/json;charset=UTF-8'},
  });
const on = (method: string, path: string, response: () => Response) => (request: Request) =>
  request.method === method && new URL(request.url).pathname.endsWith(path)
    ? response()
    : undefined;

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isRapportError(error), `a RapportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Asserts that none of `secrets` is in the error's message, fields or details (any case). */
function keepsOut(error: RapportError, secrets: readonly string[]) {
  const shown = JSON.stringify({
    message: error.message,
    fields: error.fields,
    details: error.details,
  }).toLowerCase();
  for (const secret of secrets)
    assert.ok(!shown.includes(secret.toLowerCase()), `"${secret}" is in ${shown}`);
}

const complaint: ComplaintInput = {
  customerId: mei,
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'It has not arrived.',
};
const key = () => ({idempotencyKey: crypto.randomUUID()});

describe('personal data stays out of errors', () => {
  it('names no customer id when the customer is not in Salesforce', async () => {
    const salesforce = await adapter();
    const unknown = '003FK0000000099YAA';
    for (const call of [
      () => salesforce.resources.complaints!.list(unknown, {}),
      () => salesforce.resources.interactions!.list(unknown, {}),
    ]) {
      const error = await failure(call());
      assert.equal(error.code, 'not_found');
      keepsOut(error, [unknown, unknown.slice(0, 15)]);
    }
  });

  it('drops the SOQL (and its values) a query error echoes', async () => {
    const salesforce = await adapter(
      on('GET', '/query', () =>
        salesforceAnswer(400, [
          {
            message: `\nSELECT Id, Email FROM Contact WHERE Id IN ('${mei}') AND Email = '${meiEmail}'\n                                            ^\nERROR at Row:1:Column:45\nunexpected token: '${meiEmail}'`,
            errorCode: 'MALFORMED_QUERY',
          },
        ]),
      ),
    );
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.equal(error.code, 'invalid_input');
    assert.match(error.message, /MALFORMED_QUERY: unexpected token/);
    keepsOut(error, [mei, mei.slice(0, 15), meiEmail, 'SELECT', 'WHERE']);
  });

  it('keeps the column an INVALID_FIELD names, not the query around it', async () => {
    const salesforce = await adapter(
      on('GET', '/query', () =>
        salesforceAnswer(400, [
          {
            message: `\nSELECT Bacon__c FROM Contact WHERE Id IN ('${mei}')\n       ^\nERROR at Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Contact'.`,
            errorCode: 'INVALID_FIELD',
          },
        ]),
      ),
    );
    const error = await failure(salesforce.resources.customers!.read([mei]));
    assert.match(error.fields['customFields.Bacon__c']!, /No such column 'Bacon__c'/);
    keepsOut(error, [mei, mei.slice(0, 15), 'SELECT']);
  });

  it('drops the ids, e-mails and values a refused create echoes', async () => {
    const cases: [unknown[], string[]][] = [
      [
        [
          {
            message: `Contact ID: id value of incorrect type: ${mei}`,
            errorCode: 'MALFORMED_ID',
            fields: ['ContactId'],
          },
        ],
        [mei],
      ],
      [
        [
          {
            message: `Email: invalid email address: ${meiEmail}`,
            errorCode: 'INVALID_EMAIL_ADDRESS',
            fields: ['SuppliedEmail'],
          },
        ],
        [meiEmail],
      ],
      [
        [
          {
            message: 'Email: invalid email address: mei.chen-at-example',
            errorCode: 'INVALID_EMAIL_ADDRESS',
            fields: ['SuppliedEmail'],
          },
        ],
        ['mei.chen-at-example'],
      ],
      [
        [
          {
            message: 'Subject: data value too large: Parcel late for Mei Chen (max length=5)',
            errorCode: 'STRING_TOO_LONG',
            fields: ['Subject'],
          },
        ],
        ['Mei Chen'],
      ],
      [
        [
          {
            message: `Record Type ID: this ID value isn't valid for the user: 012FK0000000001AAA, contact ${meiEmail}`,
            errorCode: 'INVALID_CROSS_REFERENCE_KEY',
            fields: ['RecordTypeId'],
          },
        ],
        ['012FK0000000001AAA', meiEmail],
      ],
    ];
    for (const [errors, secrets] of cases) {
      const salesforce = await adapter(
        on('POST', '/sobjects/Case', () => salesforceAnswer(400, errors)),
      );
      const error = await failure(salesforce.resources.complaints!.create(complaint, key()));
      assert.equal(error.code, 'invalid_input');
      assert.ok(Object.keys(error.fields).length > 0, 'still names the field');
      keepsOut(error, secrets);
    }
  });

  it('names no record a DUPLICATE_VALUE points at', () => {
    const error = recordError(
      errorsOf([
        {
          message:
            'duplicate value found: Rapport_Idempotency_Key__c duplicates value on record with id: 500FK0000000001',
          errorCode: 'DUPLICATE_VALUE',
          fields: [],
        },
      ]),
      'POST /sobjects/Case',
    );
    assert.equal(error.code, 'conflict');
    assert.equal(error.details.errorCode, 'DUPLICATE_VALUE');
    keepsOut(error, ['500FK0000000001']);
  });

  it('names no Case when an idempotency key is reused for another complaint', async () => {
    const salesforce = await adapter();
    const reused = {idempotencyKey: 'reused-key'};
    const first = await salesforce.resources.complaints!.create(complaint, reused);
    const error = await failure(
      salesforce.resources.complaints!.create({...complaint, subject: 'Another one'}, reused),
    );
    assert.equal(error.code, 'conflict');
    keepsOut(error, [first.id, first.id.slice(0, 15), first.reference, mei]);
  });

  it('scrubs what it cannot know the shape of', () => {
    assert.equal(
      scrub(`Cannot reach ${meiEmail} about '${mei}' or 003FK0000000002`),
      "Cannot reach {email} about '{value}' or {id}",
    );
    assert.equal(
      scrub("No such column 'Foo__c' on entity 'Case'"),
      "No such column 'Foo__c' on entity 'Case'",
    );
  });
});
