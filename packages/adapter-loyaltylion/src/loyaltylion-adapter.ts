import {
  evaluateTier,
  handlerOf,
  isRapportError,
  optionError,
  pooled,
  sortedTiers,
  validateEntity,
  validateKeys,
  vendorHttp,
  type BatchResult,
  type CallOptions,
  type CrmAdapter,
  type Customer,
  type FieldCatalog,
  type LocalizedText,
  type LoyaltyAccount,
  type RapportError,
  type Tier,
} from '@rapport/core';
import {loyaltyLionErrors} from './errors.js';

/** One tier of the LoyaltyLion programme, as its settings (Program → Tiers) show it. */
export interface LoyaltyLionTierOption {
  /** LoyaltyLion's tier id (`loyalty_tier.id`, a number in its API). */
  readonly id: string | number;
  /** The name to show; a localized text is allowed. */
  readonly name: LocalizedText;
  /** The tier's lower bound (`loyalty_tier.lower_bound`): points from which a member holds it. */
  readonly lowerBound: number;
  /** A badge colour, as a CSS colour. */
  readonly color?: string;
}

/** Options of {@link loyaltyLionAdapter}. Give `apiKey`, or `token` and `secret`. */
export interface LoyaltyLionAdapterOptions {
  /** A LoyaltyLion API key (`pat_…`, Manage → API keys) with the `read_customers` scope. */
  readonly apiKey?: string;
  /** The site's token, for the deprecated token-and-secret (HTTP Basic) authentication. */
  readonly token?: string;
  /** The site's secret, with `token`. */
  readonly secret?: string;
  /**
   * The adapter that serves Rapport's customers (HubSpot, Salesforce, memory). Rapport's customer id
   * is that CRM's id; the adapter reads those customers' e-mails from it and finds the LoyaltyLion
   * member with exactly that e-mail (LoyaltyLion's `email` filter matches substrings).
   */
  readonly customers: CrmAdapter;
  /**
   * The programme's tiers. The Admin API has no endpoint that lists them, so they are given here; the
   * adapter checks them at start-up against the tiers members hold. Default one tier, `Member` from 0,
   * for a programme without tiers.
   */
  readonly tiers?: readonly LoyaltyLionTierOption[];
  /** The programme id loyalty accounts name. Default `loyaltylion`. */
  readonly programId?: string;
  /** Where LoyaltyLion's API lives. Default `https://api.loyaltylion.com`. */
  readonly baseUrl?: string;
  /**
   * The most customer ids one read takes, at most the customers adapter's own batch size. Default that
   * batch size (`customers.capabilities.maxBatchSize`), capped at 100: composed with the CRM adapter,
   * the smaller batch size wins, so a smaller default would make the CRM read in smaller batches too.
   * The API reads one e-mail per request; those requests are pooled at `concurrency`.
   */
  readonly maxBatchSize?: number;
  /** How many LoyaltyLion requests one read has in flight at once. Default 5. */
  readonly concurrency?: number;
  /** The fetch to use. Default the global one. */
  readonly fetch?: typeof fetch;
  /** Milliseconds one LoyaltyLion call may take. Default 15,000. */
  readonly timeoutMs?: number;
  /** The clock, for rate-limit pauses and `asOf` when a member has no `updated_at`. Default `Date.now`. */
  readonly now?: () => number;
}

/** A LoyaltyLion customer as `GET /v2/customers` returns it (the parts the adapter reads). */
interface LoyaltyLionCustomer {
  readonly id: number;
  readonly merchant_id: string | null;
  readonly email: string | null;
  readonly points_approved: number;
  readonly points_pending: number;
  readonly points_spent: number;
  readonly blocked?: boolean;
  readonly guest?: boolean;
  readonly enrolled?: boolean;
  readonly updated_at?: string;
  readonly loyalty_tier_membership?: {
    readonly loyalty_tier?: {
      readonly id: number | string;
      readonly name: string;
      readonly lower_bound: string | number | null;
      readonly upper_bound: string | number | null;
      readonly position?: number;
    } | null;
  } | null;
}
interface CustomersPage {
  readonly customers: readonly LoyaltyLionCustomer[];
  readonly cursor?: {readonly prev?: string | null; readonly next?: string | null};
}

/** The most customer ids one read takes by default, whatever the CRM adapter's batch size. */
const MAX_DEFAULT_BATCH = 100;
/** Results per page of an e-mail search (LoyaltyLion allows 1 to 500; default 100). */
const PAGE = 100;
/** Pages one e-mail search follows: a substring like `jo@x.com` could match many members. */
const MAX_PAGES = 3;

const misconfigured = (option: string, message: string): RapportError =>
  optionError('loyaltyLionAdapter', option, message);

const bound = (value: string | number | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const isoOr = (at: string | undefined, now: () => number): string => {
  const ms = at === undefined ? NaN : Date.parse(at);
  return new Date(Number.isNaN(ms) ? now() : ms).toISOString();
};

/** E-mails compare without case: LoyaltyLion and CRMs both keep what the shopper typed. */
const sameEmail = (a: string | null | undefined, b: string): boolean =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Of several LoyaltyLion customers with the same e-mail (a guest checkout and an account, say), the
 * one that is this CRM customer: the merchant id equal to the CRM id first, then an enrolled account
 * over a guest, then the most recently updated.
 */
function pick(
  candidates: readonly LoyaltyLionCustomer[],
  customerId: string,
): LoyaltyLionCustomer | undefined {
  const score = (c: LoyaltyLionCustomer) =>
    (c.merchant_id === customerId ? 4 : 0) + (c.enrolled ? 2 : 0) + (c.guest ? 0 : 1);
  return [...candidates].sort(
    (a, b) => score(b) - score(a) || (b.updated_at ?? '').localeCompare(a.updated_at ?? ''),
  )[0];
}

/**
 * A Rapport adapter for LoyaltyLion: it serves `loyaltyAccounts` (read, keyed by the CRM's customer
 * id) and the `loyalty` field catalog, nothing else; compose it with a CRM adapter
 * (`composeAdapters`). Each read takes the customers' e-mails from `options.customers`, asks
 * LoyaltyLion's Admin API for each (`GET /v2/customers?email=…`, a few at a time) and keeps only
 * exact matches. Balance is `points_approved`, pending `points_pending`, lifetime approved plus spent,
 * the tier LoyaltyLion's membership, the next tier and progress from `options.tiers`.
 *
 * At start-up it checks the options (synchronously, before any call), then reads one page of members
 * to prove the credentials and that every tier they hold is among `options.tiers`.
 *
 * @throws RapportError `invalid_input` naming the option (no credentials, no customers adapter, bad
 *   tiers); `unauthorized` or `forbidden` when LoyaltyLion refuses the key.
 */
export async function loyaltyLionAdapter(options: LoyaltyLionAdapterOptions): Promise<CrmAdapter> {
  // Checked before anything reaches LoyaltyLion.
  if (!options.apiKey && !(options.token && options.secret)) {
    if (options.token || options.secret)
      throw misconfigured(
        options.token ? 'secret' : 'token',
        'token-and-secret authentication needs both token and secret; or give apiKey instead',
      );
    throw misconfigured(
      'apiKey',
      'LoyaltyLion needs credentials: give apiKey (an API key, pat_…, from Manage → API keys, with the read_customers scope) or the deprecated token and secret',
    );
  }
  if (options.apiKey && (options.token || options.secret))
    throw misconfigured('apiKey', 'give apiKey or token and secret, not both');
  const crm = options.customers as CrmAdapter | undefined;
  if (!crm || typeof crm.resources?.customers?.read !== 'function')
    throw misconfigured(
      'customers',
      `needs the adapter that serves customers (hubspotAdapter, salesforceAdapter, memoryAdapter): members are found by their customer's e-mail${crm ? `; the ${crm.name} adapter does not read customers` : ''}`,
    );
  const maxBatchSize =
    options.maxBatchSize ?? Math.min(MAX_DEFAULT_BATCH, crm.capabilities.maxBatchSize);
  if (
    !Number.isInteger(maxBatchSize) ||
    maxBatchSize < 1 ||
    maxBatchSize > crm.capabilities.maxBatchSize
  )
    throw misconfigured(
      'maxBatchSize',
      `must be a whole number from 1 to ${crm.capabilities.maxBatchSize} (the ${crm.name} adapter's batch size)`,
    );
  const concurrency = options.concurrency ?? 5;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 20)
    throw misconfigured(
      'concurrency',
      'must be a whole number from 1 to 20 (LoyaltyLion allows 20 requests a second)',
    );
  const tierOptions = options.tiers ?? [{id: 'member', name: 'Member', lowerBound: 0}];
  let tiers: Tier[];
  try {
    tiers = sortedTiers({
      tiers: tierOptions.map((t) => ({
        id: String(t.id),
        name: t.name,
        threshold: t.lowerBound,
        ...(t.color !== undefined && {color: t.color}),
      })),
    });
  } catch (error) {
    throw misconfigured(
      'tiers',
      `${isRapportError(error) ? error.message.replace(/threshold/g, 'lowerBound') : String(error)} (the lowest tier's lowerBound is 0)`,
    );
  }
  if (new Set(tiers.map((t) => t.id)).size !== tiers.length)
    throw misconfigured('tiers', 'two tiers have the same id');

  const now = options.now ?? Date.now;
  const authorization = options.apiKey
    ? `Bearer ${options.apiKey}`
    : // btoa rather than Buffer, so the adapter also runs on edge runtimes; tokens are ASCII.
      `Basic ${btoa(`${options.token}:${options.secret}`)}`;
  const http = vendorHttp({
    vendor: 'LoyaltyLion',
    baseUrl: options.baseUrl ?? 'https://api.loyaltylion.com',
    authorization: () => authorization,
    toError: loyaltyLionErrors,
    ...(options.timeoutMs !== undefined && {timeoutMs: options.timeoutMs}),
    ...(options.fetch && {fetch: options.fetch}),
    now,
  });
  const programId = options.programId ?? 'loyaltylion';
  const readCustomers = handlerOf(crm, 'customers', 'read') as (
    keys: readonly string[],
    options?: CallOptions,
  ) => Promise<BatchResult<Customer>>;

  const page = async (query: Record<string, string | number>, signal?: AbortSignal) =>
    (await http.request<CustomersPage>('GET', '/v2/customers', {query, signal})).body;

  /** Every LoyaltyLion customer whose e-mail is exactly `email`, over at most MAX_PAGES pages. */
  async function membersWithEmail(email: string, signal?: AbortSignal) {
    const found: LoyaltyLionCustomer[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const body = await page({email, limit: PAGE, ...(cursor && {cursor})}, signal);
      found.push(...(body.customers ?? []).filter((c) => sameEmail(c.email, email)));
      cursor = body.cursor?.next ?? undefined;
      if (!cursor) break;
    }
    return found;
  }

  function toAccount(customerId: string, member: LoyaltyLionCustomer): LoyaltyAccount {
    const held = member.loyalty_tier_membership?.loyalty_tier ?? null;
    // No membership: the programme has no tiers, or LoyaltyLion has not placed the member yet; the
    // lowest tier is what they hold.
    // A tier added in LoyaltyLion after start-up is still shown, from what the member record says.
    const tier: Tier = held
      ? (tiers.find((t) => t.id === String(held.id)) ?? {
          id: String(held.id),
          name: held.name,
          threshold: bound(held.lower_bound) ?? 0,
        })
      : tiers[0]!;
    const lower = held ? (bound(held.lower_bound) ?? tier.threshold) : tier.threshold;
    const next = tiers.find((t) => t.threshold > lower) ?? null;
    const lifetimePoints = member.points_approved + member.points_spent;
    // Core's tier arithmetic on the two tiers that matter: LoyaltyLion decides the tier held (it may
    // be manual, or kept for its period), so the standing only measures the way to the next one.
    const standing = evaluateTier(
      {
        tiers: [
          {...tier, threshold: 0},
          ...(next ? [{...next, threshold: next.threshold - lower}] : []),
        ],
      },
      Math.max(0, lifetimePoints - lower),
    );
    const reached = standing.next === null && next !== null;
    return {
      customerId,
      programId,
      balance: member.points_approved,
      pending: member.points_pending,
      lifetimePoints,
      qualifyingAmount: lifetimePoints,
      tierId: tier.id,
      tierName: tier.name,
      ...(tier.color !== undefined && {tierColor: tier.color}),
      nextTierId: next?.id ?? null,
      nextTierName: next?.name ?? null,
      // Reached the next tier's bound but not yet moved there: nothing more is needed.
      toNextTier: reached ? 0 : standing.toNext,
      tierProgress: standing.progress,
      // The Admin API's customer carries neither expiring points nor the rewards claimed as codes.
      expiringSoon: [],
      coupons: [],
      // When LoyaltyLion last changed these figures, not the moment of the read: two reads of an
      // unchanged member are then the same answer (as the HubSpot adapter does with lastmodifieddate).
      asOf: isoOr(member.updated_at, now),
    };
  }

  async function read(keys: readonly string[], o: CallOptions = {}) {
    o.signal?.throwIfAborted();
    const distinct = validateKeys(keys, maxBatchSize);
    if (distinct.length === 0) return [];
    const people = await readCustomers(distinct, o.signal ? {signal: o.signal} : {});
    const personOf = new Map(people.map((e) => [e.id, e]));
    return pooled(distinct, concurrency, async (customerId) => {
      const person = personOf.get(customerId);
      // A customer the CRM withholds (the gateway's forbidden) keeps its points withheld too.
      if (person?.error) return {id: customerId, record: null, error: person.error};
      const email = person?.record?.email?.trim();
      if (!email) return {id: customerId, record: null};
      const member = pick(await membersWithEmail(email, o.signal), customerId);
      // Not a member: no LoyaltyLion customer with that e-mail, or one who never enrolled.
      if (!member || member.enrolled === false) return {id: customerId, record: null};
      return {id: customerId, record: toAccount(customerId, member)};
    });
  }

  const catalog: FieldCatalog = {
    entity: 'loyalty',
    fields: (
      [
        ['balance', 'Points', 'points'],
        ['pending', 'Pending points', 'points'],
        ['lifetimePoints', 'Lifetime points', 'points'],
        ['qualifyingAmount', 'Qualifying points', 'points'],
        ['tierId', 'Tier', 'tier'],
        ['nextTierId', 'Next tier', 'tier'],
        ['toNextTier', 'Points to next tier', 'points'],
      ] as const
    ).map(([path, label, type]) => ({path, label, type, custom: false, readOnly: true})),
  };

  // Start-up: one page of members proves the credentials, and every tier they hold must be one of
  // the options' (a tier left out would show members the wrong next tier).
  const sample = await page({limit: PAGE});
  for (const member of sample.customers ?? []) {
    const held = member.loyalty_tier_membership?.loyalty_tier;
    if (!held) continue;
    const known = tiers.find((t) => t.id === String(held.id));
    const lower = bound(held.lower_bound);
    if (!known || (lower !== null && lower !== known.threshold))
      throw misconfigured(
        'tiers',
        `LoyaltyLion has tier ${held.id} "${held.name}" from ${held.lower_bound ?? 0}${known ? `, not from ${known.threshold}` : ', which the option does not list'}; list every tier as LoyaltyLion's Program → Tiers shows it: {id: ${JSON.stringify(held.id)}, name: ${JSON.stringify(held.name)}, lowerBound: ${lower ?? 0}}`,
      );
  }
  return {
    name: 'loyaltylion',
    capabilities: {maxBatchSize, entities: ['loyalty'], customFieldsWritable: false},
    resources: {loyaltyAccounts: {read}},
    async describeFields(entity, o = {}) {
      o.signal?.throwIfAborted();
      validateEntity(entity, ['loyalty']);
      return catalog;
    },
    // Unless LoyaltyLion answered lately, one member: a small read that needs the credentials.
    async ping(o = {}) {
      if (!http.answeredWithin(30_000)) await page({limit: 1}, o.signal);
    },
  };
}
