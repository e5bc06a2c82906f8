import type {Entity} from '../fields.js';
import type {ResourceName} from '../resources/catalogue.js';
import {complaintsByCategory, complaintsByStatus, complaintSla} from './complaints.js';
import {customerLifecycle, customerSegments} from './customers.js';
import {loyaltyPoints, loyaltyTiers} from './loyalty.js';
import type {ReportName} from './names.js';
import type {ReportFilters} from './report.js';
import {salesPipeline} from './sales.js';
import {satisfaction} from './satisfaction.js';
import type {Fold, FoldContext} from './tally.js';

/** A field of the customization document, by entity and source. */
export interface ReportField {
  readonly entity: Entity;
  readonly source: string;
}

/**
 * One report, declared once: what it reads from the backend, which document fields it shows in
 * aggregate, and how it adds up (the filters it takes are in `reportFilters`, which browsers import
 * without this code). The gateway's report route, `computeReport` and `<rapport-report>` follow it.
 */
export interface ReportDefinition {
  /** The resources it reads with `scan`, in this order (a `segment` filter reads customers first). */
  readonly reads: readonly ResourceName[];
  /**
   * The fields whose values it shows, counted: a role that may not see one of them unmasked may not
   * see the report (a filter shows its field too: `segment` the customer's segment, `category` the
   * complaint's).
   */
  readonly shows: readonly ReportField[];
  /** Adds the records up. */
  readonly fold: (context: FoldContext) => Fold;
}

/** Rapport's reports, for the server: what each reads, shows and adds up. */
export const reports = {
  customerSegments: {
    reads: ['purchases'],
    shows: [{entity: 'customer', source: 'segment'}],
    fold: customerSegments,
  },
  customerLifecycle: {
    reads: ['customers'],
    shows: [{entity: 'customer', source: 'lifecycleStage'}],
    fold: customerLifecycle,
  },
  complaintsByCategory: {
    reads: ['complaints'],
    shows: [{entity: 'complaint', source: 'category'}],
    fold: complaintsByCategory,
  },
  complaintsByStatus: {
    reads: ['complaints'],
    shows: [{entity: 'complaint', source: 'status'}],
    fold: complaintsByStatus,
  },
  complaintSla: {
    reads: ['complaints'],
    shows: [{entity: 'complaint', source: 'status'}],
    fold: complaintSla,
  },
  satisfaction: {
    reads: ['surveyAnswers'],
    shows: [{entity: 'survey', source: 'score'}],
    fold: satisfaction,
  },
  loyaltyTiers: {
    reads: ['loyaltyAccounts'],
    shows: [
      {entity: 'loyalty', source: 'tierId'},
      {entity: 'loyalty', source: 'balance'},
    ],
    fold: loyaltyTiers,
  },
  loyaltyPoints: {
    reads: ['pointsTransactions'],
    shows: [{entity: 'loyalty', source: 'balance'}],
    fold: loyaltyPoints,
  },
  salesPipeline: {
    reads: ['deals'],
    // Deals are no entity of the document: the report is for the roles its section names.
    shows: [],
    fold: salesPipeline,
  },
} as const satisfies Readonly<Record<ReportName, ReportDefinition>>;

/** The resources a report reads for these filters, in order. */
export function reportReads(name: ReportName, filters: ReportFilters = {}): ResourceName[] {
  const reads: ResourceName[] = [...reports[name].reads];
  if (filters.segment !== undefined && !reads.includes('customers')) reads.unshift('customers');
  return reads;
}

/** The document fields a report shows with these filters: its own, and each filter's. */
export function reportFields(name: ReportName, filters: ReportFilters = {}): ReportField[] {
  return [
    ...reports[name].shows,
    ...(filters.segment !== undefined ? [{entity: 'customer', source: 'segment'} as const] : []),
    ...(filters.category !== undefined ? [{entity: 'complaint', source: 'category'} as const] : []),
  ];
}
