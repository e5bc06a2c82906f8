// The kit follows the catalogue: a resource added in a fixture gets the generic checks with no
// change to the kit, and its failures are found the same way.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {adapterCheckIds, checkAdapter} from '@rapport/adapter-testkit';
import {
  invalidInput,
  memoryIdempotencyStore,
  RapportError,
  resource,
  validateCustomerId,
  validateEntity,
  validateKeys,
  validatePage,
  withIdempotency,
  type CrmAdapter,
} from '@rapport/core';

interface Note {
  readonly id: string;
  readonly customerId: string;
  readonly text: string;
  readonly at: string;
}
interface NoteInput {
  readonly customerId: string;
  readonly text: string;
}

const fixture = {
  notes: resource<Note, NoteInput>()({
    operations: ['read', 'list', 'create'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'at',
    fields: ['id', 'customerId', 'text', 'at'],
  }),
} as const;
type Fixture = typeof fixture;

/** A small backend of notes for two customers, written the way docs/adapters.md says. */
function notesAdapter({oldestFirst = false} = {}): CrmAdapter<Fixture> {
  const customers = new Set(['u-1', 'u-2']);
  const notes: Note[] = [];
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const adapter: CrmAdapter<Fixture> = {
    name: 'notes',
    capabilities: {maxBatchSize: 10, entities: [], customFieldsWritable: false},
    resources: {
      notes: {
        async read(keys, o) {
          o?.signal?.throwIfAborted();
          return validateKeys(keys, 10).map((id) => ({
            id,
            record: notes.find((n) => n.id === id) ?? null,
          }));
        },
        async list(customerId, page, o) {
          o?.signal?.throwIfAborted();
          const id = validateCustomerId(customerId);
          const {cursor, limit} = validatePage(page);
          if (!customers.has(id)) throw new RapportError('not_found', `No customer ${id}`);
          const own = notes.filter((n) => n.customerId === id);
          if (!oldestFirst) own.reverse();
          const start = Number(cursor ?? 0);
          return {
            items: own.slice(start, start + limit),
            nextCursor: start + limit < own.length ? String(start + limit) : null,
          };
        },
        // Every note, oldest first: new ones are appended, so a scan's offsets stay put.
        async scan(page, o) {
          o?.signal?.throwIfAborted();
          const {cursor, limit} = validatePage(page, 1000);
          if (cursor !== undefined && !/^\d+$/.test(cursor))
            throw invalidInput('cursor', 'is not a cursor this backend gave out');
          const start = Number(cursor ?? 0);
          return {
            items: notes.slice(start, start + limit),
            nextCursor: start + limit < notes.length ? String(start + limit) : null,
          };
        },
        async create(input, o) {
          o.signal?.throwIfAborted();
          if (!customers.has(input.customerId))
            throw invalidInput('customerId', 'is not a customer');
          clock += 60_000;
          const note = {
            id: `n-${notes.length + 1}`,
            customerId: input.customerId,
            text: input.text,
            at: new Date(clock).toISOString(),
          };
          notes.push(note);
          return note;
        },
      },
    },
    async describeFields(entity, o) {
      o?.signal?.throwIfAborted();
      validateEntity(entity, []);
      throw new Error('unreachable: no entity is offered');
    },
  };
  // The backend has no idempotency of its own.
  return withIdempotency<typeof fixture>(adapter, memoryIdempotencyStore());
}

const options = {
  name: 'notes',
  catalogue: fixture,
  knownCustomerIds: ['u-1', 'u-2'],
  inputs: {notes: (customerId: string, n: number) => ({customerId, text: `Note ${n}`})},
};

describe('the kit on a catalogue with a resource of its own', () => {
  it('plans the generic checks of each operation the catalogue declares, and no complaint checks', () => {
    const ids = adapterCheckIds(fixture);
    assert.ok(ids.includes('notes.read.max-batch'));
    assert.ok(ids.includes('notes.list.newest-first'));
    assert.ok(ids.includes('notes.create.idempotent'));
    assert.ok(ids.includes('notes.scan.pages'));
    assert.ok(!ids.some((id) => id.startsWith('complaints.')), ids.join());
  });

  it('passes an honest adapter, seeding the notes the checks need', async () => {
    const results = await checkAdapter({...options, create: () => notesAdapter()});
    assert.deepEqual(
      results.filter((r) => r.outcome !== 'passed').map((r) => `${r.id}: ${r.message}`),
      [],
    );
    assert.equal(results.length, adapterCheckIds(fixture).length);
  });

  it("fails an oldest-first list by the catalogue's orderedBy", async () => {
    const results = await checkAdapter({
      ...options,
      create: () => notesAdapter({oldestFirst: true}),
    });
    const failed = results.find((r) => r.id === 'notes.list.newest-first');
    assert.equal(failed?.outcome, 'failed');
    assert.match(failed.message!, /items must be newest first by at, but items\[0\]\.at/);
  });

  it('takes skip ids of this catalogue only', async () => {
    const results = await checkAdapter({
      ...options,
      create: () => notesAdapter(),
      skip: {'notes.list.pages': 'checked elsewhere'},
    });
    assert.equal(results.find((r) => r.id === 'notes.list.pages')?.outcome, 'skipped');
    await assert.rejects(
      checkAdapter({
        ...options,
        create: () => notesAdapter(),
        // @ts-expect-error: this catalogue has no complaints
        skip: {'complaints.create.stores': 'no complaints'},
      }),
      /skip names "complaints\.create\.stores", which is not a check id/,
    );
  });

  it('asks for an input when it cannot make one', async () => {
    const results = await checkAdapter({...options, inputs: {}, create: () => notesAdapter()});
    const failed = results.find((r) => r.id === 'notes.create.idempotent');
    assert.match(
      failed?.message ?? '',
      /Conformance configuration: the kit has no valid input for creating notes; give inputs\.notes/,
    );
  });
});
