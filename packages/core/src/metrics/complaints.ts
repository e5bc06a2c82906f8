import {periodMs, toEpochMs, type Instant, type Period} from '../time.js';
import type {Purchase} from '../customers/purchase.js';
import type {Complaint} from '../complaints/complaint.js';
import {slaStatus} from '../complaints/sla.js';
import {ratio, type Ratio} from './ratio.js';

function createdIn(complaints: readonly Complaint[], period: Period): Complaint[] {
  const {from, to} = periodMs(period);
  return complaints.filter((c) => {
    const at = Date.parse(c.createdAt);
    return at >= from && at < to;
  });
}

/**
 * Complaint rate: complaints received in the period per customer who bought in it (a rate of 0.05 is
 * 5 complaints per 100 buying customers).
 */
export function complaintRate(
  complaints: readonly Complaint[],
  purchases: readonly Purchase[],
  period: Period,
): Ratio {
  const {from, to} = periodMs(period);
  const buyers = new Set<string>();
  purchases.forEach((purchase, i) => {
    const at = toEpochMs(purchase.at, `purchases[${i}].at`);
    if (purchase.amount > 0 && at >= from && at < to) buyers.add(purchase.customerId);
  });
  return ratio(createdIn(complaints, period).length, buyers.size);
}

/** Of the complaints received in the period, the share whose SLA is breached as of `asOf`. */
export function slaBreachRate(
  complaints: readonly Complaint[],
  period: Period,
  asOf: Instant,
): Ratio {
  const received = createdIn(complaints, period);
  const breached = received.filter((c) => slaStatus(c, asOf).breached).length;
  return ratio(breached, received.length);
}
