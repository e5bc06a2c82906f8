import assert from 'node:assert/strict';
import {
  complaintLimits,
  entities,
  fieldTypes,
  randomId,
  stableStringify,
  type BatchResult,
  type Catalogue,
  type ComplaintInput,
  type RapportCatalogue,
  type ResourceOperation,
  type ResourcesWith,
} from '@rapport/core';
import {
  complaintUpdateChecks,
  complaintUpdateRules,
  redemptionChecks,
  redemptionRules,
  surveyChecks,
  surveyRules,
} from './actions.js';
import {
  aborted,
  checkPage,
  configurationError,
  createOf,
  inputOf,
  lacksData,
  listOf,
  readOf,
  rejectsAborted,
  rejectsWith,
  seeded,
  serves,
  show,
  type ConformanceContext,
  type Item,
  type PlannedCheck,
} from './kit.js';

export {CheckSkipped, configurationError, rejectsWith} from './kit.js';
export type {ConformanceContext, PlannedCheck} from './kit.js';

/** The rules checked for every resource that serves `read`. */
export const readRules = ['batch-answer', 'order-free', 'max-batch', 'abort'] as const;
/** The rules checked for every resource that serves `list`. */
export const listRules = ['newest-first', 'pages', 'owner', 'not-found', 'limit', 'abort'] as const;
/** The rules checked for every resource that serves `create`. */
export const createRules = ['idempotent', 'abort'] as const;
/** The rules checked for every resource an adapter can `scan` (for reports). */
export const scanRules = ['pages', 'refusals'] as const;
/** The rules of complaints only, on top of the create rules. */
export const complaintRules = ['stores', 'invalid-input', 'anonymous', 'custom-fields'] as const;
/** The checks that concern no resource. */
export const adapterRules = [
  'capabilities.shape',
  'describeFields.catalog',
  'describeFields.abort',
] as const;

/**
 * The id of one adapter check: `<resource>.<operation>.<rule>` for the resources of the catalogue
 * (`complaints.list.newest-first`), or one of {@link adapterRules}. `skip` takes these ids only.
 */
export type AdapterCheckId<C extends Catalogue = RapportCatalogue> =
  | (typeof adapterRules)[number]
  | `${ResourcesWith<C, 'read'>}.read.${(typeof readRules)[number]}`
  | `${ResourcesWith<C, 'list'>}.list.${(typeof listRules)[number]}`
  | `${ResourcesWith<C, 'create'>}.create.${(typeof createRules)[number]}`
  | `${keyof C & string}.scan.${(typeof scanRules)[number]}`
  | ('complaints' extends ResourcesWith<C, 'create'>
      ? `complaints.create.${(typeof complaintRules)[number]}`
      : never)
  | ('redemptions' extends ResourcesWith<C, 'create'>
      ? `redemptions.create.${(typeof redemptionRules)[number]}`
      : never)
  | ('complaintUpdates' extends ResourcesWith<C, 'create'>
      ? `complaintUpdates.create.${(typeof complaintUpdateRules)[number]}`
      : never)
  | ('surveyAnswers' extends ResourcesWith<C, 'create'>
      ? `surveyAnswers.create.${(typeof surveyRules)[number]}`
      : never);

/** Keys a read resource can be asked for that have records. */
async function knownKeysOf(c: ConformanceContext, resource: string): Promise<readonly string[]> {
  const definition = c.catalogue[resource]!;
  const given = c.knownKeys[resource];
  if (given && given.length > 0) return given;
  if (definition.key === definition.owner) return c.knownCustomerIds.slice(0, 2);
  const keysOf = (items: readonly Item[]) =>
    items.map((item) => item[definition.key]).filter((k): k is string => typeof k === 'string');
  if (serves(c, resource, 'list')) {
    const keys = keysOf((await seeded(c, resource, 2)).items);
    if (keys.length > 0) return keys.slice(0, 2);
  } else if (serves(c, resource, 'create')) {
    const create = createOf(c, resource);
    const created = [];
    for (let n = 1; n <= 2; n++)
      created.push(
        await create(await inputOf(c, resource, c.knownCustomerIds[0]!, n), {
          idempotencyKey: randomId(),
        }),
      );
    return keysOf(created);
  }
  throw configurationError(
    `${resource} is read by "${definition.key}", not by customer, and the adapter neither lists nor creates ${resource} records the kit could read; give knownKeys.${resource} in the options`,
  );
}

function readChecks(resource: string): PlannedCheck[] {
  const group = `${resource}.read`;
  const id = (rule: (typeof readRules)[number]) => `${resource}.read.${rule}`;
  return [
    {
      id: id('batch-answer'),
      group,
      title: 'answers every requested key once: the record, or null when there is none',
      async run(c) {
        const key = c.catalogue[resource]!.key;
        const known = await knownKeysOf(c, resource);
        const keys = [known[0]!, c.unknownCustomerId, ...known.slice(1)];
        const entries = await readOf(c, resource)(keys);
        assert.ok(Array.isArray(entries), `${group}: the answer must be a list of {id, record}`);
        assert.deepEqual(
          entries.map((e) => e.id).sort(),
          [...keys].sort(),
          `${group}: entries[].id must name each requested key once`,
        );
        for (const entry of entries) {
          if (entry.id === c.unknownCustomerId)
            assert.equal(
              entry.record,
              null,
              `${group}: entries[].record must be null for an unknown key`,
            );
          else
            assert.equal(
              entry.record?.[key],
              entry.id,
              `${group}: entries[].record.${key} must equal entries[].id "${entry.id}" (a known key answers its own record)`,
            );
        }
      },
    },
    {
      id: id('order-free'),
      group,
      title:
        'gives the same answer whatever the order of the keys, and answers a repeated key once',
      async run(c) {
        const read = readOf(c, resource);
        const keys = [...(await knownKeysOf(c, resource)), c.unknownCustomerId];
        const forward = await read(keys);
        const backward = await read([...keys].reverse().concat(keys[0]!));
        const byId = (list: BatchResult<Item>) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
        assert.equal(
          backward.length,
          keys.length,
          `${group}: entries.length must count a repeated key once (${keys.length} distinct keys)`,
        );
        assert.deepEqual(
          byId(backward),
          byId(forward),
          `${group}: entries (by id) must not depend on the order of the keys`,
        );
        assert.deepEqual(await read([]), [], `${group}: entries must be [] for an empty batch`);
      },
    },
    {
      id: id('max-batch'),
      group,
      title:
        'accepts a batch of exactly maxBatchSize keys and refuses a larger one with invalid_input',
      async run(c) {
        const read = readOf(c, resource);
        const max = c.adapter.capabilities.maxBatchSize;
        const keys = [...(await knownKeysOf(c, resource))].slice(0, max);
        while (keys.length < max) keys.push(`${c.unknownCustomerId}-${keys.length}`);
        const entries = await read(keys);
        assert.equal(
          entries.length,
          max,
          `${group}: entries.length must be ${max} for a batch of capabilities.maxBatchSize distinct keys`,
        );
        await rejectsWith(
          read([...keys, `${c.unknownCustomerId}-over`]),
          'invalid_input',
          `${group} of maxBatchSize + 1 (${max + 1}) keys`,
        );
      },
    },
    {
      id: id('abort'),
      group,
      title: 'honours an aborted signal',
      async run(c) {
        await rejectsAborted(readOf(c, resource)(c.knownCustomerIds, aborted()), group);
      },
    },
  ];
}

function listChecks(resource: string, orderedBy: string | undefined): PlannedCheck[] {
  const group = `${resource}.list`;
  const id = (rule: (typeof listRules)[number]) => `${resource}.list.${rule}`;
  return [
    {
      id: id('newest-first'),
      group,
      title:
        orderedBy === undefined
          ? "keeps the list's own order (the catalogue names no orderedBy), each page holding only the customer's items"
          : 'lists newest first by the date the catalogue orders the resource by',
      async run(c) {
        const list = listOf(c, resource);
        if (orderedBy === undefined) {
          // A list with an order of its own (a member's rewards, what they can redeem first): the
          // kit cannot know that order, but it can check the pages are the customer's.
          const owner = c.catalogue[resource]!.owner;
          for (const customerId of c.knownCustomerIds.slice(0, 2)) {
            const what = `${group}("${customerId}")`;
            const page = await list(customerId, {limit: 100});
            checkPage(page, what);
            page.items.forEach((item, i) =>
              assert.equal(
                item[owner],
                customerId,
                `${what}: items[${i}].${owner} must be "${customerId}", the customer asked for`,
              ),
            );
          }
          return;
        }
        const pages = [
          await seeded(c, resource, 2),
          await list(c.knownCustomerIds[1]!, {limit: 100}),
        ];
        let compared = false;
        pages.forEach((page, p) => {
          const what = `${group}("${c.knownCustomerIds[p]}")`;
          checkPage(page, what);
          const times = page.items.map((item, i) => {
            const time = Date.parse(String(item[orderedBy]));
            assert.ok(
              !Number.isNaN(time),
              `${what}: items[${i}].${orderedBy} must be a date, got ${show(item[orderedBy])}`,
            );
            return time;
          });
          for (let i = 1; i < times.length; i++) {
            assert.ok(
              times[i - 1]! >= times[i]!,
              `${what}: items must be newest first by ${orderedBy}, but items[${i - 1}].${orderedBy} ${show(page.items[i - 1]![orderedBy])} is older than items[${i}].${orderedBy} ${show(page.items[i]![orderedBy])}`,
            );
            if (times[i - 1]! > times[i]!) compared = true;
          }
        });
        if (!compared)
          throw lacksData(
            c,
            resource,
            `to check the order, a known customer needs two ${resource} with different ${orderedBy}`,
          );
      },
    },
    {
      id: id('pages'),
      group,
      title: 'pages through a list without repeats or gaps, with the items of one large page',
      async run(c) {
        const key = c.catalogue[resource]!.key;
        const customerId = c.knownCustomerIds[0]!;
        const all = await seeded(c, resource, 3);
        const what = `${group}("${customerId}")`;
        checkPage(all, `${what} with limit 100`);
        if (all.items.length < 3)
          throw lacksData(
            c,
            resource,
            `to page with limit 2, the first known customer needs at least three ${resource}`,
          );
        const list = listOf(c, resource);
        const expected = all.items.slice(0, 10).map((item) => item[key]);
        const walked: unknown[] = [];
        let cursor: string | undefined;
        for (let n = 1; walked.length < expected.length; n++) {
          const page = await list(customerId, {limit: 2, ...(cursor !== undefined && {cursor})});
          checkPage(page, `${what} page ${n}`);
          assert.ok(
            page.items.length <= 2,
            `${what} page ${n}: items.length must be at most the limit 2, got ${page.items.length}`,
          );
          for (const item of page.items) {
            assert.ok(
              !walked.includes(item[key]),
              `${what} page ${n}: items[].${key} ${show(item[key])} appears on two pages`,
            );
            walked.push(item[key]);
          }
          if (page.nextCursor === null) break;
          assert.ok(
            page.items.length > 0,
            `${what} page ${n}: items must not be empty when nextCursor is set`,
          );
          cursor = page.nextCursor;
        }
        assert.deepEqual(
          walked.slice(0, expected.length),
          expected,
          `${what}: the ${key}s of pages of 2 must be those of one page of 100, in the same order`,
        );
        if (all.nextCursor === null && all.total !== undefined)
          assert.equal(
            all.total,
            all.items.length,
            `${what}: page.total must count the whole list when it fits on one page`,
          );
      },
    },
    {
      id: id('owner'),
      group,
      title: 'lists only items that belong to the customer asked for',
      async run(c) {
        const owner = c.catalogue[resource]!.owner;
        const pages = [
          await seeded(c, resource, 1),
          await listOf(c, resource)(c.knownCustomerIds[1]!, {limit: 100}),
        ];
        if (pages[0]!.items.length === 0)
          throw lacksData(c, resource, `the first known customer has no ${resource} to check`);
        pages.forEach((page, p) => {
          const customerId = c.knownCustomerIds[p]!;
          page.items.forEach((item, i) =>
            assert.equal(
              item[owner],
              customerId,
              `${group}("${customerId}"): items[${i}].${owner} must be "${customerId}", the customer asked for`,
            ),
          );
        });
      },
    },
    {
      id: id('not-found'),
      group,
      title: 'answers not_found for an unknown customer',
      async run(c) {
        await rejectsWith(
          listOf(c, resource)(c.unknownCustomerId),
          'not_found',
          `${group} of an unknown customer`,
        );
      },
    },
    {
      id: id('limit'),
      group,
      title: 'refuses a limit outside 1 to 100 with invalid_input',
      async run(c) {
        const list = listOf(c, resource);
        const customerId = c.knownCustomerIds[0]!;
        await rejectsWith(list(customerId, {limit: 0}), 'invalid_input', `${group} with limit 0`);
        await rejectsWith(
          list(customerId, {limit: 1_000_000}),
          'invalid_input',
          `${group} with limit 1,000,000`,
        );
      },
    },
    {
      id: id('abort'),
      group,
      title: 'honours an aborted signal',
      async run(c) {
        await rejectsAborted(listOf(c, resource)(c.knownCustomerIds[0]!, {}, aborted()), group);
      },
    },
  ];
}

function createChecks(resource: string): PlannedCheck[] {
  const group = `${resource}.create`;
  const id = (rule: (typeof createRules)[number]) => `${resource}.create.${rule}`;
  return [
    {
      id: id('idempotent'),
      group,
      title:
        'returns the same record for the same key and input, refuses the key with another input (conflict) and an empty key (invalid_input)',
      async run(c) {
        const key = c.catalogue[resource]!.key;
        const create = createOf(c, resource);
        const customerId = c.knownCustomerIds[0]!;
        const input = await inputOf(c, resource, customerId, 1);
        const other = await inputOf(c, resource, customerId, 2);
        if (stableStringify(input) === stableStringify(other))
          throw configurationError(`inputs.${resource} must give a different input for each n`);
        const idempotencyKey = randomId();
        const first = await create(input, {idempotencyKey});
        const again = await create(structuredClone(input), {idempotencyKey});
        assert.equal(
          again?.[key],
          first?.[key],
          `${group}: record.${key} must be the first one's for the same idempotencyKey and input`,
        );
        await rejectsWith(
          create(other, {idempotencyKey}),
          'conflict',
          `${group} with a used idempotencyKey and another input`,
        );
        await rejectsWith(
          create(input, {idempotencyKey: ''}),
          'invalid_input',
          `${group} with an empty idempotencyKey`,
        );
        const another = await create(input, {idempotencyKey: randomId()});
        assert.notEqual(
          another?.[key],
          first?.[key],
          `${group}: record.${key} must be new for another idempotencyKey`,
        );
      },
    },
    {
      id: id('abort'),
      group,
      title: 'honours an aborted signal and stores nothing',
      async run(c) {
        const key = c.catalogue[resource]!.key;
        const customerId = c.knownCustomerIds[0]!;
        const input = await inputOf(c, resource, customerId, 1);
        const listed = async () =>
          serves(c, resource, 'list')
            ? (await listOf(c, resource)(customerId, {limit: 100})).items.map((item) => item[key])
            : [];
        const before = await listed();
        await rejectsAborted(
          createOf(c, resource)(input, {idempotencyKey: randomId(), signal: aborted()}),
          group,
        );
        assert.deepEqual(
          await listed(),
          before,
          `${group}: an aborted create must store nothing (the ${key}s of ${resource}.list("${customerId}") changed)`,
        );
      },
    },
  ];
}

function complaintChecks(): PlannedCheck[] {
  const group = 'complaints.create';
  const id = (rule: (typeof complaintRules)[number]) => `complaints.create.${rule}`;
  const create = (c: ConformanceContext, input: ComplaintInput) =>
    createOf(c, 'complaints')(input, {idempotencyKey: randomId()});
  return [
    {
      id: id('stores'),
      group,
      title: "stores a valid complaint as new, with SLA due dates, first in the customer's list",
      async run(c) {
        const complaint = await create(c, c.complaint);
        const field = (name: string) => `${group}: complaint.${name}`;
        assert.equal(complaint.status, 'new', `${field('status')} must be "new"`);
        assert.equal(
          complaint.customerId,
          c.complaint.customerId,
          `${field('customerId')} must be the input's`,
        );
        assert.equal(
          complaint.description,
          c.complaint.description.trim(),
          `${field('description')} must be the input's, trimmed`,
        );
        assert.ok(
          typeof complaint.id === 'string' && complaint.id !== '',
          `${field('id')} must be a non-empty string`,
        );
        assert.ok(
          typeof complaint.reference === 'string' && complaint.reference !== '',
          `${field('reference')} must be a non-empty string`,
        );
        assert.ok(
          Date.parse(String(complaint.responseDueAt)) > Date.parse(String(complaint.createdAt)),
          `${field('responseDueAt')} ${show(complaint.responseDueAt)} must be after complaint.createdAt ${show(complaint.createdAt)}`,
        );
        assert.ok(
          Date.parse(String(complaint.resolutionDueAt)) >=
            Date.parse(String(complaint.responseDueAt)),
          `${field('resolutionDueAt')} ${show(complaint.resolutionDueAt)} must not be before complaint.responseDueAt ${show(complaint.responseDueAt)}`,
        );
        if (serves(c, 'complaints', 'list')) {
          const page = await listOf(c, 'complaints')(String(complaint.customerId), {limit: 5});
          assert.equal(
            page.items[0]?.id,
            complaint.id,
            `complaints.list("${complaint.customerId}"): items[0].id must be the new complaint's`,
          );
        }
      },
    },
    {
      id: id('invalid-input'),
      group,
      title:
        'refuses bad input with invalid_input naming each field: unknown customer, empty description, over-long subject',
      async run(c) {
        const bad = async (input: ComplaintInput, field: string, what: string) => {
          const error = await rejectsWith(
            create(c, input),
            'invalid_input',
            `${group} with ${what}`,
          );
          assert.ok(
            field in error.fields,
            `${group} with ${what}: error.fields must name "${field}" (it names: ${Object.keys(error.fields).join(', ') || 'nothing'})`,
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
      },
    },
    {
      id: id('anonymous'),
      group,
      title:
        'accepts a complaint from a visitor with a name and e-mail instead of a customer id, and copies contact back',
      async run(c) {
        const {customerId: _ignored, ...rest} = c.complaint;
        const contact = {name: 'Ada Visitor', email: 'ada@example.com'};
        const complaint = await create(c, {...rest, contact});
        assert.equal(
          complaint.customerId,
          null,
          `${group}: complaint.customerId must be null for a visitor`,
        );
        assert.deepEqual(
          complaint.contact,
          contact,
          `${group}: complaint.contact must be the input's contact, copied back`,
        );
      },
    },
    {
      id: id('custom-fields'),
      group,
      title: 'stores custom field values, since it declares customFieldsWritable',
      async run(c) {
        const catalog = await c.adapter.describeFields('complaint');
        const custom = catalog.fields.find(
          (f) => f.custom && !f.readOnly && (f.type === 'text' || f.type === 'longtext'),
        );
        if (!custom)
          throw new Error(
            `${group}: capabilities.customFieldsWritable is true, but describeFields('complaint').fields lists no writable text custom field to check it with`,
          );
        const key = custom.path.slice('customFields.'.length);
        const complaint = await create(c, {
          ...c.complaint,
          customFields: {...c.complaint.customFields, [key]: 'conformance'},
        });
        assert.equal(
          (complaint.customFields as Item | undefined)?.[key],
          'conformance',
          `${group}: complaint.customFields.${key} must be the value written`,
        );
      },
    },
  ];
}

const capabilitiesCheck: PlannedCheck = {
  id: 'capabilities.shape',
  group: 'capabilities',
  title:
    'declares a name, a positive max batch size and known entities, and serves whole catalogue resources',
  async run({adapter, catalogue}) {
    const caps = adapter.capabilities;
    assert.ok(
      typeof adapter.name === 'string' && adapter.name !== '',
      'adapter.name must be a non-empty string',
    );
    assert.ok(
      Number.isInteger(caps.maxBatchSize) && caps.maxBatchSize >= 1,
      `capabilities.maxBatchSize must be a whole number of at least 1, got ${show(caps.maxBatchSize)}`,
    );
    for (const entity of caps.entities)
      assert.ok(entities.includes(entity), `capabilities.entities: unknown entity ${show(entity)}`);
    assert.equal(
      typeof caps.customFieldsWritable,
      'boolean',
      'capabilities.customFieldsWritable must be a boolean',
    );
    const served = Object.keys(adapter.resources ?? {});
    assert.ok(served.length > 0, 'adapter.resources must serve at least one resource');
    for (const name of served) {
      assert.ok(
        name in catalogue,
        `adapter.resources.${name}: not a resource of the catalogue (${Object.keys(catalogue).join(', ')})`,
      );
      const handlers = (adapter.resources as Record<string, Item | undefined>)[name];
      for (const operation of catalogue[name]!.operations)
        assert.equal(
          typeof handlers?.[operation],
          'function',
          `adapter.resources.${name}.${operation} must be a function: a served resource implements every operation of its catalogue entry (${catalogue[name]!.operations.join(', ')})`,
        );
    }
  },
};

const describeChecks: PlannedCheck[] = [
  {
    id: 'describeFields.catalog',
    group: 'describeFields',
    title: 'describes each declared entity with well-formed fields, and refuses an unknown entity',
    async run(c) {
      for (const entity of c.adapter.capabilities.entities) {
        const catalog = await c.adapter.describeFields(entity);
        const what = `describeFields('${entity}')`;
        assert.equal(catalog.entity, entity, `${what}: catalog.entity must be "${entity}"`);
        assert.ok(catalog.fields.length > 0, `${what}: catalog.fields must not be empty`);
        const paths = new Set<string>();
        for (const field of catalog.fields) {
          const at = `${what}: fields[path ${show(field.path)}]`;
          assert.ok(
            typeof field.path === 'string' && field.path !== '',
            `${what}: fields[].path must be a non-empty string`,
          );
          assert.ok(!paths.has(field.path), `${at}.path is listed twice`);
          paths.add(field.path);
          assert.ok(
            fieldTypes.includes(field.type),
            `${at}.type: unknown type ${show(field.type)}`,
          );
          assert.equal(
            field.custom,
            field.path.startsWith('customFields.'),
            `${at}.custom must be true exactly for paths under customFields.`,
          );
          assert.ok(
            field.label !== '' && field.label !== undefined,
            `${at}.label must not be empty`,
          );
          if (field.options)
            assert.ok(
              field.type === 'select' || field.type === 'multiselect',
              `${at}.options: only select and multiselect fields have options (type is ${field.type})`,
            );
        }
      }
      await rejectsWith(
        c.adapter.describeFields('nonsense' as never),
        'invalid_input',
        'describeFields of an unknown entity',
      );
    },
  },
  {
    id: 'describeFields.abort',
    group: 'describeFields',
    title: 'honours an aborted signal',
    async run(c) {
      const entity = c.adapter.capabilities.entities[0] ?? 'customer';
      await rejectsAborted(c.adapter.describeFields(entity, {signal: aborted()}), 'describeFields');
    },
  },
];

type Scan = (
  page?: {cursor?: string; limit?: number},
  options?: {signal?: AbortSignal},
) => Promise<{items: readonly Item[]; nextCursor: string | null}>;

/** `scan`, for reports: every record once, in pages of at most the limit; bad pages refused. */
function scanChecks(resource: string, key: string): PlannedCheck[] {
  const scanOf = (c: ConformanceContext): Scan => {
    const handlers = (c.adapter.resources as Record<string, {scan: Scan}>)[resource]!;
    return handlers.scan.bind(handlers);
  };
  const readAll = async (scan: Scan, limit: number, what: string) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      assert.ok(pages < 100_000, `${what}: still giving pages after 100,000; does nextCursor end?`);
      const page = await scan({...(cursor !== null && {cursor}), limit});
      assert.ok(Array.isArray(page.items), `${what}: page.items must be an array`);
      assert.ok(
        page.items.length <= limit,
        `${what}: a page holds ${page.items.length} items, more than the limit ${limit}`,
      );
      items.push(...page.items);
      if (page.nextCursor === null) return items;
      assert.equal(
        typeof page.nextCursor,
        'string',
        `${what}: nextCursor must be a string or null`,
      );
      cursor = page.nextCursor;
    }
  };
  return [
    {
      id: `${resource}.scan.pages`,
      group: `${resource}.scan`,
      title:
        'gives every record once, in pages of at most the limit, the same in small pages as in large',
      async run(c) {
        const scan = scanOf(c);
        const small = await readAll(scan, 3, `${resource}.scan({limit: 3})`);
        const large = await readAll(scan, 1000, `${resource}.scan({limit: 1000})`);
        assert.equal(
          small.length,
          large.length,
          `${resource}.scan: ${small.length} records in pages of 3, ${large.length} in pages of 1,000`,
        );
        const keys = small.map((item) => item[key]);
        if (keys.every((k) => typeof k === 'string')) {
          const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
          assert.equal(repeated, undefined, `${resource}.scan gave ${show(repeated)} twice`);
        }
      },
    },
    {
      id: `${resource}.scan.refusals`,
      group: `${resource}.scan`,
      title:
        'refuses a limit above 1,000 and a cursor it did not give out, and honours an aborted signal',
      async run(c) {
        const scan = scanOf(c);
        await rejectsWith(scan({limit: 1001}), 'invalid_input', `${resource}.scan({limit: 1001})`);
        await rejectsWith(
          scan({cursor: 'not-a-cursor-of-this-backend'}),
          'invalid_input',
          `${resource}.scan with a made-up cursor`,
        );
        await rejectsAborted(scan({}, {signal: aborted()}), `${resource}.scan`);
      },
    },
  ];
}

/** Every check the catalogue defines, whether or not an adapter serves its operation. */
export function catalogueChecks(catalogue: Catalogue): {
  readonly check: PlannedCheck;
  /** The resource and operation it needs served; none for the checks of the adapter itself. */
  readonly needs?: {readonly resource: string; readonly operation: ResourceOperation | 'scan'};
  /** Whether it needs `capabilities.customFieldsWritable`. */
  readonly needsCustomFields?: boolean;
}[] {
  const planned: ReturnType<typeof catalogueChecks>[number][] = [{check: capabilitiesCheck}];
  for (const resource of Object.keys(catalogue)) {
    const operations = catalogue[resource]!.operations as readonly ResourceOperation[];
    const add = (operation: ResourceOperation | 'scan', checks: PlannedCheck[]) => {
      for (const check of checks)
        planned.push({
          check,
          needs: {resource, operation},
          ...(check.id.endsWith('.custom-fields') && {needsCustomFields: true}),
        });
    };
    if (operations.includes('read')) add('read', readChecks(resource));
    add('scan', scanChecks(resource, catalogue[resource]!.key));
    if (operations.includes('list'))
      add('list', listChecks(resource, catalogue[resource]!.orderedBy));
    if (operations.includes('create')) add('create', createChecks(resource));
    if (operations.includes('create')) {
      if (resource === 'complaints') add('create', complaintChecks());
      if (resource === 'redemptions') add('create', redemptionChecks());
      if (resource === 'complaintUpdates') add('create', complaintUpdateChecks());
      if (resource === 'surveyAnswers') add('create', surveyChecks());
    }
  }
  for (const check of describeChecks) planned.push({check});
  return planned;
}
