import {
  adapterOperations,
  validateComplaintInput,
  defaultSlaPolicy,
  entities,
  invalidInput,
  RapportError,
  slaDueDates,
  stableStringify,
  type BatchResult,
  type CallOptions,
  type Complaint,
  type CrmAdapter,
  type Customer,
  type Entity,
  type FieldCatalog,
  type Interaction,
  type LoyaltyAccount,
  type Page,
  type PageRequest,
  type SlaPolicy,
  type WriteOptions,
} from '@rapport/core';
import {memoryCatalog} from './catalog.js';
import {createDemoData, type DemoData, type DemoDataOptions} from './demo-data/generate.js';
import {FaultInjector, type FaultOptions} from './faults.js';

/** What the memory backend saves to keep submissions across restarts. */
export interface MemorySnapshot {
  readonly format: 1;
  readonly seed: number;
  readonly size: number;
  /** Complaints submitted through the adapter, oldest first. */
  readonly complaints: readonly Complaint[];
  /** Idempotency records: key, fingerprint of the input, complaint id. */
  readonly idempotency: readonly (readonly [
    key: string,
    fingerprint: string,
    complaintId: string,
  ])[];
}

/** Where snapshots are kept. `@rapport/adapter-memory/node` has a JSON file store. */
export interface SnapshotStore {
  load(): MemorySnapshot | undefined;
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

/** The embedded backend: the whole adapter contract in memory, plus demo controls. */
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

const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;

/**
 * An in-memory CRM seeded with a deterministic demo data set (see `createDemoData`). It implements
 * the whole adapter contract and passes `@rapport/adapter-testkit`. For demos and tests it can add
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
  let idempotency: Map<string, {fingerprint: string; complaintId: string}>;
  let sequence: number;

  const load = (snapshot?: MemorySnapshot): void => {
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
    idempotency = new Map();
    sequence = seeded.complaints.length;
    const usable =
      snapshot && snapshot.format === 1 && snapshot.seed === seed && snapshot.size === size;
    for (const complaint of usable ? snapshot.complaints : []) record(complaint);
    for (const [key, fingerprint, complaintId] of usable ? snapshot.idempotency : [])
      idempotency.set(key, {fingerprint, complaintId});
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
      format: 1,
      seed,
      size,
      complaints: submitted,
      idempotency: [...idempotency].map(([key, v]) => [key, v.fingerprint, v.complaintId] as const),
    });
  load(options.store?.load());

  /** Latency, then maybe a simulated failure; `run` does the work; then maybe a lost answer. */
  const call = async <T>(
    operation: string,
    signal: AbortSignal | undefined,
    run: () => T,
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
    const result = run();
    if (fault) throw fault.error;
    return result;
  };

  const batch = <T>(
    ids: readonly string[],
    find: (id: string) => T | undefined,
  ): BatchResult<T> => {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
      throw invalidInput('ids', 'must be a list of ids');
    const distinct = [...new Set(ids)];
    if (distinct.length > maxBatchSize) {
      throw invalidInput(
        'ids',
        `holds ${distinct.length} ids; at most ${maxBatchSize} are allowed in one batch`,
      );
    }
    return distinct.map((id) => ({id, record: find(id) ?? null}));
  };

  const page = <T>(
    customerId: string,
    lists: Map<string, T[]>,
    request: PageRequest = {},
  ): Page<T> => {
    if (!customers.has(customerId))
      throw new RapportError('not_found', `No customer ${JSON.stringify(customerId)}`, {
        details: {customerId},
      });
    const limit = request.limit ?? DEFAULT_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw invalidInput('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
    const offset = request.cursor === undefined ? 0 : Number(request.cursor);
    if (!Number.isSafeInteger(offset) || offset < 0 || request.cursor === '')
      throw invalidInput('cursor', 'is not a cursor this backend gave out');
    const all = lists.get(customerId) ?? [];
    const items = all.slice(offset, offset + limit);
    return {
      items,
      nextCursor: offset + limit < all.length ? String(offset + limit) : null,
      total: all.length,
    };
  };

  const submit = (input: unknown, key: string): Complaint => {
    if (typeof key !== 'string' || key.trim() === '' || key.length > 200) {
      throw invalidInput(
        'idempotencyKey',
        'is required: a unique string of at most 200 characters per submission',
      );
    }
    const fingerprint = stableStringify(input);
    const seen = idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new RapportError(
          'conflict',
          `Idempotency key ${JSON.stringify(key)} was already used for a different complaint`,
          {
            details: {idempotencyKey: key},
          },
        );
      }
      return submitted.find((c) => c.id === seen.complaintId)!;
    }
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
    if (Object.keys(problems).length > 0) {
      throw new RapportError(
        'invalid_input',
        `The complaint is not valid: ${Object.entries(problems)
          .map(([f, m]) => `${f} ${m}`)
          .join('; ')}`,
        {fields: problems},
      );
    }
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
    idempotency.set(key, {fingerprint, complaintId: complaint.id});
    save();
    return complaint;
  };

  return {
    name: 'memory',
    capabilities: {
      maxBatchSize,
      operations: adapterOperations,
      entities,
      customFieldsWritable: true,
    },
    get data() {
      return {...data, complaints: [...data.complaints, ...submitted]};
    },
    getCustomers: (ids, o: CallOptions = {}) =>
      call('getCustomers', o.signal, () => batch(ids, (id) => customers.get(id))),
    getLoyaltyAccounts: (ids, o: CallOptions = {}) =>
      call('getLoyaltyAccounts', o.signal, () => batch(ids, (id) => accounts.get(id))),
    listComplaints: (customerId, request, o: CallOptions = {}) =>
      call('listComplaints', o.signal, () => page(customerId, complaints, request)),
    listInteractions: (customerId, request, o: CallOptions = {}) =>
      call('listInteractions', o.signal, () => page(customerId, interactions, request)),
    submitComplaint: (input, o: WriteOptions) =>
      call('submitComplaint', o?.signal, () => submit(input, o?.idempotencyKey)),
    describeFields: (entity: Entity, o: CallOptions = {}): Promise<FieldCatalog> =>
      call('describeFields', o.signal, () => {
        const catalog = (memoryCatalog as Partial<Record<string, FieldCatalog>>)[entity];
        if (!catalog) throw invalidInput('entity', `must be one of ${entities.join(', ')}`);
        return catalog;
      }),
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
