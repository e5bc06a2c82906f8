import {
  defaultSlaPolicy,
  entities,
  memoryIdempotencyStore,
  RapportError,
  slaDueDates,
  invalidInput,
  validateComplaintInput,
  validateCustomerId,
  validateEntity,
  validateKeys,
  validatePage,
  withIdempotency,
  type AdapterResources,
  type BatchResult,
  type CallOptions,
  type Complaint,
  type ComplaintInput,
  type CrmAdapter,
  type Customer,
  type IdempotencyRecord,
  type Interaction,
  type LoyaltyAccount,
  type MemoryIdempotencyStore,
  type Page,
  type PageRequest,
  type RapportCatalogue,
  type SlaPolicy,
  type WriteOptions,
  refuseComplaint,
} from '@rapport/core';
import {memoryCatalog} from './catalog.js';
import {createDemoData, type DemoData, type DemoDataOptions} from './demo-data/generate.js';
import {FaultInjector, type FaultOptions} from './faults.js';

/** What the memory backend saves to keep submissions across restarts. */
export interface MemorySnapshot {
  readonly format: 2;
  readonly seed: number;
  readonly size: number;
  /** Complaints submitted through the adapter, oldest first. */
  readonly complaints: readonly Complaint[];
  /** The idempotency store's finished keys, as `MemoryIdempotencyStore.entries()` gives them. */
  readonly idempotency: readonly (readonly [
    key: string,
    record: IdempotencyRecord,
    expiresAt?: number,
  ])[];
}

/** A snapshot written before format 2: its complaints still load; it is saved again as format 2. */
export interface MemorySnapshotV1 {
  readonly format: 1;
  readonly seed: number;
  readonly size: number;
  readonly complaints: readonly Complaint[];
  readonly idempotency: readonly unknown[];
}

/** Where snapshots are kept. `@rapport/adapter-memory/node` has a JSON file store. */
export interface SnapshotStore {
  load(): MemorySnapshot | MemorySnapshotV1 | undefined;
  save(snapshot: MemorySnapshot): void;
}

/** Artificial latency: a fixed delay or a random one in a range, in milliseconds. */
export type Latency = number | {readonly min: number; readonly max: number};

/** Options of {@link memoryAdapter}. */
export interface MemoryAdapterOptions extends DemoDataOptions {
  /** Delay of every call. Default 0. */
  readonly latency?: Latency;
  /** Simulated transient failures. Default none. */
  readonly faults?: FaultOptions | null;
  /** Largest batch a read accepts. Default 50. */
  readonly maxBatchSize?: number;
  /** Keeps submitted complaints across restarts. */
  readonly store?: SnapshotStore;
  /** The SLA policy of new complaints. Default `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** The embedded backend: every resource of the catalogue in memory, plus demo controls. */
export interface MemoryAdapter extends CrmAdapter {
  /** The seeded data set, with what was submitted since. */
  readonly data: DemoData;
  /** Turns simulated failures on (or off with `null`). */
  setFaults(faults: FaultOptions | null): void;
  /** Changes the artificial latency. */
  setLatency(latency: Latency): void;
  /** Forgets every submission and returns to the seeded data. */
  reset(): void;
}

/**
 * An in-memory CRM seeded with a deterministic demo data set (see `createDemoData`). It serves every
 * resource of the catalogue and passes `@rapport/adapter-testkit`. For demos and tests it can add
 * latency and simulated failures, and keep submissions in a {@link SnapshotStore}.
 */
export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const seed = options.seed ?? 42;
  const size = options.size ?? 200;
  const now = options.now ?? Date.now;
  const slaPolicy = options.slaPolicy ?? defaultSlaPolicy;
  const maxBatchSize = options.maxBatchSize ?? 50;
  let latency: Latency = options.latency ?? 0;
  let faults = options.faults ? new FaultInjector(options.faults) : null;

  let data: DemoData;
  let customers: Map<string, Customer>;
  let accounts: Map<string, LoyaltyAccount>;
  let complaints: Map<string, Complaint[]>;
  let interactions: Map<string, Interaction[]>;
  let submitted: Complaint[];
  let idempotency: MemoryIdempotencyStore;
  let sequence: number;

  const load = (snapshot?: MemorySnapshot | MemorySnapshotV1): void => {
    const seeded = createDemoData({seed, size, ...(options.asOf && {asOf: options.asOf})});
    customers = new Map(seeded.customers.map((c) => [c.id, c]));
    accounts = new Map(seeded.accounts.map((a) => [a.customerId, a]));
    complaints = newestFirst(
      seeded.complaints,
      (c) => c.customerId ?? '',
      (c) => c.createdAt,
    );
    interactions = newestFirst(
      seeded.interactions,
      (i) => i.customerId,
      (i) => i.at,
    );
    submitted = [];
    sequence = seeded.complaints.length;
    const usable =
      snapshot &&
      (snapshot.format === 1 || snapshot.format === 2) &&
      snapshot.seed === seed &&
      snapshot.size === size;
    for (const complaint of usable ? snapshot.complaints : []) record(complaint);
    idempotency = memoryIdempotencyStore({
      now,
      // Format 1 named its keys its own way; its complaints load, its keys do not.
      ...(usable && snapshot.format === 2 && {entries: snapshot.idempotency}),
    });
    once = withIdempotency<RapportCatalogue>(backend, idempotency);
    data = seeded;
  };
  const record = (complaint: Complaint): void => {
    submitted.push(complaint);
    sequence++;
    if (complaint.customerId !== null) {
      prepend(complaints, complaint.customerId, complaint);
      prepend(interactions, complaint.customerId, {
        id: `i-${complaint.id}`,
        customerId: complaint.customerId,
        channel: complaint.channel,
        type: 'complaint',
        at: complaint.createdAt,
        summary: `${complaint.reference}: ${complaint.subject}`,
      });
    }
  };
  const save = (): void =>
    options.store?.save({
      format: 2,
      seed,
      size,
      complaints: submitted,
      idempotency: idempotency.entries(),
    });
  const read = <T>(keys: readonly string[], find: (key: string) => T | undefined): BatchResult<T> =>
    validateKeys(keys, maxBatchSize).map((id) => ({id, record: find(id) ?? null}));

  const page = <T>(customerId: string, lists: Map<string, T[]>, request?: PageRequest): Page<T> => {
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    if (!customers.has(id))
      throw new RapportError('not_found', `No customer ${JSON.stringify(id)}`, {
        details: {customerId: id},
      });
    const offset = cursor === undefined ? 0 : Number(cursor);
    if (!/^\d+$/.test(cursor ?? '0') || !Number.isSafeInteger(offset))
      throw invalidInput('cursor', 'is not a cursor this backend gave out');
    const all = lists.get(id) ?? [];
    return {
      items: all.slice(offset, offset + limit),
      nextCursor: offset + limit < all.length ? String(offset + limit) : null,
      total: all.length,
    };
  };

  const create = async (input: unknown): Promise<Complaint> => {
    const checked = validateComplaintInput(input);
    const problems: Record<string, string> = {};
    if (checked.customerId !== undefined && !customers.has(checked.customerId))
      problems.customerId = 'is not a customer of this backend';
    const known = new Set(
      memoryCatalog.complaint.fields
        .filter((f) => f.custom)
        .map((f) => f.path.slice('customFields.'.length)),
    );
    for (const key of Object.keys(checked.customFields ?? {})) {
      if (!known.has(key))
        problems[`customFields.${key}`] = 'is not a complaint field of this backend';
    }
    refuseComplaint(problems);
    const at = now();
    const createdAt = new Date(at).toISOString();
    const n = sequence + 1;
    const complaint: Complaint = {
      id: `k-${String(n).padStart(4, '0')}`,
      reference: `C-${new Date(at).getUTCFullYear()}-${String(n).padStart(6, '0')}`,
      customerId: checked.customerId ?? null,
      ...(checked.contact && {contact: checked.contact}),
      channel: checked.channel,
      category: checked.category,
      severity: checked.severity,
      subject: checked.subject,
      description: checked.description,
      status: 'new',
      createdAt,
      updatedAt: createdAt,
      ...slaDueDates(at, checked.severity, slaPolicy),
      customFields: checked.customFields ?? {},
      history: [],
    };
    record(complaint);
    return complaint;
  };

  // The backend proper: no latency, no faults.
  const backend: CrmAdapter & {resources: Required<AdapterResources>} = {
    name: 'memory',
    capabilities: {maxBatchSize, entities, customFieldsWritable: true},
    resources: {
      customers: {read: async (keys) => read(keys, (id) => customers.get(id))},
      loyaltyAccounts: {read: async (keys) => read(keys, (id) => accounts.get(id))},
      complaints: {list: async (id, request) => page(id, complaints, request), create},
      interactions: {list: async (id, request) => page(id, interactions, request)},
    },
    describeFields: async (entity) => memoryCatalog[validateEntity(entity)],
  };
  let once: CrmAdapter;
  const createOnce = async (input: unknown, write: WriteOptions): Promise<Complaint> => {
    try {
      return await once.resources.complaints!.create(input as ComplaintInput, write);
    } finally {
      // After stored failures too: a permanent error is an outcome the key keeps.
      save();
    }
  };
  load(options.store?.load());

  /**
   * Latency, then maybe a simulated failure before the work, the work, then maybe one after it. Faults
   * sit outside the idempotency layer, so a fault after the work is a lost answer: the write was made
   * and its key completed, and a retry with the key gets the stored complaint.
   */
  const call = async <T>(
    operation: string,
    signal: AbortSignal | undefined,
    run: () => T | Promise<T>,
  ): Promise<T> => {
    signal?.throwIfAborted();
    const delay =
      typeof latency === 'number'
        ? latency
        : latency.min + Math.random() * (latency.max - latency.min);
    if (delay > 0) await sleep(delay, signal);
    signal?.throwIfAborted();
    const fault = faults?.next(operation) ?? null;
    if (fault && !fault.after) throw fault.error;
    const result = await run();
    if (fault) throw fault.error;
    return result;
  };

  return {
    name: 'memory',
    capabilities: backend.capabilities,
    get data() {
      return {...data, complaints: [...data.complaints, ...submitted]};
    },
    resources: {
      customers: {
        read: (keys, o: CallOptions = {}) =>
          call('customers.read', o.signal, () => backend.resources.customers.read(keys)),
      },
      loyaltyAccounts: {
        read: (keys, o: CallOptions = {}) =>
          call('loyaltyAccounts.read', o.signal, () =>
            backend.resources.loyaltyAccounts.read(keys),
          ),
      },
      complaints: {
        list: (customerId, request, o: CallOptions = {}) =>
          call('complaints.list', o.signal, () =>
            backend.resources.complaints.list(customerId, request),
          ),
        create: (input, o: WriteOptions) =>
          call('complaints.create', o?.signal, () => createOnce(input, o)),
      },
      interactions: {
        list: (customerId, request, o: CallOptions = {}) =>
          call('interactions.list', o.signal, () =>
            backend.resources.interactions.list(customerId, request),
          ),
      },
    },
    describeFields: (entity, o: CallOptions = {}) =>
      call('describeFields', o.signal, () => backend.describeFields(entity)),
    setFaults(next) {
      faults = next ? new FaultInjector(next) : null;
    },
    setLatency(next) {
      latency = next;
    },
    reset() {
      load();
      save();
    },
  };
}

/** Items grouped by `key`, each group newest first by `at`. */
function newestFirst<T>(
  items: readonly T[],
  key: (item: T) => string,
  at: (item: T) => string,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  for (const list of map.values()) list.sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
  return map;
}

function prepend<T>(map: Map<string, T[]>, key: string, item: T): void {
  map.set(key, [item, ...(map.get(key) ?? [])]);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}
