// The words of <rapport-report> (the shared ones come with them); Simplified Chinese is in
// src/translations/zh-CN.ts with the others. Report titles here are the defaults: the document's
// `reports.show.<name>.label` replaces them.
import {ownStrings} from '../shared/strings.js';

const en = {
  reportTitles: {
    customerSegments: 'Customer segments',
    customerLifecycle: 'Customers by life-cycle stage',
    complaintsByCategory: 'Complaints by category',
    complaintsByStatus: 'Complaints by status',
    complaintSla: 'Complaint SLA by week',
    satisfaction: 'Satisfaction by month',
    loyaltyTiers: 'Members per tier',
    loyaltyPoints: 'Loyalty points by month',
    salesPipeline: 'Sales pipeline',
  } as Record<string, string>,
  reportNames: {
    customers: 'Customers',
    revenueShare: 'Share of revenue',
    complaints: 'Complaints',
    breachRate: 'SLA breached',
    medianFirstReply: 'Median time to first reply',
    medianResolution: 'Median time to resolution',
    reopenedShare: 'Reopened',
    csat: 'CSAT',
    nps: 'NPS',
    csatAnswers: 'CSAT answers',
    npsAnswers: 'NPS answers',
    members: 'Members',
    outstandingPoints: 'Outstanding points',
    issued: 'Issued',
    redeemed: 'Redeemed',
    expired: 'Expired',
    amount: 'Value',
    weighted: 'Weighted value',
    deals: 'Deals',
    openAmount: 'Open pipeline',
    openWeighted: 'Weighted pipeline',
    wonAmount: 'Won',
  } as Record<string, string>,
  reportAxes: {
    segment: 'Segment',
    lifecycleStage: 'Stage',
    category: 'Category',
    status: 'Status',
    tier: 'Tier',
    stage: 'Stage',
    week: 'Week of',
    month: 'Month',
  } as Record<string, string>,
  reportCategories: {
    segment: {
      champions: 'Champions',
      loyal: 'Loyal',
      potential_loyalist: 'Potential loyalists',
      new: 'New customers',
      promising: 'Promising',
      need_attention: 'Need attention',
      about_to_sleep: 'About to sleep',
      at_risk: 'At risk',
      cannot_lose: 'Cannot lose',
      hibernating: 'Hibernating',
      lost: 'Lost',
    },
    lifecycleStage: {
      attract: 'Attract',
      acquire: 'Acquire',
      transact: 'Transact',
      retain: 'Retain',
      loyal: 'Loyal',
      at_risk: 'At risk',
      churned: 'Churned',
    },
    status: {
      new: 'New',
      acknowledged: 'Acknowledged',
      in_progress: 'In progress',
      resolved: 'Resolved',
      closed: 'Closed',
      rejected: 'Rejected',
    },
    category: {
      product: 'Product',
      service: 'Service',
      delivery: 'Delivery',
      billing: 'Billing',
      staff: 'Staff',
      website: 'Website',
      other: 'Other',
    },
    stage: {
      qualification: 'Qualification',
      needs_analysis: 'Needs analysis',
      proposal: 'Proposal',
      negotiation: 'Negotiation',
      won: 'Won',
      lost: 'Lost',
    },
  } as Record<string, Record<string, string>>,
  fewerThan: (k: string) => `fewer than ${k}`,
  reportEmpty: 'Nothing to report for this period.',
  reportTable: 'Data table',
  downloadCsv: 'Download CSV',
  reportRange: (from: string, to: string) => `${from} – ${to}`,
  chartPoint: (category: string, series: string, value: string) =>
    `${category}, ${series}: ${value}`,
  chartHint: 'Use the arrow keys to move between values.',
};

/** <rapport-report>'s words, and the shared ones, in a locale. */
export const reportStrings = ownStrings(en);
/** <rapport-report>'s own words. */
export type ReportStrings = typeof en;
