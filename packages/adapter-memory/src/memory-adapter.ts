import {
  computeReport,
  defaultComplaintPolicy,
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
  handlerOf,
  type AdapterResources,
  type BatchResult,
  type CallOptions,
  type Complaint,
  type ComplaintPolicy,
  type ComplaintUpdate,
  type CrmAdapter,
  type Customer,
  type IdempotencyRecord,
  type Interaction,
  type MemoryIdempotencyStore,
  type Page,
  type PageRequest,
  type RapportCatalogue,
  type RedemptionResult,
  type ResourcesWith,
  type SlaPolicy,
  type SurveyAnswer,
  type WriteOptions,
  refuseComplaint,
} from '@rapport/core';
import {limits} from '@rapport/core/protocol';
import {memoryCatalog} from './catalog.js';
import {
  complaintThreads,
  newestFirst,
  prepend,
  type ComplaintThreads,
} from './complaint-threads.js';
import {createDemoData, type DemoData, type DemoDataOptions} from './demo-data/generate.js';
import {FaultInjector, type FaultOptions} from './faults.js';
import {loyaltyBook, type LoyaltyBook} from './loyalty.js';

/** The idempotency store's finished keys, as `MemoryIdempotencyStore.entries()` gives them. */
export type IdempotencyEntries = readonly (readonly [
  key: string,
  record: IdempotencyRecord,
  expiresAt?: number,
])[];

/** What the memory backend saves to keep every write across restarts. */
export interface MemorySnapshot {
  readonly format: 3;
  readonly seed: number;
  readonly size: number;
  /**
   * The day of the data set the writes were made against. Without an `asOf` option the backend loads
   * the data of this day again, so redemptions stay consistent with the ledgers they were checked on.
   */
  readonly asOf: string;
  /** Complaints submitted through the adapter, oldest first, as they are now. */
  readonly complaints: readonly Complaint[];
  /** Seeded complaints that updates have changed, as they are now. */
  readonly changedComplaints: readonly Complaint[];
  /** Redemptions with the ledger line and coupon each wrote, oldest first. */
  readonly redemptions: readonly RedemptionResult[];
  /** Replies and status changes added through the adapter, oldest first. */
  readonly complaintUpdates: readonly ComplaintUpdate[];
  /** Survey answers given through the adapter, oldest first. */
  readonly surveyAnswers: readonly SurveyAnswer[];
  readonly idempotency: IdempotencyEntries;
}

/** A snapshot of format 2: submitted complaints and keys. It loads, and is saved again as format 3. */
export interface MemorySnapshotV2 {
  readonly format: 2;
  readonly seed: number;
  readonly size: number;
  readonly complaints: readonly Complaint[];
  readonly idempotency: IdempotencyEntries;
}

/** A snapshot written before format 2: its complaints still load; it is saved again as format 3. */
export interface MemorySnapshotV1 {
  readonly format: 1;
  readonly seed: number;
  readonly size: number;
  readonly complaints: readonly Complaint[];
  readonly idempotency: readonly unknown[];
}

/** A snapshot of any format the backend loads. */
export type AnySnapshot = MemorySnapshot | MemorySnapshotV2 | MemorySnapshotV1;

/** Where snapshots are kept. `@rapport/adapter-memory/node` has a JSON file store. */
export interface SnapshotStore {
  load(): AnySnapshot | undefined;
  save(snapshot: MemorySnapshot): void;
}

type Listable = ResourcesWith<RapportCatalogue, 'list'>;
type Creatable = ResourcesWith<RapportCatalogue, 'create'>;
/** The resources the memory backend scans for reports. */
type Scannable =
  | 'customers'
  | 'purchases'
  | 'deals'
  | 'complaints'
  | 'surveyAnswers'
  | 'loyaltyAccounts'
  | 'pointsTransactions';

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
  /** Keeps every write (complaints, redemptions, complaint updates, survey answers) across restarts. */
  readonly store?: SnapshotStore;
  /** The SLA policy of new complaints. Default `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /** Which role may take which action on a complaint. Default `defaultComplaintPolicy`. */
  readonly complaintPolicy?: ComplaintPolicy;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
  /** For `report`: cells standing for fewer customers than this are withheld. Default 5. */
  readonly reportGroupSize?: number;
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
  const complaintPolicy = options.complaintPolicy ?? defaultComplaintPolicy;
  const maxBatchSize = options.maxBatchSize ?? 50;
  let latency: Latency = options.latency ?? 0;
  let faults = options.faults ? new FaultInjector(options.faults) : null;

  let data: DemoData;
  let customers: Map<string, Customer>;
  /** The customers in a fixed order, for scans. */
  let customerIds: string[];
  let complaints: Map<string, Complaint[]>;
  let interactions: Map<string, Interaction[]>;
  let submitted: Complaint[];
  let seededIds: Set<string>;
  let loyalty: LoyaltyBook;
  let threads: ComplaintThreads;
  let idempotency: MemoryIdempotencyStore;
  let sequence: number;
  /** Seeded complaints changed since, by id: the snapshot keeps them. */
  const changed = new Map<string, Complaint>();

  const load = (snapshot?: AnySnapshot): void => {
    const kept =
      snapshot &&
      [1, 2, 3].includes(snapshot.format) &&
      snapshot.seed === seed &&
      snapshot.size === size
        ? snapshot
        : undefined;
    const day = options.asOf ?? (kept?.format === 3 ? new Date(kept.asOf) : undefined);
    const seeded = createDemoData({seed, size, ...(day && {asOf: day})});
    customers = new Map(seeded.customers.map((c) => [c.id, c]));
    customerIds = seeded.customers.map((c) => c.id);
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
    changed.clear();
    seededIds = new Set(seeded.complaints.map((c) => c.id));
    sequence = seeded.complaints.length;
    loyalty = loyaltyBook(seeded, seed);
    threads = complaintThreads({
      complaints: {find: findComplaint, replace: replaceComplaint},
      isCustomer: (id) => customers.has(id),
      policy: complaintPolicy,
      updates: seeded.complaintUpdates,
      answers: seeded.surveyAnswers,
    });
    // Writes made against another day's data (an explicit `asOf` that differs) are not carried over,
    // like those of another seed: the ledgers they were checked on are not these.
    const usable = kept && (kept.format !== 3 || kept.asOf === seeded.asOf) ? kept : undefined;
    if (usable) restore(usable);
    idempotency = memoryIdempotencyStore({
      now,
      // Format 1 named its keys its own way; its complaints load, its keys do not.
      ...(usable && usable.format !== 1 && {entries: usable.idempotency}),
    });
    once = withIdempotency<RapportCatalogue>(backend, idempotency);
    data = seeded;
  };
  const restore = (snapshot: AnySnapshot): void => {
    for (const complaint of snapshot.complaints) record(complaint);
    if (snapshot.format !== 3) return;
    for (const complaint of snapshot.changedComplaints) replaceComplaint(complaint);
    for (const result of snapshot.redemptions) loyalty.restore(result);
    for (const update of snapshot.complaintUpdates) threads.restoreUpdate(update);
    for (const answer of snapshot.surveyAnswers) threads.restoreAnswer(answer);
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
  function findComplaint(customerId: string, complaintId: string): Complaint | undefined {
    return complaints.get(customerId)?.find((c) => c.id === complaintId);
  }
  function replaceComplaint(complaint: Complaint): void {
    const swap = (c: Complaint): Complaint => (c.id === complaint.id ? complaint : c);
    const own = complaints.get(complaint.customerId ?? '');
    if (own) complaints.set(complaint.customerId!, own.map(swap));
    submitted = submitted.map(swap);
    if (seededIds.has(complaint.id)) changed.set(complaint.id, complaint);
  }
  const save = (): void =>
    options.store?.save({
      format: 3,
      seed,
      size,
      asOf: data.asOf,
      complaints: submitted,
      changedComplaints: [...changed.values()],
      redemptions: loyalty.made,
      complaintUpdates: threads.added.updates,
      surveyAnswers: threads.added.answers,
      idempotency: idempotency.entries(),
    });
  const read = <T>(keys: readonly string[], find: (key: string) => T | undefined): BatchResult<T> =>
    validateKeys(keys, maxBatchSize).map((id) => ({id, record: find(id) ?? null}));

  const page = <T>(
    customerId: string,
    request: PageRequest | undefined,
    listOf: (id: string) => readonly T[] | undefined,
  ): Page<T> => {
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    if (!customers.has(id))
      throw new RapportError('not_found', `No customer ${JSON.stringify(id)}`, {
        details: {customerId: id},
      });
    const offset = cursorOf(cursor, 1)[0]!;
    const all = listOf(id) ?? [];
    return {
      items: all.slice(offset, offset + limit),
      nextCursor: offset + limit < all.length ? String(offset + limit) : null,
      total: all.length,
    };
  };

  /** A scan over `count` records in a fixed order, oldest first; records are only ever appended. */
  const scan = <T>(
    request: PageRequest | undefined,
    count: number,
    at: (i: number) => T,
  ): Page<T> => {
    const {cursor, limit} = validatePage(request, limits.maxScanPageSize);
    const offset = cursorOf(cursor, 1)[0]!;
    const items: T[] = [];
    for (let i = offset; i < Math.min(count, offset + limit); i++) items.push(at(i));
    const end = offset + items.length;
    return {items, nextCursor: end < count ? String(end) : null, total: count};
  };
  /**
   * A scan of every customer's records (each list newest first), customer by customer and oldest first
   * within each, so lines added to a list during the scan never shift those still to come.
   */
  const scanByCustomer = <T>(
    request: PageRequest | undefined,
    listOf: (customerId: string) => readonly T[] | undefined,
  ): Page<T> => {
    const {cursor, limit} = validatePage(request, limits.maxScanPageSize);
    let [c, j] = cursorOf(cursor, 2) as [number, number];
    const items: T[] = [];
    for (; c < customerIds.length && items.length < limit; c++, j = 0) {
      const list = listOf(customerIds[c]!) ?? [];
      for (; j < list.length && items.length < limit; j++) items.push(list[list.length - 1 - j]!);
      if (j < list.length) break;
    }
    return {items, nextCursor: c < customerIds.length ? `${c}.${j}` : null};
  };
  const allComplaints = (): {count: number; at: (i: number) => Complaint} => {
    const seededComplaints = data.complaints;
    return {
      count: seededComplaints.length + submitted.length,
      at: (i) =>
        i < seededComplaints.length
          ? (changed.get(seededComplaints[i]!.id) ?? seededComplaints[i]!)
          : submitted[i - seededComplaints.length]!,
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

  // The backend proper: no latency, no faults. Every write below is synchronous from its checks to
  // its last change, so parallel calls cannot interleave inside one.
  const backend: CrmAdapter & {resources: Required<AdapterResources>} = {
    name: 'memory',
    capabilities: {maxBatchSize, entities, customFieldsWritable: true},
    resources: {
      customers: {
        read: async (keys) => read(keys, (id) => customers.get(id)),
        scan: async (request) =>
          scan(request, customerIds.length, (i) => customers.get(customerIds[i]!)!),
      },
      loyaltyAccounts: {
        read: async (keys) => read(keys, (id) => loyalty.account(id, now())),
        scan: async (request) => {
          const at = now();
          return scanByCustomer(request, (id) => {
            const account = loyalty.account(id, at);
            return account ? [account] : [];
          });
        },
      },
      complaints: {
        list: async (id, request) => page(id, request, (c) => complaints.get(c)),
        scan: async (request) => {
          const {count, at} = allComplaints();
          return scan(request, count, at);
        },
        create,
      },
      interactions: {list: async (id, request) => page(id, request, (c) => interactions.get(c))},
      pointsTransactions: {
        list: async (id, request) => page(id, request, loyalty.ledger),
        scan: async (request) => scanByCustomer(request, loyalty.ledger),
      },
      rewards: {list: async (id, request) => page(id, request, (c) => loyalty.offers(c, now()))},
      redemptions: {
        list: async (id, request) => page(id, request, loyalty.redemptions),
        create: async (input) => loyalty.redeem(input, now()).redemption,
      },
      complaintUpdates: {
        list: async (id, request) => page(id, request, threads.updates),
        create: async (input) => threads.update(input, now()),
      },
      surveyAnswers: {
        list: async (id, request) => page(id, request, threads.answers),
        scan: async (request) => {
          const given = threads.added.answers;
          const seededAnswers = data.surveyAnswers;
          return scan(request, seededAnswers.length + given.length, (i) =>
            i < seededAnswers.length ? seededAnswers[i]! : given[i - seededAnswers.length]!,
          );
        },
        create: async (input) => threads.answer(input, now()),
      },
      purchases: {
        scan: async (request) => scan(request, data.purchases.length, (i) => data.purchases[i]!),
      },
      deals: {scan: async (request) => scan(request, data.deals.length, (i) => data.deals[i]!)},
    },
    describeFields: async (entity) => memoryCatalog[validateEntity(entity)],
  };
  let once: CrmAdapter;
  /** A create through the idempotency layer, saved after it however it ended. */
  const createOnce = async (name: Creatable, input: unknown, write: WriteOptions) => {
    try {
      return await handlerOf(once, name, 'create')(input, write);
    } finally {
      // After stored failures too: a permanent error is an outcome the key keeps.
      save();
    }
  };
  load(options.store?.load());

  /**
   * Latency, then maybe a simulated failure before the work, the work, then maybe one after it. Faults
   * sit outside the idempotency layer, so a fault after the work is a lost answer: the write was made
   * and its key completed, and a retry with the key gets the stored record.
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
  // Typed by the handlers they stand in for (`never` fits each): the work is the backend's own.
  const lister =
    (name: Listable) =>
    (customerId: string, request?: PageRequest, o: CallOptions = {}) =>
      call(`${name}.list`, o.signal, () =>
        handlerOf(backend, name, 'list')(customerId, request),
      ) as Promise<never>;
  const scanner =
    (name: Scannable) =>
    (request?: PageRequest, o: CallOptions = {}) =>
      call(`${name}.scan`, o.signal, () =>
        (backend.resources[name] as {scan: (r?: PageRequest) => Promise<unknown>}).scan(request),
      ) as Promise<never>;
  const creator = (name: Creatable) => (input: unknown, o: WriteOptions) =>
    call(`${name}.create`, o?.signal, () => createOnce(name, input, o)) as Promise<never>;

  return {
    name: 'memory',
    capabilities: backend.capabilities,
    get data() {
      const current = (c: Complaint): Complaint => changed.get(c.id) ?? c;
      return {
        ...data,
        complaints: [...data.complaints.map(current), ...submitted],
        accounts: loyalty.accounts(),
        transactions: loyalty.transactions(),
        rewards: loyalty.rewards(),
        redemptions: loyalty.made.map((r) => r.redemption),
        complaintUpdates: [...data.complaintUpdates, ...threads.added.updates],
        surveyAnswers: [...data.surveyAnswers, ...threads.added.answers],
      };
    },
    resources: {
      customers: {
        read: (keys, o: CallOptions = {}) =>
          call('customers.read', o.signal, () => backend.resources.customers.read(keys)),
        scan: scanner('customers'),
      },
      loyaltyAccounts: {
        read: (keys, o: CallOptions = {}) =>
          call('loyaltyAccounts.read', o.signal, () =>
            backend.resources.loyaltyAccounts.read(keys),
          ),
        scan: scanner('loyaltyAccounts'),
      },
      complaints: {
        list: lister('complaints'),
        create: creator('complaints'),
        scan: scanner('complaints'),
      },
      interactions: {list: lister('interactions')},
      pointsTransactions: {list: lister('pointsTransactions'), scan: scanner('pointsTransactions')},
      rewards: {list: lister('rewards')},
      redemptions: {list: lister('redemptions'), create: creator('redemptions')},
      complaintUpdates: {list: lister('complaintUpdates'), create: creator('complaintUpdates')},
      surveyAnswers: {
        list: lister('surveyAnswers'),
        create: creator('surveyAnswers'),
        scan: scanner('surveyAnswers'),
      },
      purchases: {scan: scanner('purchases')},
      deals: {scan: scanner('deals')},
    },
    describeFields: (entity, o: CallOptions = {}) =>
      call('describeFields', o.signal, () => backend.describeFields(entity)),
    // Computed here, from the backend's own scans, as the gateway would; small groups withheld.
    report: (name, query, o: CallOptions = {}) =>
      call('report', o.signal, () =>
        computeReport(backend, name, query, {
          now: now(),
          ...(options.reportGroupSize !== undefined && {minimumGroupSize: options.reportGroupSize}),
        }),
      ),
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

/**
 * The `parts` whole numbers of a cursor this backend gave out (`"40"`, `"12.3"`); zeros for none.
 * @throws RapportError `invalid_input` (field `cursor`) for any other text.
 */
function cursorOf(cursor: string | undefined, parts: number): number[] {
  if (cursor === undefined) return Array.from({length: parts}, () => 0);
  const numbers = cursor.split('.').map(Number);
  if (
    numbers.length !== parts ||
    !/^\d+(\.\d+)*$/.test(cursor) ||
    !numbers.every((n) => Number.isSafeInteger(n))
  )
    throw invalidInput('cursor', 'is not a cursor this backend gave out');
  return numbers;
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
