// What a submission gets back and when a key is a retry (the fingerprint field), which ids reach
// SOQL, and where credentials may go (https: Salesforce hosts, sessions renewed only for
// INVALID_SESSION_ID).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {exportPKCS8, exportSPKI, generateKeyPair} from 'jose';
import {
  isRapportError,
  servedReports,
  type ComplaintInput,
  type Page,
  type PageRequest,
} from '@rapport/core';
import {salesforceAdapter, type SalesforceAdapterOptions} from '@rapport/adapter-salesforce';
import {fakeSalesforce, fakeContactId, type FakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {isRecordId} from './salesforce-adapter.js';

const mei = fakeContactId(1);
const pair = await generateKeyPair('RS256', {extractable: true});
const privateKey = await exportPKCS8(pair.privateKey);
const publicKey = await exportSPKI(pair.publicKey);
const app = {clientId: 'consumer', username: 'integration@acme.example'};
const jwtFake = (baseUrl?: string) =>
  fakeSalesforce({...(baseUrl && {baseUrl}), jwt: {...app, publicKey}});
const complaint: ComplaintInput = {
  customerId: mei,
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'It has not arrived.',
};

/** Rewrites one describe field of the fake's answer. */
const describing =
  (fake: FakeSalesforce, object: string, field: string, change: Record<string, unknown>) =>
  async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fake.fetch(input, init);
    if (!new Request(input, init).url.endsWith(`/sobjects/${object}/describe`)) return response;
    const body = (await response.json()) as {fields: {name: string}[]};
    body.fields = body.fields.map((f) => (f.name === field ? {...f, ...change} : f));
    return Response.json(body);
  };

async function invalidOption(promise: Promise<unknown>, option: string, message: RegExp) {
  const error = await promise.then(
    () => assert.fail('expected the adapter to refuse the options'),
    (e: unknown) => e,
  );
  assert.ok(isRapportError(error, 'invalid_input'), `invalid_input, got ${String(error)}`);
  assert.equal(error.details.option, option);
  assert.match(error.message, message);
}

const on = (fake: FakeSalesforce, extra: Partial<SalesforceAdapterOptions> = {}) =>
  salesforceAdapter({
    instanceUrl: fake.baseUrl,
    accessToken: 'session-test',
    fetch: fake.fetch,
    ...extra,
  });

describe('submissions: what the created complaint says, and which key reuse is a retry', () => {
  it("answers with the submitter's severity, channel and SLA where Priority and Origin are shared", async () => {
    const fake = fakeSalesforce();
    const complaints = (await on(fake)).resources.complaints!;
    const critical = await complaints.create(
      {...complaint, severity: 'critical', channel: 'chat'},
      {idempotencyKey: 'crit-1'},
    );
    assert.deepEqual([critical.severity, critical.channel], ['critical', 'chat']);
    const stored = fake.cases.get(critical.id)!;
    assert.deepEqual([stored.Priority, stored.Origin], ['High', 'Web'], 'what Salesforce holds');
    const high = await complaints.create({...complaint}, {idempotencyKey: 'high-1'});
    assert.ok(
      Date.parse(critical.responseDueAt!) - Date.parse(critical.createdAt) <
        Date.parse(high.responseDueAt!) - Date.parse(high.createdAt),
      "critical's SLA, not high's",
    );
    const again = await complaints.create(
      {...complaint, severity: 'critical', channel: 'chat'},
      {idempotencyKey: 'crit-1'},
    );
    assert.deepEqual([again.id, again.severity, again.channel], [critical.id, 'critical', 'chat']);
  });

  it('refuses a key reused with high after critical (same Priority), as conflict', async () => {
    const fake = fakeSalesforce();
    const complaints = (await on(fake)).resources.complaints!;
    await complaints.create({...complaint, severity: 'critical'}, {idempotencyKey: 'k'});
    await assert.rejects(complaints.create({...complaint}, {idempotencyKey: 'k'}), (e) =>
      isRapportError(e, 'conflict'),
    );
  });

  it('answers an honest retry with the first Case after an agent edited it', async () => {
    const fake = fakeSalesforce();
    const complaints = (await on(fake)).resources.complaints!;
    const first = await complaints.create(complaint, {idempotencyKey: 'edited'});
    const stored = fake.cases.get(first.id)!;
    Object.assign(stored, {
      Priority: 'Low',
      Type: 'Other',
      Description: 'Triaged: courier lost it',
    });
    const again = await complaints.create(complaint, {idempotencyKey: 'edited'});
    assert.equal(again.id, first.id);
    assert.equal(again.severity, 'high', 'the submission, not the edited Priority');
    assert.equal(fake.cases.size, 3, 'two seeded Cases and one new');
  });

  it('reads back only the Case whose key is exactly the key (SOQL = ignores case)', async () => {
    const fake = fakeSalesforce();
    const complaints = (await on(fake)).resources.complaints!;
    const other = await complaints.create(
      {...complaint, subject: 'Another'},
      {idempotencyKey: 'KEY-A'},
    );
    const first = await complaints.create(complaint, {idempotencyKey: 'key-a'});
    assert.notEqual(first.id, other.id);
    const again = await complaints.create(complaint, {idempotencyKey: 'key-a'});
    assert.equal(again.id, first.id);
  });

  it('refuses a case-insensitive External ID field at start-up', async () => {
    const fake = fakeSalesforce();
    await invalidOption(
      on(fake, {
        fetch: describing(fake, 'Case', 'Rapport_Idempotency_Key__c', {caseSensitive: false}),
      }),
      'caseExternalIdField',
      /case-insensitive/,
    );
  });

  it('refuses an org without the submission field, naming caseSubmissionField', async () => {
    const fake = fakeSalesforce({withoutCaseFields: ['Rapport_Submission__c']});
    await invalidOption(on(fake), 'caseSubmissionField', /has no field "Rapport_Submission__c"/);
    await invalidOption(
      on(fakeSalesforce(), {caseSubmissionField: 'Description'}),
      'caseSubmissionField',
      /writable Text field of length 64/,
    );
  });
});

describe('scans, for reports', () => {
  it('scans every Contact and every Case in Id order, a Case with its customer or its visitor', async () => {
    const fake = fakeSalesforce();
    const adapter = await on(fake);
    const complaints = adapter.resources.complaints!;
    const first = await complaints.create(complaint, {idempotencyKey: 'scan-1'});
    const {customerId: _, ...visitorInput} = complaint;
    const visitor = await complaints.create(
      {...visitorInput, contact: {name: 'A Visitor', email: 'visitor@example.com'}},
      {idempotencyKey: 'scan-2'},
    );
    const second = await complaints.create(complaint, {idempotencyKey: 'scan-3'});
    const scanAll = async <T>(scan: (p: PageRequest) => Promise<Page<T>>) => {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<T> = await scan({limit: 1, ...(cursor !== null && {cursor})});
        assert.ok(page.items.length <= 1);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return items;
    };
    const cases = await scanAll((p) => complaints.scan!(p));
    // Every Case of the org (the fake seeds some), in Id order, each with the Contact it points at.
    assert.deepEqual(
      cases.map((c) => [c.id, c.customerId]),
      [...fake.cases.values()]
        .sort((a, b) => (a.Id < b.Id ? -1 : 1))
        .map((r) => [r.Id, (r.ContactId as string | null | undefined) ?? null]),
    );
    const scanned = (id: string) => cases.find((c) => c.id === id)!;
    assert.deepEqual(
      [first, visitor, second].map((c) => [scanned(c.id).customerId, scanned(c.id).contact?.email]),
      [
        [mei, undefined],
        [null, 'visitor@example.com'],
        [mei, undefined],
      ],
    );
    const customers = await scanAll((p) => adapter.resources.customers!.scan!(p));
    assert.deepEqual(
      customers.map((c) => c.id),
      [...fake.contacts.keys()].sort(),
    );
    assert.ok(customers.some((c) => c.id === mei && c.email));
    // The gateway computes these reports from the scans.
    assert.deepEqual(servedReports(adapter), [
      'customerLifecycle',
      'complaintsByCategory',
      'complaintsByStatus',
      'complaintSla',
    ]);
  });
});

describe('record ids', () => {
  it('checks the prefix and the 18-character checksum', () => {
    assert.ok(isRecordId('003FK0000000001YAA', '003'));
    assert.ok(isRecordId('003FK0000000001', '003'), '15 characters have no checksum');
    assert.ok(!isRecordId('003FK0000000001AAA', '003'), 'a wrong checksum');
    assert.ok(!isRecordId('001FK0000000001YAA', '003'), 'an Account id is no Contact');
    // The last 3 characters say which of the first 15 are upper case (here A, B and C: 7, H).
    assert.ok(isRecordId('0035e00000ABCdeAAH', '003'));
    assert.ok(!isRecordId('0035e00000ABCdeAAA', '003'));
  });

  it('answers null without a query for an id of another object or a wrong checksum', async () => {
    const fake = fakeSalesforce();
    const customers = (await on(fake)).resources.customers!;
    const before = fake.calls['GET /query'] ?? 0;
    const entries = await customers.read(['001FK0000000001YAA', '003FK0000000001AAA']);
    assert.deepEqual(
      entries.map((e) => e.record),
      [null, null],
    );
    assert.equal(fake.calls['GET /query'] ?? 0, before, 'no query sent');
  });

  it('measures a query as sent (URL-encoded) when chunking ids', async () => {
    // An org with 300 long custom fields on Contact: the SELECT alone is some 11,000 characters.
    const fake = fakeSalesforce();
    const extra = Array.from({length: 300}, (_, n) => ({
      name: `Long_Custom_Field_Name_Number_${String(n).padStart(3, '0')}__c`,
      label: `Field ${n}`,
      type: 'string',
      custom: true,
    }));
    const seen: string[] = [];
    const customers = (
      await on(fake, {
        fetch: async (input, init) => {
          const url = new Request(input, init).url;
          if (url.includes('/query?')) {
            seen.push(url.slice(url.indexOf('?q=') + 3));
            return Response.json({totalSize: 0, done: true, records: []});
          }
          const response = await fake.fetch(input, init);
          if (!url.endsWith('/sobjects/Contact/describe')) return response;
          const body = (await response.json()) as {fields: unknown[]};
          return Response.json({...body, fields: [...body.fields, ...extra]});
        },
      })
    ).resources.customers!;
    await customers.read(Array.from({length: 200}, (_, n) => fakeContactId(n + 1)));
    assert.ok(seen.length > 1, 'the ids went in several queries');
    for (const q of seen) assert.ok(q.length <= 15_000, `an encoded query of ${q.length}`);
  });
});

describe('credentials go to https: Salesforce hosts only', () => {
  it('refuses http: and other hosts for instanceUrl unless allowedHosts lists them', async () => {
    const fake = fakeSalesforce();
    for (const url of ['http://fake.my.salesforce.com', 'https://evil.example'])
      await invalidOption(
        salesforceAdapter({instanceUrl: url, accessToken: 't', fetch: fake.fetch}),
        'instanceUrl',
        /allowedHosts/,
      );
    const local = fakeSalesforce({baseUrl: 'https://crm.test'});
    const adapter = await salesforceAdapter({
      instanceUrl: local.baseUrl,
      accessToken: 't',
      fetch: local.fetch,
      allowedHosts: ['crm.test'],
    });
    assert.equal(
      (await adapter.resources.customers!.read([mei]))[0]!.record?.displayName,
      'Mei Chen',
    );
  });

  it("refuses a loginUrl or a token answer's instance_url off Salesforce's hosts", async () => {
    const fake = jwtFake();
    await invalidOption(
      salesforceAdapter({
        jwt: {...app, privateKey, loginUrl: 'http://login.salesforce.com'},
        fetch: fake.fetch,
      }),
      'jwt.loginUrl',
      /allowedHosts/,
    );
    const elsewhere = jwtFake('https://collector.example');
    await invalidOption(
      salesforceAdapter({jwt: {...app, privateKey}, fetch: elsewhere.fetch}),
      'allowedHosts',
      /"https:\/\/collector\.example" is not https: on a Salesforce host/,
    );
  });

  it('gives up on a login that does not answer within timeoutMs', async () => {
    // AbortSignal.timeout does not keep Node running: this does, while the login hangs.
    const alive = setInterval(() => {}, 1000);
    const error = await salesforceAdapter({
      jwt: {...app, privateKey},
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    }).catch((e: unknown) => e);
    clearInterval(alive);
    assert.ok(isRapportError(error, 'timeout'), `timeout, got ${String(error)}`);
  });

  it('refuses accessToken and jwt together', async () => {
    await invalidOption(
      salesforceAdapter({
        instanceUrl: 'https://fake.my.salesforce.com',
        accessToken: 't',
        jwt: {...app, privateKey},
      }),
      'accessToken',
      /choose one/,
    );
  });

  it('renews only after INVALID_SESSION_ID, and once for requests that failed with the same session', async () => {
    const fake = jwtFake();
    const tokens = () => fake.calls['POST /services/oauth2/token'] ?? 0;
    let refuse: 'other' | null = null;
    let release!: () => void;
    const holdSecond = new Promise<void>((resolve) => (release = resolve));
    let failures = 0;
    const adapter = await salesforceAdapter({
      jwt: {...app, privateKey},
      fetch: async (input, init) => {
        if (refuse === 'other' && new Request(input, init).url.includes('/query'))
          return Response.json([{message: 'no', errorCode: 'NOT_INVALID_SESSION'}], {status: 401});
        const response = await fake.fetch(input, init);
        // The second request refused with the old session answers after the first renewed it.
        if (response.status === 401 && ++failures === 2) await holdSecond;
        return response;
      },
    });
    const read = () => adapter.resources.customers!.read([mei]);
    const start = tokens();
    refuse = 'other';
    await assert.rejects(read(), (e) => isRapportError(e, 'unauthorized'));
    assert.equal(tokens(), start, 'no renewal for another 401');
    refuse = null;
    fake.expireSessions();
    const first = read();
    const second = read();
    await first;
    release();
    await second;
    assert.equal(tokens(), start + 1, 'one renewal for both');
  });
});

describe('lists: keyset cursors', () => {
  const ada = fakeContactId(7);
  const caseOf = (n: number, day: string) => ({
    Id: `500FK${String(900 + n).padStart(10, '0')}AAA`,
    ContactId: ada,
    CaseNumber: String(9000 + n),
    Subject: `Case ${n}`,
    Description: `Case ${n}`,
    Origin: 'Web',
    Status: 'New',
    Priority: 'Medium',
    IsClosed: false,
    CreatedDate: `2026-03-${day}T10:00:00.000+0000`,
    LastModifiedDate: `2026-03-${day}T10:00:00.000+0000`,
  });
  const withThreeCases = () => {
    const fake = fakeSalesforce({contacts: [{Id: ada, FirstName: 'Ada', LastName: 'Lovelace'}]});
    for (const [n, day] of [
      [1, '01'],
      [2, '02'],
      [3, '03'],
    ] as const)
      fake.cases.set(caseOf(n, day).Id, caseOf(n, day));
    return fake;
  };

  it('complaints: a Case created between pages neither repeats nor hides one', async () => {
    const fake = withThreeCases();
    const complaints = (await on(fake)).resources.complaints!;
    const first = await complaints.list(ada, {limit: 2});
    assert.deepEqual(
      first.items.map((c) => c.subject),
      ['Case 3', 'Case 2'],
    );
    const fresh = caseOf(4, '04');
    fake.cases.set(fresh.Id, fresh);
    const second = await complaints.list(ada, {limit: 2, cursor: first.nextCursor!});
    assert.deepEqual(
      second.items.map((c) => c.subject),
      ['Case 1'],
    );
    assert.equal(second.nextCursor, null);
  });

  it('interactions: one position per kind, so a new Case between pages changes nothing', async () => {
    const fake = withThreeCases();
    const interactions = (await on(fake)).resources.interactions!;
    const first = await interactions.list(ada, {limit: 2});
    assert.deepEqual(
      first.items.map((i) => i.summary),
      ['9003: Case 3', '9002: Case 2'],
    );
    const fresh = caseOf(4, '04');
    fake.cases.set(fresh.Id, fresh);
    const second = await interactions.list(ada, {limit: 2, cursor: first.nextCursor!});
    assert.deepEqual(
      second.items.map((i) => i.summary),
      ['9001: Case 1'],
    );
    assert.equal(second.nextCursor, null);
  });

  it('refuses a cursor it did not give out', async () => {
    const fake = withThreeCases();
    const adapter = await on(fake);
    for (const cursor of ['2', 'bm90IGpzb24', btoa(JSON.stringify([["2026' OR 1", 'x']]))])
      await assert.rejects(adapter.resources.complaints!.list(ada, {cursor}), (e) =>
        isRapportError(e, 'invalid_input'),
      );
  });

  it('lists an e-mail once, not also as the Task Salesforce made for it', async () => {
    const fake = withThreeCases();
    const task = {
      Id: '00TFK0000000901AAA',
      WhoId: ada,
      TaskSubtype: 'Email',
      Subject: 'Email: Your refund',
      CreatedDate: '2026-03-05T09:00:00.000+0000',
    };
    fake.insert('Task', task);
    fake.insert('EmailMessage', {
      Id: '02sFK0000000901AAA',
      ParentId: caseOf(1, '01').Id,
      ActivityId: task.Id,
      Subject: 'Your refund',
      Incoming: false,
      MessageDate: '2026-03-05T09:00:00.000+0000',
      CreatedDate: '2026-03-05T09:00:00.000+0000',
    });
    const interactions = (await on(fake)).resources.interactions!;
    const all = await interactions.list(ada, {limit: 10});
    assert.deepEqual(
      all.items.map((i) => i.id),
      [
        'email-02sFK0000000901AAA',
        'complaint-500FK0000000903AAA',
        'complaint-500FK0000000902AAA',
        'complaint-500FK0000000901AAA',
      ],
    );
    // Paged one by one, the Task's e-mail is found even when the e-mail is on another page.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await interactions.list(ada, {limit: 1, ...(cursor && {cursor})});
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.items.map((i) => i.id),
    );
  });
});
