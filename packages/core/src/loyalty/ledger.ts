import {invalidInput, RapportError} from '../errors.js';
import {MS_PER_DAY, toEpochMs, toIso, type Instant} from '../time.js';
import type {ExpiringPoints, LoyaltyProgram, PointsTransaction} from './program.js';

/** Points left from one earning, usable until `expiresAt`. */
export interface PointsLot {
  readonly points: number;
  readonly earnedAt: string;
  /** `null` when the programme's points never expire. */
  readonly expiresAt: string | null;
}

/**
 * A ledger replayed up to a date. Points are conserved: `earned = balance + redeemed + expired`, and
 * `pending` points are not yet part of any of them.
 */
export interface Ledger {
  /** Points usable now; never negative. */
  readonly balance: number;
  /** Points earned whose `availableAt` is still to come. */
  readonly pending: number;
  /** Points that have become usable, ever (earnings and adjustments in the member's favour). */
  readonly earned: number;
  /** Points spent (redemptions and adjustments against the member). */
  readonly redeemed: number;
  /** Points that expired unused. */
  readonly expired: number;
  /** What is left of each earning, soonest to expire first; the sum is `balance`. */
  readonly lots: readonly PointsLot[];
}

/** Options of {@link replayLedger}. */
export interface ReplayOptions {
  /** Replay up to this date: later transactions are ignored, lots due by then have expired. */
  readonly asOf: Instant;
}

interface Lot {
  points: number;
  earnedAt: number;
  expiresAt: number;
}

interface Event {
  at: number;
  earnedAt: number;
  order: number;
  tx: PointsTransaction;
}

/**
 * Replays a member's transactions in time order and returns the balance and its make-up.
 *
 * Each earning is a lot that expires under the programme's expiry policy, counted from when it was
 * earned. Redemptions, negative adjustments and explicit `expire` lines take points from the lot that
 * expires first (first in, first out). Earnings with a future `availableAt` stay pending.
 *
 * @throws RapportError `insufficient_points` when a line takes more points than are usable at its time
 *   (the balance never goes negative); `invalid_input` for a malformed line.
 */
export function replayLedger(
  transactions: readonly PointsTransaction[],
  program: Pick<LoyaltyProgram, 'expiry'>,
  options: ReplayOptions,
): Ledger {
  const asOf = toEpochMs(options.asOf, 'asOf');
  const lifetime =
    program.expiry.kind === 'after-days' ? program.expiry.days * MS_PER_DAY : Infinity;
  const events: Event[] = [];
  let pending = 0;
  transactions.forEach((tx, order) => {
    const where = `transactions[${order}]`;
    checkPoints(tx, where);
    const at = toEpochMs(tx.at, `${where}.at`);
    const effective =
      tx.type === 'earn' && tx.availableAt !== undefined
        ? Math.max(at, toEpochMs(tx.availableAt, `${where}.availableAt`))
        : at;
    if (at > asOf) return;
    if (effective > asOf) pending += tx.points;
    else events.push({at: effective, earnedAt: at, order, tx});
  });
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  // Lots sorted by expiry; `head` skips the ones already used up, so the queue costs O(1) per step.
  const lots: Lot[] = [];
  let head = 0;
  let balance = 0;
  let earned = 0;
  let redeemed = 0;
  let expired = 0;
  const expireUntil = (t: number): void => {
    while (head < lots.length && lots[head]!.expiresAt <= t) {
      expired += lots[head]!.points;
      balance -= lots[head]!.points;
      head++;
    }
  };
  const take = (points: number, tx: PointsTransaction, at: number): void => {
    if (points > balance) {
      throw new RapportError(
        'insufficient_points',
        `Transaction ${tx.id} takes ${points} points on ${toIso(at)} but only ${balance} are available`,
        {details: {transactionId: tx.id, requested: points, available: balance}},
      );
    }
    balance -= points;
    for (let left = points; left > 0;) {
      const lot = lots[head]!;
      const used = Math.min(left, lot.points);
      lot.points -= used;
      left -= used;
      if (lot.points === 0) head++;
    }
  };
  const add = (points: number, earnedAt: number): void => {
    const lot = {points, earnedAt, expiresAt: earnedAt + lifetime};
    let i = lots.length;
    while (i > head && lots[i - 1]!.expiresAt > lot.expiresAt) i--;
    lots.splice(i, 0, lot);
    balance += points;
    earned += points;
  };

  for (const {at, earnedAt, tx} of events) {
    expireUntil(at);
    if (tx.type === 'earn') add(tx.points, earnedAt);
    else if (tx.type === 'adjust' && tx.points > 0) add(tx.points, at);
    else if (tx.type === 'expire') {
      take(tx.points, tx, at);
      expired += tx.points;
    } else {
      const points = Math.abs(tx.points);
      take(points, tx, at);
      redeemed += points;
    }
  }
  expireUntil(asOf);

  return {
    balance,
    pending,
    earned,
    redeemed,
    expired,
    lots: lots.slice(head).map((lot) => ({
      points: lot.points,
      earnedAt: toIso(lot.earnedAt),
      expiresAt: Number.isFinite(lot.expiresAt) ? toIso(lot.expiresAt) : null,
    })),
  };
}

/**
 * The points of `ledger` that expire within `days` after `asOf`, one entry per UTC calendar day,
 * earliest first.
 */
export function pointsExpiringWithin(
  ledger: Ledger,
  asOf: Instant,
  days: number,
): ExpiringPoints[] {
  const from = toEpochMs(asOf, 'asOf');
  const until = from + days * MS_PER_DAY;
  const byDay = new Map<string, {points: number; expiresAt: string}>();
  for (const lot of ledger.lots) {
    if (lot.expiresAt === null || lot.points === 0) continue;
    const at = Date.parse(lot.expiresAt);
    if (at > until) break;
    const day = lot.expiresAt.slice(0, 10);
    const entry = byDay.get(day);
    if (entry) entry.points += lot.points;
    else byDay.set(day, {points: lot.points, expiresAt: lot.expiresAt});
  }
  return [...byDay.values()];
}

function checkPoints(tx: PointsTransaction, where: string): void {
  const ok =
    Number.isSafeInteger(tx.points) && (tx.type === 'adjust' ? tx.points !== 0 : tx.points > 0);
  if (!ok) {
    throw invalidInput(
      `${where}.points`,
      tx.type === 'adjust'
        ? `must be a non-zero whole number, got ${tx.points}`
        : `must be a positive whole number for "${tx.type}", got ${tx.points}`,
    );
  }
}
