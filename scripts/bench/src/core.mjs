// Section 6, in Node: RFM over 1,000,000 purchases beside the floor of sorting the same three columns
// once, and a 1,000,000-line points ledger.
import {replayLedger, scoreRfm} from '@rapport/core';
import {median} from './browser.mjs';

const RUNS = 5;
const DAY = 86_400_000;
const asOf = Date.parse('2026-11-01T00:00:00Z');

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(fn) {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export function coreSpeed(purchaseCount = 1_000_000, customers = 100_000) {
  const next = random(7);
  const purchases = Array.from({length: purchaseCount}, () => ({
    customerId: `c-${Math.floor(next() * customers)}`,
    at: new Date(asOf - Math.floor(next() * 730 * DAY)).toISOString(),
    amount: Math.round((next() * 500 - 20) * 100) / 100,
    currency: 'CNY',
  }));
  const rfmRuns = [];
  const floorRuns = [];
  let segments = 0;
  for (let i = 0; i < RUNS; i++) {
    rfmRuns.push(time(() => (segments = scoreRfm(purchases, {asOf}).length)));
    // The floor: the three columns the segmentation reads, each sorted once, as the cheapest types.
    const ids = purchases.map((p) => p.customerId);
    const times = Float64Array.from(purchases, (p) => Date.parse(p.at));
    const amounts = Float64Array.from(purchases, (p) => p.amount);
    floorRuns.push(
      time(() => {
        ids.sort();
        times.sort();
        amounts.sort();
      }),
    );
  }

  const ledger = [];
  const earnNext = random(11);
  let balance = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const at = new Date(asOf - (1_000_000 - i) * 60_000).toISOString();
    if (i % 10 === 9 && balance >= 50) {
      ledger.push({id: `t${i}`, customerId: 'm', type: 'redeem', points: 50, at});
      balance -= 50;
    } else {
      const points = 1 + Math.floor(earnNext() * 20);
      ledger.push({id: `t${i}`, customerId: 'm', type: 'earn', points, at});
      balance += points;
    }
  }
  const ledgerRuns = [];
  let result;
  for (let i = 0; i < RUNS; i++)
    ledgerRuns.push(
      time(
        () => (result = replayLedger(ledger, {expiry: {kind: 'after-days', days: 365}}, {asOf})),
      ),
    );

  const rfmMs = median(rfmRuns);
  const floorMs = median(floorRuns);
  return {
    runs: RUNS,
    rfm: {
      purchases: purchaseCount,
      customers: segments,
      medianMs: rfmMs,
      floorMs,
      ratio: rfmMs / floorMs,
      target: 3,
    },
    ledger: {transactions: ledger.length, medianMs: median(ledgerRuns), balance: result.balance},
  };
}
