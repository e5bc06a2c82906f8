/**
 * @rapport/adapter-loyaltylion/fake: a stateful fake of LoyaltyLion's Admin API (`GET /v2/customers`)
 * as msw handlers, with fault injection. For tests, demos and example gateways:
 * `setupServer(...fakeLoyaltyLion().handlers).listen()`, or give `fake.fetch` to the adapter.
 *
 * Built from LoyaltyLion's documented examples, NOT from a recording of the live API (none exists):
 * the customer shape of the "List Customers" reference (developers.loyaltylion.com/api), the error
 * bodies of its "Errors" page, and the documented behaviour of the `email` filter, which matches
 * substrings (`jo@x.com` finds `ajo@x.com` too). Answers: `{customers, cursor: {prev, next}}`, ids
 * ascending, `limit` 1 to 500 (default 100), opaque cursors; 401 for a missing or unknown credential.
 *
 * @packageDocumentation
 */
import {getResponse, http, HttpResponse, type HttpHandler} from 'msw';
import {documented} from './documented.js';

/** A tier as LoyaltyLion's API shows it inside a membership (bounds are decimal strings). */
export interface FakeTier {
  readonly id: number;
  readonly name: string;
  readonly number: number;
  readonly default: boolean;
  readonly hidden: boolean;
  readonly lower_bound: string;
  readonly upper_bound: string | null;
  readonly position: number;
}

/** A member to seed: what is not given takes a plain default. */
export interface FakeMemberSeed {
  readonly id?: number;
  readonly merchant_id?: string | null;
  readonly email: string;
  readonly points_approved?: number;
  readonly points_pending?: number;
  readonly points_spent?: number;
  readonly enrolled?: boolean;
  readonly guest?: boolean;
  readonly blocked?: boolean;
  /** The id of the tier held; `null` for none. Default: the tier the approved + spent points reach. */
  readonly tier?: number | null;
  readonly updated_at?: string;
}

/** A stored LoyaltyLion customer, in the API's shape. */
export interface FakeCustomer {
  readonly id: number;
  readonly merchant_id: string | null;
  readonly email: string;
  points_approved: number;
  points_pending: number;
  points_spent: number;
  readonly properties: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly rewards_claimed: number;
  readonly blocked: boolean;
  readonly guest: boolean;
  readonly enrolled: boolean;
  readonly enrolled_at: string | null;
  readonly referral_id: string;
  readonly referred_by: null;
  loyalty_tier_membership: {
    readonly started_at: string;
    readonly expires_at: string | null;
    readonly manual: boolean;
    readonly loyalty_tier: FakeTier;
  } | null;
  readonly insights_segment: string | null;
  readonly birthday: string | null;
  readonly referral_url: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly linked_merchant_ids: string[];
}

/** The kinds of injected failure. */
export const fakeFaultKinds = ['rate_limit', 'server_error'] as const;
/** One of {@link fakeFaultKinds}. */
export type FakeFaultKind = (typeof fakeFaultKinds)[number];

/** Injected failures on `GET /v2/customers`. */
export interface FakeFaults {
  /** Share of calls that fail, 0 to 1. */
  readonly rate: number;
  /** Which failures, drawn evenly. Default all. */
  readonly kinds?: readonly FakeFaultKind[];
  /** A `Retry-After` (seconds) on an injected 429. Default none: LoyaltyLion documents none. */
  readonly retryAfterSeconds?: number;
  /** Randomness, for reproducible runs. Default `Math.random`. */
  readonly random?: () => number;
}

/** Options of {@link fakeLoyaltyLion}. */
export interface FakeLoyaltyLionOptions {
  /** Where the fake answers. Default `https://api.loyaltylion.com`. */
  readonly baseUrl?: string;
  /** The programme's tiers. Default {@link demoTiers}. */
  readonly tiers?: readonly FakeTier[];
  /** Members to start with. Default {@link demoMembers}. */
  readonly customers?: readonly FakeMemberSeed[];
  /** Failures to inject. Default none. */
  readonly faults?: FakeFaults | null;
  /** API keys accepted as `Bearer`. Default: any non-empty key. */
  readonly apiKeys?: readonly string[];
  /** A token and secret accepted as HTTP Basic (the deprecated authentication). Default none. */
  readonly tokenSecret?: {readonly token: string; readonly secret: string};
}

/** The fake and its state. */
export interface FakeLoyaltyLion {
  /** msw handlers: pass them to `setupServer` (msw/node) or `setupWorker`. */
  readonly handlers: HttpHandler[];
  /** A fetch that answers through the handlers, without patching the global fetch. */
  readonly fetch: typeof fetch;
  /** Where the fake answers, without a trailing slash: give it to the adapter's `baseUrl`. */
  readonly baseUrl: string;
  /** Calls answered per endpoint (`GET /v2/customers`), faults and refusals included. */
  readonly calls: Record<string, number>;
  /** The `email` filters asked for, in order (for tests of how many requests a read makes). */
  readonly emailQueries: string[];
  /** Faults injected so far, per kind. */
  readonly faulted: Record<FakeFaultKind, number>;
  /** The members, by LoyaltyLion id. */
  readonly customers: Map<number, FakeCustomer>;
  /** Changes the injected failures (`null` for none). */
  setFaults(faults: FakeFaults | null): void;
  /** Back to the seeded state, no calls counted, no faults counted. */
  reset(): void;
}

const tier = (id: number, name: string, position: number, lower: number, upper: number | null) => ({
  id,
  name,
  number: position,
  default: position === 1,
  hidden: false,
  lower_bound: lower.toFixed(1),
  upper_bound: upper === null ? null : upper.toFixed(1),
  position,
});

/** Bronze from 0, Silver from 500, Gold from 1,500 points: a common three-tier programme. */
export const demoTiers: readonly FakeTier[] = [
  tier(7101, 'Bronze', 1, 0, 500),
  tier(7102, 'Silver', 2, 500, 1500),
  tier(7103, 'Gold', 3, 1500, null),
];

/**
 * Members whose e-mails are those of the memory adapter's demo customers `c-001` (Silver), `c-002`
 * (Bronze, with pending points) and `c-003` (never enrolled), plus a member whose e-mail contains
 * `c-001`'s (`xzhu.ting1@…`), which LoyaltyLion's substring filter also returns.
 */
export const demoMembers: readonly FakeMemberSeed[] = [
  {
    id: 1001,
    merchant_id: '5001',
    email: 'zhu.ting1@example.cn',
    points_approved: 640,
    points_pending: 40,
    points_spent: 260,
  },
  {
    id: 1002,
    merchant_id: '5002',
    email: 'orders@org2.example.com',
    points_approved: 120,
    points_pending: 75,
    points_spent: 0,
  },
  {id: 1003, merchant_id: '5003', email: 'wu.fang3@example.cn', enrolled: false, guest: true},
  {
    id: 1004,
    merchant_id: '5004',
    email: 'xzhu.ting1@example.cn',
    points_approved: 2200,
    points_spent: 100,
  },
];

const SEEDED_AT = '2025-03-01T10:00:00.000Z';
const encodeCursor = (offset: number) => btoa(`o:${offset}`).replace(/=+$/, '');
const decodeCursor = (cursor: string): number | undefined => {
  try {
    const match = /^o:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
};
const json = (body: string, status: number, headers: Record<string, string> = {}) =>
  new HttpResponse(body, {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', ...headers},
  });
const invalid = (field: string, problem: string) =>
  HttpResponse.json(
    {error: {message: 'Invalid request', details: {[field]: problem}}},
    {status: 400},
  );

/** A stateful fake of LoyaltyLion's Admin API (see the module's description). */
export function fakeLoyaltyLion(options: FakeLoyaltyLionOptions = {}): FakeLoyaltyLion {
  const base = (options.baseUrl ?? 'https://api.loyaltylion.com').replace(/\/+$/, '');
  const tiers = [...(options.tiers ?? demoTiers)].sort((a, b) => a.position - b.position);
  let faults = options.faults ?? null;
  const calls: Record<string, number> = {};
  const emailQueries: string[] = [];
  const faulted: Record<FakeFaultKind, number> = {rate_limit: 0, server_error: 0};
  const customers = new Map<number, FakeCustomer>();

  const tierOf = (seed: FakeMemberSeed): FakeTier | undefined => {
    if (seed.tier === null) return undefined;
    if (seed.tier !== undefined) {
      const named = tiers.find((t) => t.id === seed.tier);
      if (!named)
        throw new Error(`fakeLoyaltyLion: member ${seed.email} holds unknown tier ${seed.tier}`);
      return named;
    }
    const earned = (seed.points_approved ?? 0) + (seed.points_spent ?? 0);
    return [...tiers].reverse().find((t) => earned >= Number(t.lower_bound));
  };
  const seed = () => {
    customers.clear();
    emailQueries.length = 0;
    for (const key of Object.keys(calls)) delete calls[key];
    for (const kind of fakeFaultKinds) faulted[kind] = 0;
    let next = 1000;
    for (const member of options.customers ?? demoMembers) {
      const id = member.id ?? ++next;
      const enrolled = member.enrolled ?? true;
      const held = enrolled ? tierOf(member) : undefined;
      customers.set(id, {
        id,
        merchant_id: member.merchant_id ?? String(id),
        email: member.email,
        points_approved: member.points_approved ?? 0,
        points_pending: member.points_pending ?? 0,
        points_spent: member.points_spent ?? 0,
        properties: {},
        metadata: {},
        rewards_claimed: 0,
        blocked: member.blocked ?? false,
        guest: member.guest ?? false,
        enrolled,
        enrolled_at: enrolled ? SEEDED_AT : null,
        referral_id: `r${id}`,
        referred_by: null,
        loyalty_tier_membership: held
          ? {started_at: SEEDED_AT, expires_at: null, manual: false, loyalty_tier: held}
          : null,
        insights_segment: null,
        birthday: null,
        referral_url: `https://example.com/r/r${id}`,
        created_at: SEEDED_AT,
        updated_at: member.updated_at ?? SEEDED_AT,
        linked_merchant_ids: [],
      });
    }
  };
  seed();

  const authorized = (header: string | null): boolean => {
    if (header?.startsWith('Bearer ')) {
      const key = header.slice(7).trim();
      return key !== '' && (!options.apiKeys || options.apiKeys.includes(key));
    }
    if (header?.startsWith('Basic ') && options.tokenSecret) {
      const {token, secret} = options.tokenSecret;
      return header.slice(6) === btoa(`${token}:${secret}`);
    }
    return false;
  };

  const handlers: HttpHandler[] = [
    http.get(`${base}/v2/customers`, ({request}) => {
      const name = 'GET /v2/customers';
      calls[name] = (calls[name] ?? 0) + 1;
      if (!authorized(request.headers.get('authorization')))
        return json(documented.authentication, 401);
      if (faults && (faults.random ?? Math.random)() < faults.rate) {
        const kinds = faults.kinds ?? fakeFaultKinds;
        const kind = kinds[Math.floor((faults.random ?? Math.random)() * kinds.length)]!;
        faulted[kind]++;
        if (kind === 'rate_limit')
          return json(
            documented.rateLimited,
            429,
            faults.retryAfterSeconds !== undefined
              ? {'retry-after': String(faults.retryAfterSeconds)}
              : {},
          );
        return json(documented.serverError, 500);
      }
      const url = new URL(request.url);
      const limitText = url.searchParams.get('limit');
      const limit = limitText === null ? 100 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        return invalid('limit', 'Number must be between 1 and 500');
      const cursorText = url.searchParams.get('cursor');
      const offset = cursorText === null ? 0 : decodeCursor(cursorText);
      if (offset === undefined) return invalid('cursor', 'Invalid cursor');
      const email = url.searchParams.get('email');
      if (email !== null) emailQueries.push(email);
      // LoyaltyLion's email filter matches substrings; the fake does too, ignoring case.
      const all = [...customers.values()]
        .filter((c) => email === null || c.email.toLowerCase().includes(email.toLowerCase()))
        .sort((a, b) => a.id - b.id);
      const slice = all.slice(offset, offset + limit);
      return HttpResponse.json({
        customers: slice,
        cursor: {
          prev: offset > 0 ? encodeCursor(Math.max(0, offset - limit)) : null,
          next: offset + limit < all.length ? encodeCursor(offset + limit) : null,
        },
      });
    }),
  ];

  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    init?.signal?.throwIfAborted();
    return (
      (await getResponse(handlers, request)) ??
      json(
        JSON.stringify({
          error: {
            message: `The fake LoyaltyLion has no ${request.method} ${new URL(request.url).pathname}`,
          },
        }),
        404,
      )
    );
  };

  return {
    handlers,
    fetch: fakeFetch,
    baseUrl: base,
    calls,
    emailQueries,
    faulted,
    customers,
    setFaults(next) {
      faults = next;
    },
    reset: seed,
  };
}
