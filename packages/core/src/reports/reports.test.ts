import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  computeReport,
  isRapportError,
  reportOfPath,
  reportPeriod,
  servedReports,
  type Complaint,
  type Customer,
  type Deal,
  type LoyaltyAccount,
  type Page,
  type PageRequest,
  type PointsTransaction,
  type Purchase,
  type Report,
  type SurveyAnswer,
} from '@rapport/core';

// A backend that scans arrays two records a page, whatever limit it is asked for (an adapter may
// answer with fewer), so every report here reads several pages.
function scanning(data: Record<string, readonly unknown[]>) {
  const scans: string[] = [];
  const resources = Object.fromEntries(
    Object.entries(data).map(([name, records]) => [
      name,
      {
        scan: async (page: PageRequest = {}): Promise<Page<unknown>> => {
          scans.push(name);
          const offset = Number(page.cursor ?? 0);
          return {
            items: records.slice(offset, offset + 2),
            nextCursor: offset + 2 < records.length ? String(offset + 2) : null,
          };
        },
      },
    ]),
  );
  return {adapter: {name: 'arrays', resources}, scans};
}

const complaint = (
  id: string,
  customerId: string | null,
  category: string,
  status: Complaint['status'],
  createdAt: string,
  times: Partial<Complaint> = {},
): Complaint => ({
  id,
  reference: `C-${id}`,
  customerId,
  channel: 'web',
  category,
  severity: 'medium',
  subject: 'subject',
  description: 'description',
  status,
  createdAt,
  updatedAt: createdAt,
  responseDueAt: '2026-12-31T00:00:00Z',
  resolutionDueAt: '2026-12-31T00:00:00Z',
  customFields: {},
  history: [],
  ...times,
});

// Two weeks from Monday 2 November 2026; k1 to k4 and k6 fall inside, k5 before.
const complaints: Complaint[] = [
  complaint('k1', 'a', 'product', 'resolved', '2026-11-02T10:00:00Z', {
    firstResponseAt: '2026-11-02T12:00:00Z',
    resolvedAt: '2026-11-03T10:00:00Z',
    responseDueAt: '2026-11-03T10:00:00Z',
    resolutionDueAt: '2026-11-07T10:00:00Z',
  }),
  complaint('k2', 'b', 'product', 'in_progress', '2026-11-03T09:00:00Z', {
    firstResponseAt: '2026-11-03T13:00:00Z',
    // Reopened: the earlier resolution no longer counts, and it is now past its due date.
    resolvedAt: '2026-11-04T09:00:00Z',
    responseDueAt: '2026-11-04T09:00:00Z',
    resolutionDueAt: '2026-11-05T09:00:00Z',
    history: [
      {from: 'in_progress', to: 'resolved', at: '2026-11-04T09:00:00Z'},
      {from: 'resolved', to: 'in_progress', at: '2026-11-04T12:00:00Z'},
    ],
  }),
  complaint('k3', 'c', 'delivery', 'new', '2026-11-10T08:00:00Z', {
    responseDueAt: '2026-11-11T08:00:00Z',
  }),
  complaint('k4', 'a', 'billing', 'closed', '2026-11-11T08:00:00Z', {
    firstResponseAt: '2026-11-11T14:00:00Z',
    resolvedAt: '2026-11-12T08:00:00Z',
  }),
  complaint('k5', 'd', 'product', 'resolved', '2026-10-30T08:00:00Z'),
  complaint('k6', null, 'service', 'acknowledged', '2026-11-12T08:00:00Z', {
    firstResponseAt: '2026-11-12T10:00:00Z',
  }),
];
const twoWeeks = {from: '2026-11-02T00:00:00Z', to: '2026-11-16T00:00:00Z'};
const later = '2026-11-20T00:00:00Z';

const values = (report: Report, id: string) => report.series.find((s) => s.id === id)!.values;
const figure = (report: Report, id: string) => report.figures.find((f) => f.id === id)!;
const byCategory = (report: Report, id: string) =>
  Object.fromEntries(report.categories.map((c, i) => [c, values(report, id)[i]]));

describe('complaint reports', () => {
  const {adapter} = scanning({complaints});

  it('counts complaints received in the range by category, withholding groups of fewer than k people', async () => {
    const report = await computeReport(adapter, 'complaintsByCategory', twoWeeks, {
      minimumGroupSize: 2,
      now: later,
    });
    assert.equal(report.chart, 'bar');
    // product: a and b. service (an anonymous visitor), delivery and billing: one person each.
    assert.deepEqual(byCategory(report, 'complaints'), {
      product: 2,
      service: null,
      delivery: null,
      billing: null,
      staff: 0,
      website: 0,
      other: 0,
    });
    assert.deepEqual(report.series[0]!.suppressed, [1, 2, 3]);
    assert.deepEqual(figure(report, 'complaints'), {
      id: 'complaints',
      unit: 'complaints',
      value: 5,
      suppressed: false,
    });
  });

  it('withholds a second cell when one alone would be given back by the total', async () => {
    // Product complaints: k1 resolved (a) and k2 in progress (b).
    const report = await computeReport(
      adapter,
      'complaintsByStatus',
      {...twoWeeks, category: 'product'},
      {minimumGroupSize: 2, now: later},
    );
    // In progress (b) and resolved (a): each one person, both withheld; the total, two people, shown.
    assert.deepEqual(values(report, 'complaints'), [0, 0, null, null, 0, 0]);
    assert.equal(figure(report, 'complaints').value, 2);
    const single = await computeReport(
      scanning({
        complaints: [
          ...complaints,
          complaint('k7', 'd', 'billing', 'new', '2026-11-04T08:00:00Z'),
          complaint('k8', 'e', 'billing', 'new', '2026-11-05T08:00:00Z'),
          complaint('k9', 'f', 'billing', 'closed', '2026-11-05T09:00:00Z'),
        ],
      }).adapter,
      'complaintsByCategory',
      twoWeeks,
      {minimumGroupSize: 2, now: later},
    );
    // Product (a, b) and billing (a, d, e, f) are shown; delivery (c) and service (anonymous) are
    // withheld; with two withheld nothing more is needed.
    assert.deepEqual(single.series[0]!.suppressed, [1, 2]);
    const one = await computeReport(
      scanning({complaints: complaints.filter((c) => c.id !== 'k6' && c.id !== 'k3')}).adapter,
      'complaintsByCategory',
      twoWeeks,
      {minimumGroupSize: 2, now: later},
    );
    // Only billing (a alone) is too small: product (a, b), the smallest other, goes with it, so the
    // total of 3 does not give billing's 1 back.
    assert.deepEqual(values(one, 'complaints'), [null, 0, 0, null, 0, 0, 0]);
    assert.equal(figure(one, 'complaints').value, 3);
  });

  it('withholds until the withheld cells of a total stand for k people together', async () => {
    const at = '2026-11-03T08:00:00Z';
    const some = [
      ...['a', 'b', 'c'].map((id) => complaint(`p-${id}`, id, 'product', 'new', at)),
      ...['d', 'e', 'f'].map((id) => complaint(`s-${id}`, id, 'service', 'new', at)),
      complaint('b-g', 'g', 'billing', 'new', at),
      complaint('t-h', 'h', 'staff', 'new', at),
    ];
    const report = await computeReport(
      scanning({complaints: some}).adapter,
      'complaintsByCategory',
      twoWeeks,
      {
        minimumGroupSize: 3,
        now: later,
      },
    );
    // Billing (g) and staff (h) are two people together, fewer than 3: product goes with them, so
    // the total of 8 less what is shown says nothing of fewer than 3 people.
    assert.deepEqual(report.series[0]!.suppressed, [0, 3, 4]);
    assert.equal(figure(report, 'complaints').value, 8);
  });

  it('counts an anonymous visitor’s complaints as one person', async () => {
    const at = '2026-11-03T08:00:00Z';
    const visitor = (id: string) =>
      complaint(id, null, 'delivery', 'new', at, {
        contact: {name: 'V', email: ` Visitor@Example.com`},
      });
    const report = await computeReport(
      scanning({complaints: [visitor('v1'), visitor('v2'), visitor('v3')]}).adapter,
      'complaintsByCategory',
      twoWeeks,
      {minimumGroupSize: 2, now: later},
    );
    assert.equal(report.series[0]!.values[2], null, 'three complaints, one person');
    assert.equal(figure(report, 'complaints').value, null);
  });

  it('counts by status, and by status within one category', async () => {
    const all = await computeReport(adapter, 'complaintsByStatus', twoWeeks, {
      minimumGroupSize: 1,
      now: later,
    });
    assert.deepEqual(byCategory(all, 'complaints'), {
      new: 1,
      acknowledged: 1,
      in_progress: 1,
      resolved: 1,
      closed: 1,
      rejected: 0,
    });
    const product = await computeReport(
      adapter,
      'complaintsByStatus',
      {...twoWeeks, category: 'product'},
      {minimumGroupSize: 1, now: later},
    );
    assert.deepEqual(product.filters, {category: 'product'});
    assert.deepEqual(values(product, 'complaints'), [0, 0, 1, 1, 0, 0]);
  });

  it('gives the breach rate per week, median reply and resolution hours and the reopened share', async () => {
    const report = await computeReport(adapter, 'complaintSla', twoWeeks, {
      minimumGroupSize: 2,
      now: later,
    });
    assert.equal(report.chart, 'line');
    assert.deepEqual(report.categories, ['2026-11-02', '2026-11-09']);
    // Week 1: k2 breached of k1, k2. Week 2: k3 (no reply by its due time) of k3, k4, k6.
    assert.deepEqual(values(report, 'breachRate'), [50, 100 / 3]);
    assert.deepEqual(values(report, 'complaints'), [2, 3]);
    assert.equal(figure(report, 'breachRate').value, 40);
    // Replies after 2, 4, 6 and 2 hours. The resolutions now standing, k1 and k4, are both a's.
    assert.equal(figure(report, 'medianFirstReply').value, 3);
    assert.deepEqual(figure(report, 'medianResolution'), {
      id: 'medianResolution',
      unit: 'hours',
      value: null,
      suppressed: true,
    });
    assert.equal(figure(report, 'reopenedShare').value, 20);
    assert.equal(
      report.asOf,
      '2026-11-16T00:00:00.000Z',
      'states are judged at the end of a past range',
    );
  });

  it('counts reply and resolution times in business hours when given them', async () => {
    const report = await computeReport(adapter, 'complaintSla', twoWeeks, {
      minimumGroupSize: 1,
      now: later,
      businessHours: {timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00'},
    });
    // Replies: 2, 4, 5 (k4 came in before opening) and 1 hours. Resolutions: 8 and 8 hours, where
    // calendar time counts 24 and 24.
    assert.equal(figure(report, 'medianFirstReply').value, 3);
    assert.equal(figure(report, 'medianResolution').value, 8);
    const calendar = await computeReport(adapter, 'complaintSla', twoWeeks, {
      minimumGroupSize: 1,
      now: later,
    });
    assert.equal(figure(calendar, 'medianResolution').value, 24);
  });

  it('withholds weeks and figures that stand for fewer than k people', async () => {
    const report = await computeReport(adapter, 'complaintSla', twoWeeks, {now: later});
    // Default k is 5: two people in week 1, three in week 2, four in all.
    assert.deepEqual(values(report, 'breachRate'), [null, null]);
    assert.deepEqual(report.series[0]!.suppressed, [0, 1]);
    assert.deepEqual(figure(report, 'breachRate'), {
      id: 'breachRate',
      unit: 'percent',
      value: null,
      suppressed: true,
    });
    assert.equal(report.minimumGroupSize, 5);
  });
});

describe('satisfaction report', () => {
  const answer = (
    id: string,
    customerId: string,
    kind: 'csat' | 'nps',
    score: number,
    createdAt: string,
  ): SurveyAnswer => ({id, customerId, complaintId: null, kind, score, createdAt});
  const answers = [
    answer('s1', 'a', 'csat', 5, '2026-09-02T00:00:00Z'),
    answer('s2', 'b', 'csat', 4, '2026-09-03T00:00:00Z'),
    answer('s3', 'c', 'csat', 2, '2026-09-04T00:00:00Z'),
    answer('s4', 'a', 'csat', 3, '2026-10-05T00:00:00Z'),
    answer('s5', 'a', 'nps', 10, '2026-09-06T00:00:00Z'),
    answer('s6', 'b', 'nps', 9, '2026-09-07T00:00:00Z'),
    answer('s7', 'c', 'nps', 6, '2026-09-08T00:00:00Z'),
    answer('s8', 'd', 'nps', 7, '2026-09-09T00:00:00Z'),
    answer('s9', 'a', 'nps', 10, '2026-10-10T00:00:00Z'),
    answer('s10', 'b', 'nps', 0, '2026-10-11T00:00:00Z'),
    answer('s11', 'b', 'csat', 1, '2026-11-05T00:00:00Z'),
  ];
  const {adapter} = scanning({surveyAnswers: answers});

  it('gives CSAT and NPS per month with their answer counts', async () => {
    const range = {from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z'};
    const report = await computeReport(adapter, 'satisfaction', range, {
      minimumGroupSize: 1,
      now: later,
    });
    assert.deepEqual(report.categories, ['2026-09', '2026-10']);
    // September: 2 of 3 satisfied. October: a's 3, not satisfied.
    assert.deepEqual(values(report, 'csat'), [(2 / 3) * 100, 0]);
    assert.deepEqual(values(report, 'csatAnswers'), [3, 1]);
    // September: 2 promoters, 1 detractor of 4. October: 1 and 1 of 2.
    assert.deepEqual(values(report, 'nps'), [25, 0]);
    assert.deepEqual(values(report, 'npsAnswers'), [4, 2]);
    assert.equal(figure(report, 'csat').value, 50);
    assert.equal(figure(report, 'nps').value, 100 / 6);
    // With k = 2 October's CSAT is one person's, and September's goes with it: with the overall
    // figure, September's would give October's back.
    const strict = await computeReport(adapter, 'satisfaction', range, {
      minimumGroupSize: 2,
      now: later,
    });
    assert.deepEqual(values(strict, 'csat'), [null, null]);
    assert.deepEqual(values(strict, 'nps'), [25, 0]);
  });
});

describe('loyalty reports', () => {
  const account = (
    customerId: string,
    tierId: string,
    qualifyingAmount: number,
    balance: number,
    pending = 0,
  ): LoyaltyAccount => ({
    customerId,
    programId: 'p',
    balance,
    pending,
    lifetimePoints: balance,
    qualifyingAmount,
    tierId,
    tierName: {en: tierId === 'gold' ? 'Gold' : 'Silver'},
    nextTierId: null,
    nextTierName: null,
    toNextTier: 0,
    tierProgress: 1,
    expiringSoon: [],
    coupons: [],
    asOf: '2026-11-20T00:00:00Z',
  });
  const accounts = [
    account('a', 'silver', 100, 500, 50),
    account('b', 'gold', 2000, 1000),
    account('c', 'silver', 50, 200),
    account('d', 'gold', 1500, 300),
  ];
  const customer = (id: string, segment: Customer['segment']): Customer => ({
    id,
    kind: 'person',
    displayName: id,
    lifecycleStage: 'retain',
    tags: [],
    ...(segment && {segment}),
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    customFields: {},
  });
  const customers = [
    customer('a', 'champions'),
    customer('b', 'loyal'),
    customer('c', 'champions'),
    customer('d', 'champions'),
  ];
  const line = (
    id: string,
    customerId: string,
    type: PointsTransaction['type'],
    points: number,
    at: string,
  ): PointsTransaction => ({id, customerId, type, points, at});
  const lines = [
    line('t1', 'a', 'earn', 100, '2026-09-05T00:00:00Z'),
    line('t2', 'b', 'earn', 50, '2026-09-10T00:00:00Z'),
    line('t3', 'a', 'redeem', 30, '2026-09-20T00:00:00Z'),
    line('t4', 'c', 'expire', 20, '2026-10-02T00:00:00Z'),
    line('t5', 'a', 'adjust', -10, '2026-10-03T00:00:00Z'),
    line('t6', 'b', 'adjust', 5, '2026-10-04T00:00:00Z'),
    line('t7', 'c', 'earn', 40, '2026-11-02T00:00:00Z'),
  ];
  const {adapter, scans} = scanning({
    loyaltyAccounts: accounts,
    customers,
    pointsTransactions: lines,
  });
  const range = {from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z'};

  it('counts members per tier from the lowest tier up, and the points the programme owes', async () => {
    const report = await computeReport(adapter, 'loyaltyTiers', range, {
      minimumGroupSize: 2,
      now: later,
    });
    assert.deepEqual(report.categories, ['silver', 'gold']);
    assert.deepEqual(report.categoryLabels, {silver: {en: 'Silver'}, gold: {en: 'Gold'}});
    assert.deepEqual(values(report, 'members'), [2, 2]);
    assert.equal(figure(report, 'outstandingPoints').value, 550 + 1000 + 200 + 300);
  });

  it('reads customers first to filter members by segment', async () => {
    scans.length = 0;
    const report = await computeReport(
      adapter,
      'loyaltyTiers',
      {...range, segment: 'champions'},
      {minimumGroupSize: 1, now: later},
    );
    assert.equal(scans[0], 'customers');
    assert.deepEqual(values(report, 'members'), [2, 1]);
    assert.equal(figure(report, 'outstandingPoints').value, 550 + 200 + 300);
  });

  it('adds up points issued, redeemed and expired per month', async () => {
    const report = await computeReport(adapter, 'loyaltyPoints', range, {
      minimumGroupSize: 1,
      now: later,
    });
    assert.equal(report.chart, 'stacked-bar');
    assert.deepEqual(values(report, 'issued'), [150, 5]);
    assert.deepEqual(values(report, 'redeemed'), [30, 0]);
    assert.deepEqual(values(report, 'expired'), [0, 20]);
    assert.deepEqual(
      report.figures.map((f) => f.value),
      [155, 30, 20],
    );
    const strict = await computeReport(adapter, 'loyaltyPoints', range, {
      minimumGroupSize: 2,
      now: later,
    });
    // October's issue is b's alone (and September's goes with it, or the total would give it back);
    // September's redemption is a's alone, and October redeemed nothing.
    assert.deepEqual(values(strict, 'issued'), [null, null]);
    assert.deepEqual(values(strict, 'redeemed'), [null, 0]);
  });
});

describe('customer reports', () => {
  const purchase = (customerId: string, at: string, amount: number): Purchase => ({
    customerId,
    at,
    amount,
    currency: 'EUR',
  });
  // Five buyers, each more recent and spending more than the one before; w bought before the range.
  const purchases = [
    purchase('v1', '2026-02-01T00:00:00Z', 10),
    purchase('v2', '2026-04-01T00:00:00Z', 20),
    purchase('v3', '2026-06-01T00:00:00Z', 30),
    purchase('v4', '2026-08-01T00:00:00Z', 40),
    purchase('v5', '2026-10-01T00:00:00Z', 100),
    purchase('w', '2025-10-01T00:00:00Z', 500),
  ];
  const {adapter} = scanning({purchases});
  const year = {from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z'};

  it('scores the range’s buyers into RFM segments with their revenue share', async () => {
    const report = await computeReport(adapter, 'customerSegments', year, {
      minimumGroupSize: 1,
      now: later,
    });
    // Recency and spend rank 1 to 5; everyone bought once (frequency 3), so FM is 2, 3, 3, 4, 4.
    const customers = byCategory(report, 'customers');
    const share = byCategory(report, 'revenueShare');
    assert.deepEqual(Object.fromEntries(Object.entries(customers).filter(([, n]) => n !== 0)), {
      loyal: 1,
      champions: 1,
      need_attention: 1,
      at_risk: 1,
      hibernating: 1,
    });
    assert.equal(share.champions, 50);
    assert.equal(share.loyal, 20);
    assert.equal(share.hibernating, 5);
    assert.equal(share.lost, 0);
    assert.equal(figure(report, 'customers').value, 5);
  });

  it('withholds every segment of one customer when k is 2', async () => {
    const report = await computeReport(adapter, 'customerSegments', year, {
      minimumGroupSize: 2,
      now: later,
    });
    assert.equal(values(report, 'customers').filter((v) => v === null).length, 5);
    assert.equal(values(report, 'customers').filter((v) => v === 0).length, 6);
  });
});

describe('sales pipeline report', () => {
  const deal = (
    id: string,
    customerId: string,
    stage: Deal['stage'],
    amount: number,
    createdAt: string,
    extra: Partial<Deal> = {},
  ): Deal => ({id, customerId, name: id, stage, amount, currency: 'CNY', createdAt, ...extra});
  const deals = [
    deal('d1', 'a', 'qualification', 1000, '2026-09-02T00:00:00Z'),
    deal('d2', 'b', 'proposal', 2000, '2026-08-01T00:00:00Z'),
    deal('d3', 'c', 'negotiation', 4000, '2026-09-10T00:00:00Z', {probability: 0.9}),
    deal('d4', 'a', 'won', 3000, '2026-07-01T00:00:00Z', {closedAt: '2026-09-15T00:00:00Z'}),
    // Lost before the range began, and opened after it ended: neither is in it.
    deal('d5', 'b', 'lost', 9000, '2026-06-01T00:00:00Z', {closedAt: '2026-08-20T00:00:00Z'}),
    deal('d6', 'c', 'proposal', 9000, '2026-11-05T00:00:00Z'),
  ];
  const {adapter} = scanning({deals});

  it('withholds a second open stage with a small one, so the open pipeline cannot give it back', async () => {
    const many = ['q', 'n', 'g'].flatMap((stage, s) =>
      ['x', 'y', 'z'].map((c) =>
        deal(
          `${stage}${c}`,
          `${stage}-${c}`,
          (['qualification', 'needs_analysis', 'negotiation'] as const)[s]!,
          1000,
          '2026-09-02T00:00:00Z',
        ),
      ),
    );
    const report = await computeReport(
      scanning({deals: [...many, deal('p1', 'solo', 'proposal', 777, '2026-09-02T00:00:00Z')]})
        .adapter,
      'salesPipeline',
      {from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z'},
      {minimumGroupSize: 2, now: later},
    );
    for (const id of ['amount', 'weighted', 'deals'])
      assert.deepEqual(report.series.find((x) => x.id === id)!.suppressed, [0, 2], id);
    assert.equal(figure(report, 'openAmount').value, 9777);
  });

  it('adds up the deals in the pipeline during the range by stage, with their weighted value', async () => {
    const report = await computeReport(
      adapter,
      'salesPipeline',
      {from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z'},
      {minimumGroupSize: 1, now: later},
    );
    assert.equal(report.currency, 'CNY');
    assert.deepEqual(byCategory(report, 'deals'), {
      qualification: 1,
      needs_analysis: 0,
      proposal: 1,
      negotiation: 1,
      won: 1,
      lost: 0,
    });
    assert.deepEqual(values(report, 'amount'), [1000, 0, 2000, 4000, 3000, 0]);
    // 10 % of 1,000; 50 % of 2,000; the deal's own 90 % of 4,000; a won deal counts whole.
    assert.deepEqual(values(report, 'weighted'), [100, 0, 1000, 3600, 3000, 0]);
    assert.equal(figure(report, 'openAmount').value, 7000);
    assert.equal(figure(report, 'openWeighted').value, 4700);
    assert.equal(figure(report, 'wonAmount').value, 3000);
  });
});

describe('computeReport', () => {
  it('says which resource an adapter cannot scan', async () => {
    const {adapter} = scanning({customers: []});
    await assert.rejects(
      computeReport(adapter, 'complaintsByStatus', twoWeeks),
      (error) =>
        isRapportError(error, 'unsupported') &&
        /cannot scan complaints, which the complaintsByStatus report reads/.test(error.message),
    );
    assert.deepEqual(servedReports(adapter), ['customerLifecycle']);
  });

  it('refuses unknown reports, bad ranges and filters a report does not take, naming them', async () => {
    const {adapter} = scanning({complaints});
    const refused = async (name: string, query: object, field: string) =>
      assert.rejects(
        computeReport(adapter, name, query as never),
        (error) => isRapportError(error, 'invalid_input') && field in error.fields,
      );
    await refused('complaintsByColour', twoWeeks, 'report');
    await refused('complaintsByStatus', {from: twoWeeks.to, to: twoWeeks.from}, 'to');
    await refused('complaintsByStatus', {from: 'soon', to: twoWeeks.to}, 'from');
    await refused('complaintsByStatus', {from: '2020-01-01', to: '2026-01-01'}, 'to');
    await refused('complaintsByCategory', {...twoWeeks, category: 'product'}, 'category');
    await refused('customerLifecycle', {...twoWeeks, segment: 'royalty'}, 'segment');
    // Whole UTC days only, written unambiguously.
    await refused('complaintsByStatus', {from: '2026-01-01T00:00', to: '2026-02-01'}, 'from');
    await refused('complaintsByStatus', {from: '1', to: '2026-02-01'}, 'from');
    await refused('complaintsByStatus', {from: '2026-01-01', to: '2026-02-01T10:00:00Z'}, 'to');
  });
});

describe('reportOfPath', () => {
  it('reads the kebab-case names of routes and elements, and nothing else', () => {
    assert.equal(reportOfPath('complaints-by-status'), 'complaintsByStatus');
    assert.equal(reportOfPath('sales-pipeline'), 'salesPipeline');
    assert.equal(reportOfPath('complaintsByStatus'), undefined);
    assert.equal(reportOfPath('complaints-by-colour'), undefined);
    assert.equal(reportOfPath('constructor'), undefined);
  });
});

describe('reportPeriod', () => {
  it('ends named ranges with the current UTC day, or month', () => {
    const now = '2026-12-03T10:30:00Z';
    assert.deepEqual(reportPeriod('last-7-days', now), {
      from: '2026-11-27T00:00:00.000Z',
      to: '2026-12-04T00:00:00.000Z',
    });
    assert.deepEqual(reportPeriod('last-12-months', now), {
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    assert.throws(() => reportPeriod('yesterday', now), /range/);
  });
});
