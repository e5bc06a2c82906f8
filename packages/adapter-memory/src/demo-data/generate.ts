import {
  channels,
  defaultSlaPolicy,
  evaluateTier,
  pointsForPurchase,
  qualifyingAmount,
  replayLedger,
  scoreRfm,
  slaDueDates,
  summarizeAccount,
  transitionComplaint,
  type Complaint,
  type ComplaintAction,
  type ComplaintUpdate,
  type Coupon,
  type Customer,
  type Interaction,
  type LifecycleStage,
  type LoyaltyAccount,
  type LoyaltyProgram,
  type PointsTransaction,
  type Purchase,
  type Redemption,
  type RewardDefinition,
  type RfmSegment,
  type Severity,
  type SurveyAnswer,
  type Deal,
} from '@rapport/core';
import {dealsOf} from './deals.js';
import {demoProgram} from './program.js';
import {seededRandom, type Random} from './random.js';
import {demoRewards} from './rewards.js';
import {surveyAnswersOf, threadOf} from './threads.js';
import {
  chineseFamily,
  chineseGiven,
  complaintCategoriesUsed,
  complaintTexts,
  englishFamily,
  englishGiven,
  interactionSummaries,
  organizations,
  owners,
  stores,
  tags,
} from './vocabulary.js';

const DAY = 86_400_000;

/** Options of {@link createDemoData}. */
export interface DemoDataOptions {
  /** Seed of the generator: the same seed, size and date give the same data. Default 42. */
  readonly seed?: number;
  /** Number of customers. Default 200. */
  readonly size?: number;
  /** The "today" of the data set. Default: the start of the current UTC day. */
  readonly asOf?: Date;
}

/** A whole demo CRM: customers and everything about them, consistent with the core's own rules. */
export interface DemoData {
  readonly asOf: string;
  readonly program: LoyaltyProgram;
  readonly customers: readonly Customer[];
  readonly purchases: readonly Purchase[];
  readonly transactions: readonly PointsTransaction[];
  readonly accounts: readonly LoyaltyAccount[];
  readonly complaints: readonly Complaint[];
  readonly interactions: readonly Interaction[];
  /** The programme's rewards, with the stock left for everyone. */
  readonly rewards: readonly RewardDefinition[];
  /**
   * Redemptions of those rewards. The seeded ledgers' redemptions predate the catalogue (they are
   * `reason: 'reward'` lines of no particular reward), so the seeded list is empty.
   */
  readonly redemptions: readonly Redemption[];
  /** The public threads of the complaints, newest first. */
  readonly complaintUpdates: readonly ComplaintUpdate[];
  /** Survey answers, on resolved complaints and standalone, newest first. */
  readonly surveyAnswers: readonly SurveyAnswer[];
  /** Sales opportunities, by customer. */
  readonly deals: readonly Deal[];
}

const stageOfSegment: Record<RfmSegment, LifecycleStage> = {
  champions: 'loyal',
  loyal: 'loyal',
  potential_loyalist: 'retain',
  need_attention: 'retain',
  new: 'transact',
  promising: 'transact',
  about_to_sleep: 'at_risk',
  at_risk: 'at_risk',
  cannot_lose: 'at_risk',
  hibernating: 'churned',
  lost: 'churned',
};

/**
 * Generates a deterministic demo data set: persons (English and Chinese names) and organizations with
 * contact data, tags, custom fields; two years of purchases, from which RFM segments and life-cycle
 * stages are computed; a four-tier loyalty programme with ledgers, expiring points and coupons;
 * complaints across categories, severities and statuses, moved along their life cycle, with their
 * public threads; interactions; the programme's rewards; survey answers.
 */
export function createDemoData(options: DemoDataOptions = {}): DemoData {
  const seed = options.seed ?? 42;
  const size = options.size ?? 200;
  const asOfDate = options.asOf ?? new Date(Math.floor(Date.now() / DAY) * DAY);
  const asOf = asOfDate.getTime();
  const random = seededRandom(seed);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const program = demoProgram;

  const people = Array.from({length: size}, (_, i) => person(random, i));
  const purchases: Purchase[] = [];
  for (const p of people) {
    if (p.buysPerYear === 0) continue;
    const basket = 60 + random.next() * 540;
    for (
      let day = p.firstBuyDaysAgo;
      day > p.quietForDays;
      day -= 1 + Math.floor((random.next() * 2 * 365) / p.buysPerYear)
    ) {
      const at = asOf - day * DAY - random.int(9, 20) * 3_600_000;
      purchases.push({
        customerId: p.id,
        at: iso(at),
        amount: Math.round(basket * (0.5 + random.next()) * 100) / 100,
        currency: 'CNY',
        orderId: `o-${p.id}-${day}`,
      });
    }
    if (random.chance(0.15)) {
      const last = purchases[purchases.length - 1]!;
      purchases.push({
        ...last,
        at: iso(Date.parse(last.at) + 2 * DAY),
        amount: -last.amount,
        orderId: `${last.orderId}-refund`,
      });
    }
  }
  purchases.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const rfm = new Map(
    scoreRfm(purchases, {asOf, customerIds: people.map((p) => p.id)}).map((r) => [r.customerId, r]),
  );
  const byCustomer = groupBy(purchases, (p) => p.customerId);

  const transactions: PointsTransaction[] = [];
  const accounts: LoyaltyAccount[] = [];
  const customers: Customer[] = [];
  for (const p of people) {
    const own = byCustomer.get(p.id) ?? [];
    const ledger = ledgerFor(random, p.id, own, program, asOf);
    if (p.id === showcaseCustomerId) {
      ledger.push(showcaseBonus(p.id, ledger, asOf));
      ledger.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    }
    transactions.push(...ledger);
    const coupons = couponsFor(random, p.id, asOf);
    accounts.push(
      summarizeAccount(program, {customerId: p.id, transactions: ledger, coupons, asOf}),
    );
    const score = rfm.get(p.id)!;
    const firstSeen =
      own.length > 0
        ? Date.parse(own[0]!.at) - random.int(1, 60) * DAY
        : asOf - random.int(5, 300) * DAY;
    customers.push({
      id: p.id,
      kind: p.kind,
      displayName: p.displayName,
      ...(p.name && {name: p.name}),
      ...(p.company && {company: p.company}),
      email: p.email,
      phone: p.phone,
      locale: p.locale,
      lifecycleStage: score.segment
        ? stageOfSegment[score.segment]
        : random.chance(0.5)
          ? 'attract'
          : 'acquire',
      tags: tags.filter(() => random.chance(0.18)),
      ...(score.segment && {segment: score.segment}),
      ownerId: random.pick(owners),
      createdAt: iso(firstSeen),
      updatedAt: iso(Math.max(firstSeen, asOf - random.int(0, 30) * DAY)),
      customFields: {
        preferred_store: random.pick(stores),
        membership_number: `LC${String(10_000_000 + seed * 7919 + p.index * 104_729).slice(-8)}`,
        birthday:
          p.kind === 'person'
            ? `${random.int(1955, 2004)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`
            : null,
      },
    });
  }

  const complaints: Complaint[] = [];
  const interactions: Interaction[] = [];
  let reference = 0;
  for (const p of people) {
    for (let n = random.chance(0.45) ? random.int(1, 3) : 0; n > 0; n--) {
      complaints.push(complaintFor(random, p, ++reference, asOf));
    }
    interactions.push(...interactionsFor(random, p, byCustomer.get(p.id) ?? [], asOf));
  }
  for (const c of complaints) {
    interactions.push({
      id: `i-${c.id}`,
      customerId: c.customerId!,
      channel: c.channel,
      type: 'complaint',
      at: c.createdAt,
      summary: `${c.reference}: ${c.subject}`,
    });
  }
  interactions.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  // A stream of its own, so threads and surveys leave everything generated before them unchanged.
  const more = seededRandom(seed + 0x7f4a7c15);
  const locales = new Map(customers.map((c) => [c.id, c.locale]));
  const complaintUpdates = complaints
    .flatMap((c) => threadOf(more, c, locales.get(c.customerId!) ?? 'en'))
    .sort(newestFirst);
  const surveyAnswers = surveyAnswersOf(more, complaints, customers, asOf).sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
  // A stream of its own again: deals came last, and change nothing generated before them.
  const deals = dealsOf(seededRandom(seed + 0x3c6ef372), customers, asOf);
  return {
    asOf: iso(asOf),
    program,
    customers,
    purchases,
    transactions,
    accounts,
    complaints,
    interactions,
    rewards: demoRewards(asOf),
    redemptions: [],
    complaintUpdates,
    surveyAnswers,
    deals,
  };
}

function newestFirst(a: {at: string}, b: {at: string}): number {
  return Date.parse(b.at) - Date.parse(a.at);
}

interface Person {
  index: number;
  id: string;
  kind: 'person' | 'organization';
  displayName: string;
  name?: {given: string; family: string};
  company?: string;
  email: string;
  phone: string;
  locale: 'en' | 'zh-CN';
  buysPerYear: number;
  /** When the first purchase was; a tenth of customers are new. */
  firstBuyDaysAgo: number;
  quietForDays: number;
}

function person(random: Random, index: number): Person {
  const id = `c-${String(index + 1).padStart(3, '0')}`;
  const buysPerYear = random.chance(0.08) ? 0 : 1 + Math.floor(random.next() ** 2 * 20);
  const isNew = random.chance(0.1);
  const firstBuyDaysAgo = isNew ? random.int(5, 45) : random.int(600, 730);
  const quietForDays = isNew ? 0 : random.chance(0.3) ? random.int(60, 600) : random.int(0, 20);
  if (random.chance(0.18)) {
    const [name, locale] = random.pick(organizations);
    const slug = `org${index + 1}`;
    return {
      index,
      id,
      kind: 'organization',
      displayName: name,
      company: name,
      email: `orders@${slug}.example.com`,
      phone: phoneFor(random, locale as 'en' | 'zh-CN'),
      locale: locale as 'en' | 'zh-CN',
      buysPerYear: buysPerYear * 2,
      firstBuyDaysAgo,
      quietForDays,
    };
  }
  if (random.chance(0.5)) {
    const given = random.pick(englishGiven);
    const family = random.pick(englishFamily);
    const email = `${given}.${family}${index + 1}@example.com`.toLowerCase().replace(/'/g, '');
    return {
      index,
      id,
      kind: 'person',
      displayName: `${given} ${family}`,
      name: {given, family},
      email,
      phone: phoneFor(random, 'en'),
      locale: 'en',
      buysPerYear,
      firstBuyDaysAgo,
      quietForDays,
    };
  }
  const [family, familyPinyin] = random.pick(chineseFamily);
  const [given, givenPinyin] = random.pick(chineseGiven);
  return {
    index,
    id,
    kind: 'person',
    displayName: `${family}${given}`,
    name: {given, family},
    email: `${familyPinyin}.${givenPinyin}${index + 1}@example.cn`,
    phone: phoneFor(random, 'zh-CN'),
    locale: 'zh-CN',
    buysPerYear,
    firstBuyDaysAgo,
    quietForDays,
  };
}

function phoneFor(random: Random, locale: 'en' | 'zh-CN'): string {
  // UK drama numbers (07700 900000 to 900999) and a mainland mobile prefix.
  return locale === 'en'
    ? `+44 7700 900${String(random.int(0, 999)).padStart(3, '0')}`
    : `+86 138 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
}

/**
 * The customer the docs and examples show (`customer-id="c-050"`): whatever the day, they hold a tier
 * above the first, points, and points that expire within the month, so every part of the loyalty
 * widgets has something to show.
 */
const showcaseCustomerId = 'c-050';

/**
 * The showcase customer's anniversary bonus, earned 345 days before `asOf`: with yearly expiry it
 * expires 20 days after `asOf` (inside the 30 days "expiring soon" looks ahead), and it counts towards
 * the year's tier qualification (Silver from 1,500 points). It is 1,600 points more than the ledger
 * spends after it, since a spend takes from the lot that expires first, which may be this one.
 */
function showcaseBonus(
  customerId: string,
  ledger: readonly PointsTransaction[],
  asOf: number,
): PointsTransaction {
  const earned = asOf - 345 * DAY;
  const spentAfter = ledger
    .filter((t) => Date.parse(t.at) >= earned)
    .reduce(
      (sum, t) =>
        sum + (t.type === 'earn' ? 0 : t.type === 'adjust' ? -Math.min(0, t.points) : t.points),
      0,
    );
  const at = new Date(earned).toISOString();
  return {
    id: `${customerId}-b1`,
    customerId,
    type: 'earn',
    points: 1600 + spentAfter,
    at,
    availableAt: at,
    reason: 'anniversary',
  };
}

function ledgerFor(
  random: Random,
  customerId: string,
  purchases: readonly Purchase[],
  program: LoyaltyProgram,
  asOf: number,
): PointsTransaction[] {
  const ledger: PointsTransaction[] = [];
  let n = 0;
  // Redemptions go in time order, so each one is checked against every redemption before it.
  let lastRedeemAt = -Infinity;
  for (const purchase of purchases) {
    if (purchase.amount <= 0) continue;
    const at = Date.parse(purchase.at);
    const tier = evaluateTier(program, qualifyingAmount(program, {asOf: at, transactions: ledger}))
      .tier.id;
    const points = pointsForPurchase(program, purchase.amount, tier);
    if (points === 0) continue;
    ledger.push({
      id: `${customerId}-p${++n}`,
      customerId,
      type: 'earn',
      points,
      at: purchase.at,
      availableAt: new Date(at + (program.pendingDays ?? 0) * DAY).toISOString(),
      reason: purchase.orderId ?? 'purchase',
    });
    // Now and then the member spends points on a reward, never more than they have.
    if (random.chance(0.12)) {
      const redeemAt = at + random.int(15, 40) * DAY;
      if (redeemAt >= asOf || redeemAt <= lastRedeemAt) continue;
      lastRedeemAt = redeemAt;
      const balance = replayLedger(ledger, program, {asOf: redeemAt}).balance;
      const points = Math.floor((balance * random.next()) / 100) * 100;
      if (points > 0)
        ledger.push({
          id: `${customerId}-r${++n}`,
          customerId,
          type: 'redeem',
          points,
          at: new Date(redeemAt).toISOString(),
          reason: 'reward',
        });
    }
  }
  if (random.chance(0.05) && ledger.length > 0) {
    ledger.push({
      id: `${customerId}-a${n + 1}`,
      customerId,
      type: 'adjust',
      points: 200,
      at: new Date(asOf - random.int(1, 90) * DAY).toISOString(),
      reason: 'goodwill',
    });
  }
  return ledger.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function couponsFor(random: Random, customerId: string, asOf: number): Coupon[] {
  if (!random.chance(0.3)) return [];
  const from = asOf - random.int(0, 60) * DAY;
  return [
    {
      id: `${customerId}-welcome`,
      code: `TEA${random.int(1000, 9999)}`,
      title: {en: '10% off your next tin', 'zh-CN': '下次购买茶叶九折'},
      discount: {kind: 'percent', value: 10},
      validFrom: new Date(from).toISOString(),
      validUntil: new Date(from + random.int(20, 90) * DAY).toISOString(),
      status: random.chance(0.2) ? 'redeemed' : 'active',
    },
  ];
}

const severityWeights: readonly Severity[] = [
  'low',
  'low',
  'medium',
  'medium',
  'medium',
  'high',
  'high',
  'critical',
];
const paths: readonly (readonly ComplaintAction[])[] = [
  [],
  ['acknowledge'],
  ['acknowledge', 'start'],
  ['acknowledge', 'start', 'resolve'],
  ['acknowledge', 'start', 'resolve', 'close'],
  ['start', 'resolve', 'close'],
  ['acknowledge', 'reject'],
  ['acknowledge', 'start', 'resolve', 'reopen'],
];

function complaintFor(random: Random, p: Person, n: number, asOf: number): Complaint {
  const category = random.pick(complaintCategoriesUsed);
  const texts = complaintTexts[category]!;
  const text = random.pick(p.locale === 'en' ? texts.en : texts.zh);
  const severity = random.pick(severityWeights);
  const created = asOf - random.int(1, 180) * DAY + random.int(8, 20) * 3_600_000;
  const createdAt = new Date(created).toISOString();
  let complaint: Complaint = {
    id: `k-${String(n).padStart(4, '0')}`,
    reference: `C-${new Date(created).getUTCFullYear()}-${String(n).padStart(6, '0')}`,
    customerId: p.id,
    channel: random.pick(channels),
    category,
    severity,
    subject: text.subject,
    description: text.description,
    status: 'new',
    createdAt,
    updatedAt: createdAt,
    ...slaDueDates(createdAt, severity, defaultSlaPolicy),
    customFields: {order_number: random.chance(0.7) ? `SO-${random.int(100000, 999999)}` : null},
    history: [],
  };
  // Recent complaints are less far along their life cycle; most are answered within their SLA.
  const age = (asOf - created) / DAY;
  const path =
    age < 3
      ? random.pick(paths.slice(0, 3))
      : age > 21 && random.chance(0.8)
        ? random.pick(paths.slice(3))
        : random.pick(paths);
  const targets = defaultSlaPolicy.targets[severity];
  let at = created;
  path.forEach((action, step) => {
    const hours =
      step === 0
        ? targets.responseHours * (0.2 + random.next() * 1.1)
        : targets.resolutionHours * (0.1 + random.next() * 0.4);
    at += Math.max(1, Math.round(hours * 60)) * 60_000;
    if (at >= asOf) return;
    const resolution = p.locale === 'en' ? 'Refunded and apologised.' : '已退款并致歉。';
    complaint = transitionComplaint(complaint, action, {at, resolution});
  });
  return complaint;
}

function interactionsFor(
  random: Random,
  p: Person,
  purchases: readonly Purchase[],
  asOf: number,
): Interaction[] {
  const lang = p.locale === 'en' ? 'en' : 'zh';
  const list: Interaction[] = purchases
    .filter((purchase) => purchase.amount > 0)
    .slice(-4)
    .map((purchase, i) => {
      const inStore = random.chance(0.4);
      return {
        id: `i-${p.id}-b${i}`,
        customerId: p.id,
        channel: inStore ? 'store' : 'web',
        type: inStore ? 'visit' : 'purchase',
        at: purchase.at,
        summary: (inStore ? interactionSummaries.visit : interactionSummaries.purchase)[lang],
      };
    });
  for (let n = random.int(0, 3); n > 0; n--) {
    const type = random.pick(['call', 'email', 'message'] as const);
    list.push({
      id: `i-${p.id}-x${n}`,
      customerId: p.id,
      channel: type === 'call' ? 'phone' : type === 'email' ? 'email' : 'chat',
      type,
      at: new Date(asOf - random.int(1, 300) * DAY - random.int(0, 23) * 3_600_000).toISOString(),
      summary: interactionSummaries[type][lang],
      agentId: random.pick(owners),
    });
  }
  return list;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
