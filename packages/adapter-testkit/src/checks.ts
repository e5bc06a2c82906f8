import assert from 'node:assert/strict';
import {
  adapterOperations,
  complaintLimits,
  entities,
  fieldTypes,
  isRapportError,
  randomId,
  type AdapterOperation,
  type ComplaintInput,
  type CrmAdapter,
  type ErrorCode,
  type Page,
} from '@rapport/core';

/** What a check gets: a fresh adapter and the facts about the backend the kit cannot guess. */
export interface ConformanceContext {
  readonly adapter: CrmAdapter;
  /** Ids of at least two existing customers. */
  readonly knownCustomerIds: readonly string[];
  /** An id no customer has. */
  readonly unknownCustomerId: string;
  /** A valid complaint for the first known customer. */
  readonly complaint: ComplaintInput;
}

/** One rule of the adapter contract. `run` throws (an assertion error) when the adapter breaks it. */
export interface ConformanceCheck {
  /** Stable id, for reports and for skipping a check knowingly. */
  readonly id: string;
  /** The operation it exercises (`capabilities` for the declaration itself). */
  readonly operation: AdapterOperation | 'capabilities';
  /** The rule, in a sentence. */
  readonly title: string;
  run(context: ConformanceContext): Promise<void>;
}

/** Asserts that `promise` rejects with a RapportError of `code` and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, what: string) {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(
    error !== undefined,
    `${what}: expected a RapportError "${code}", but the call succeeded`,
  );
  assert.ok(
    isRapportError(error),
    `${what}: expected a RapportError "${code}", got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  assert.equal(
    error.code,
    code,
    `${what}: expected code "${code}", got "${error.code}" (${error.message})`,
  );
  return error;
}

async function rejectsAborted(promise: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(
    promise,
    (e: unknown) => e instanceof Error && e.name === 'AbortError',
    `${what} must reject with the signal's AbortError`,
  );
}

const aborted = (): AbortSignal => AbortSignal.abort();

function checkPage<T>(page: Page<T>, what: string): void {
  assert.ok(Array.isArray(page.items), `${what}: items must be a list`);
  assert.ok(
    page.nextCursor === null || typeof page.nextCursor === 'string',
    `${what}: nextCursor must be a string or null`,
  );
}

function newestFirst(times: readonly string[], what: string): void {
  for (let i = 1; i < times.length; i++) {
    assert.ok(
      Date.parse(times[i - 1]!) >= Date.parse(times[i]!),
      `${what}: items must be newest first (${times[i - 1]} before ${times[i]})`,
    );
  }
}

/** Walks a list page by page (at most 5 pages of 2) and checks the pages neither repeat nor skip. */
async function walkPages(
  list: (cursor?: string) => Promise<Page<{id: string}>>,
  what: string,
): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; n < 5; n++) {
    const page = await list(cursor);
    checkPage(page, what);
    assert.ok(page.items.length <= 2, `${what}: a page must hold at most "limit" items`);
    for (const item of page.items) {
      assert.ok(!seen.has(item.id), `${what}: item ${item.id} appears on two pages`);
      seen.add(item.id);
    }
    if (page.nextCursor === null) return;
    assert.ok(page.items.length > 0, `${what}: a page with a next cursor must not be empty`);
    cursor = page.nextCursor;
  }
}

const batchChecks = (
  operation: 'getCustomers' | 'getLoyaltyAccounts',
  idOf: (record: unknown) => string,
): ConformanceCheck[] => {
  const read = (c: ConformanceContext, ids: readonly string[], signal?: AbortSignal) =>
    operation === 'getCustomers'
      ? c.adapter.getCustomers(ids, signal && {signal})
      : c.adapter.getLoyaltyAccounts(ids, signal && {signal});
  return [
    {
      id: `${operation}.batch-answer`,
      operation,
      title: 'answers every requested id once: the record, or null when there is none',
      async run(c) {
        const ids = [c.knownCustomerIds[0]!, c.unknownCustomerId, c.knownCustomerIds[1]!];
        const entries = await read(c, ids);
        assert.deepEqual(
          entries.map((e) => e.id).sort(),
          [...ids].sort(),
          'one entry per requested id',
        );
        for (const entry of entries) {
          if (entry.id === c.unknownCustomerId)
            assert.equal(entry.record, null, 'an unknown id answers null');
          else
            assert.equal(
              entry.record && idOf(entry.record),
              entry.id,
              'a record answers for its own id',
            );
        }
      },
    },
    {
      id: `${operation}.order-free`,
      operation,
      title: 'gives the same answer whatever the order of the ids, and answers a repeated id once',
      async run(c) {
        const ids = [...c.knownCustomerIds.slice(0, 2), c.unknownCustomerId];
        const forward = await read(c, ids);
        const backward = await read(c, [...ids].reverse().concat(ids[0]!));
        const byId = (list: typeof forward) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
        assert.equal(backward.length, ids.length, 'a repeated id is answered once');
        assert.deepEqual(byId(backward), byId(forward));
        assert.deepEqual(await read(c, []), [], 'an empty batch answers an empty list');
      },
    },
    {
      id: `${operation}.max-batch`,
      operation,
      title:
        'accepts a batch of exactly maxBatchSize ids and refuses a larger one with invalid_input',
      async run(c) {
        const max = c.adapter.capabilities.maxBatchSize;
        const ids = [...c.knownCustomerIds];
        while (ids.length < max) ids.push(`${c.unknownCustomerId}-${ids.length}`);
        const entries = await read(c, ids.slice(0, max));
        assert.equal(entries.length, Math.min(max, ids.length));
        await rejectsWith(
          read(c, [...ids.slice(0, max), `${c.unknownCustomerId}-over`]),
          'invalid_input',
          `a batch of ${max + 1}`,
        );
      },
    },
    {
      id: `${operation}.abort`,
      operation,
      title: 'honours an aborted signal',
      async run(c) {
        await rejectsAborted(read(c, c.knownCustomerIds, aborted()), operation);
      },
    },
  ];
};

const listChecks = (operation: 'listComplaints' | 'listInteractions'): ConformanceCheck[] => {
  const list = (
    c: ConformanceContext,
    customerId: string,
    page?: {cursor?: string; limit?: number},
    signal?: AbortSignal,
  ): Promise<Page<{id: string}>> =>
    operation === 'listComplaints'
      ? c.adapter.listComplaints(customerId, page, signal && {signal})
      : c.adapter.listInteractions(customerId, page, signal && {signal});
  const timeOf = (item: unknown): string =>
    operation === 'listComplaints'
      ? (item as {createdAt: string}).createdAt
      : (item as {at: string}).at;
  return [
    {
      id: `${operation}.pages`,
      operation,
      title: "lists a customer's items newest first, page by page, without repeats",
      async run(c) {
        for (const id of c.knownCustomerIds.slice(0, 2)) {
          const first = await list(c, id);
          checkPage(first, operation);
          newestFirst(first.items.map(timeOf), operation);
          for (const item of first.items)
            assert.equal(
              (item as unknown as {customerId: string | null}).customerId,
              id,
              'items belong to the customer asked for',
            );
          await walkPages(
            (cursor) => list(c, id, {limit: 2, ...(cursor !== undefined && {cursor})}),
            operation,
          );
        }
      },
    },
    {
      id: `${operation}.errors`,
      operation,
      title: 'answers not_found for an unknown customer and invalid_input for a bad limit',
      async run(c) {
        await rejectsWith(list(c, c.unknownCustomerId), 'not_found', 'an unknown customer');
        await rejectsWith(list(c, c.knownCustomerIds[0]!, {limit: 0}), 'invalid_input', 'limit 0');
        await rejectsWith(
          list(c, c.knownCustomerIds[0]!, {limit: 1_000_000}),
          'invalid_input',
          'limit 1,000,000',
        );
      },
    },
    {
      id: `${operation}.abort`,
      operation,
      title: 'honours an aborted signal',
      async run(c) {
        await rejectsAborted(list(c, c.knownCustomerIds[0]!, {}, aborted()), operation);
      },
    },
  ];
};

/** Every rule of the contract, in the order the kit runs them. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  {
    id: 'capabilities.shape',
    operation: 'capabilities',
    title: 'declares a positive max batch size, known operations and entities',
    async run({adapter}) {
      const caps = adapter.capabilities;
      assert.ok(
        typeof adapter.name === 'string' && adapter.name !== '',
        'name must be a non-empty string',
      );
      assert.ok(
        Number.isInteger(caps.maxBatchSize) && caps.maxBatchSize >= 1,
        'maxBatchSize must be a whole number of at least 1',
      );
      for (const op of caps.operations)
        assert.ok(adapterOperations.includes(op), `unknown operation "${op}"`);
      for (const entity of caps.entities)
        assert.ok(entities.includes(entity), `unknown entity "${entity}"`);
      assert.equal(typeof caps.customFieldsWritable, 'boolean');
    },
  },
  ...batchChecks('getCustomers', (r) => (r as {id: string}).id),
  ...batchChecks('getLoyaltyAccounts', (r) => (r as {customerId: string}).customerId),
  ...listChecks('listComplaints'),
  ...listChecks('listInteractions'),
  {
    id: 'submitComplaint.stores',
    operation: 'submitComplaint',
    title: "stores a valid complaint as new, with SLA due dates, first in the customer's list",
    async run(c) {
      const complaint = await c.adapter.submitComplaint(c.complaint, {idempotencyKey: randomId()});
      assert.equal(complaint.status, 'new');
      assert.equal(complaint.customerId, c.complaint.customerId);
      assert.equal(complaint.description, c.complaint.description.trim());
      assert.ok(
        complaint.id && complaint.reference,
        'a stored complaint has an id and a reference',
      );
      assert.ok(
        Date.parse(complaint.responseDueAt) > Date.parse(complaint.createdAt),
        'the response is due after the complaint arrives',
      );
      assert.ok(
        Date.parse(complaint.resolutionDueAt) >= Date.parse(complaint.responseDueAt),
        'resolution is due after the response',
      );
      if (c.adapter.capabilities.operations.includes('listComplaints')) {
        const page = await c.adapter.listComplaints(complaint.customerId!, {limit: 5});
        assert.equal(page.items[0]?.id, complaint.id, 'the new complaint comes first in the list');
      }
    },
  },
  {
    id: 'submitComplaint.idempotent',
    operation: 'submitComplaint',
    title:
      'returns the same complaint for the same key and input, and refuses the key with another input (conflict)',
    async run(c) {
      const key = randomId();
      const first = await c.adapter.submitComplaint(c.complaint, {idempotencyKey: key});
      const again = await c.adapter.submitComplaint({...c.complaint}, {idempotencyKey: key});
      assert.equal(again.id, first.id, 'the same key and input return the first complaint');
      await rejectsWith(
        c.adapter.submitComplaint(
          {...c.complaint, subject: `${c.complaint.subject} (edited)`},
          {idempotencyKey: key},
        ),
        'conflict',
        'the same key with another input',
      );
      const other = await c.adapter.submitComplaint(c.complaint, {idempotencyKey: randomId()});
      assert.notEqual(other.id, first.id, 'another key is another complaint');
    },
  },
  {
    id: 'submitComplaint.invalid-input',
    operation: 'submitComplaint',
    title:
      'refuses bad input with invalid_input naming each field: unknown customer, empty description, over-long subject, no key',
    async run(c) {
      const bad = async (input: ComplaintInput, field: string, what: string) => {
        const error = await rejectsWith(
          c.adapter.submitComplaint(input, {idempotencyKey: randomId()}),
          'invalid_input',
          what,
        );
        assert.ok(
          field in error.fields,
          `${what}: error.fields must name "${field}" (it names: ${Object.keys(error.fields).join(', ') || 'nothing'})`,
        );
      };
      await bad(
        {...c.complaint, customerId: c.unknownCustomerId},
        'customerId',
        'an unknown customer',
      );
      await bad({...c.complaint, description: '   '}, 'description', 'an empty description');
      await bad(
        {...c.complaint, subject: 'x'.repeat(complaintLimits.subject + 1)},
        'subject',
        'an over-long subject',
      );
      await rejectsWith(
        c.adapter.submitComplaint(c.complaint, {idempotencyKey: ''}),
        'invalid_input',
        'an empty idempotency key',
      );
    },
  },
  {
    id: 'submitComplaint.anonymous',
    operation: 'submitComplaint',
    title: 'accepts a complaint from a visitor with a name and e-mail instead of a customer id',
    async run(c) {
      const {customerId: _ignored, ...rest} = c.complaint;
      const complaint = await c.adapter.submitComplaint(
        {...rest, contact: {name: 'Ada Visitor', email: 'ada@example.com'}},
        {idempotencyKey: randomId()},
      );
      assert.equal(complaint.customerId, null);
      assert.deepEqual(complaint.contact, {name: 'Ada Visitor', email: 'ada@example.com'});
    },
  },
  {
    id: 'submitComplaint.custom-fields',
    operation: 'submitComplaint',
    title: 'stores custom field values when it declares customFieldsWritable',
    async run(c) {
      if (
        !c.adapter.capabilities.customFieldsWritable ||
        !c.adapter.capabilities.operations.includes('describeFields')
      )
        return;
      const catalog = await c.adapter.describeFields('complaint');
      const custom = catalog.fields.find(
        (f) => f.custom && !f.readOnly && (f.type === 'text' || f.type === 'longtext'),
      );
      if (!custom) return;
      const key = custom.path.slice('customFields.'.length);
      const complaint = await c.adapter.submitComplaint(
        {...c.complaint, customFields: {...c.complaint.customFields, [key]: 'conformance'}},
        {idempotencyKey: randomId()},
      );
      assert.equal(complaint.customFields[key], 'conformance');
    },
  },
  {
    id: 'submitComplaint.abort',
    operation: 'submitComplaint',
    title: 'honours an aborted signal and stores nothing',
    async run(c) {
      await rejectsAborted(
        c.adapter.submitComplaint(c.complaint, {idempotencyKey: randomId(), signal: aborted()}),
        'submitComplaint',
      );
    },
  },
  {
    id: 'describeFields.catalog',
    operation: 'describeFields',
    title: 'describes each declared entity with well-formed fields, and refuses an unknown entity',
    async run(c) {
      for (const entity of c.adapter.capabilities.entities) {
        const catalog = await c.adapter.describeFields(entity);
        assert.equal(catalog.entity, entity);
        assert.ok(catalog.fields.length > 0, `${entity}: the catalog lists fields`);
        const paths = new Set<string>();
        for (const field of catalog.fields) {
          assert.ok(
            typeof field.path === 'string' && field.path !== '',
            `${entity}: every field has a path`,
          );
          assert.ok(!paths.has(field.path), `${entity}: field ${field.path} is listed twice`);
          paths.add(field.path);
          assert.ok(
            fieldTypes.includes(field.type),
            `${entity}.${field.path}: unknown type "${field.type}"`,
          );
          assert.equal(
            field.custom,
            field.path.startsWith('customFields.'),
            `${entity}.${field.path}: custom fields live under customFields.`,
          );
          assert.ok(
            field.label !== '' && field.label !== undefined,
            `${entity}.${field.path}: has a label`,
          );
          if (field.options)
            assert.ok(
              field.type === 'select' || field.type === 'multiselect',
              `${entity}.${field.path}: only select fields have options`,
            );
        }
      }
      await rejectsWith(
        c.adapter.describeFields('nonsense' as never),
        'invalid_input',
        'an unknown entity',
      );
    },
  },
  {
    id: 'describeFields.abort',
    operation: 'describeFields',
    title: 'honours an aborted signal',
    async run(c) {
      const entity = c.adapter.capabilities.entities[0] ?? 'customer';
      await rejectsAborted(c.adapter.describeFields(entity, {signal: aborted()}), 'describeFields');
    },
  },
];

/** Calls an operation with plausible arguments, for the check that unsupported operations say so. */
export function callOperation(
  c: ConformanceContext,
  operation: AdapterOperation,
): Promise<unknown> {
  const id = c.knownCustomerIds[0]!;
  switch (operation) {
    case 'getCustomers':
      return c.adapter.getCustomers([id]);
    case 'getLoyaltyAccounts':
      return c.adapter.getLoyaltyAccounts([id]);
    case 'listComplaints':
      return c.adapter.listComplaints(id);
    case 'listInteractions':
      return c.adapter.listInteractions(id);
    case 'submitComplaint':
      return c.adapter.submitComplaint(c.complaint, {idempotencyKey: randomId()});
    case 'describeFields':
      return c.adapter.describeFields('customer');
  }
}
