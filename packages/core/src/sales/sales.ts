import type {CustomFields} from '../fields.js';
import type {IsoDateTime} from '../time.js';
import type {PersonName} from '../customers/customer.js';

/** Where a lead came from. */
export const leadSources = [
  'web',
  'referral',
  'event',
  'advertising',
  'partner',
  'cold_outreach',
  'other',
] as const;
/** One of {@link leadSources}. */
export type LeadSource = (typeof leadSources)[number];

/** How far a lead has been worked. Only a `qualified` lead can be converted. */
export const leadStatuses = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
/** One of {@link leadStatuses}. */
export type LeadStatus = (typeof leadStatuses)[number];

/** A person who may be interested in buying, not yet a customer. */
export interface Lead {
  readonly id: string;
  readonly name: PersonName;
  readonly email?: string;
  readonly phone?: string;
  /** The company the person works for; empty for a consumer. */
  readonly company?: string;
  readonly source: LeadSource;
  readonly status: LeadStatus;
  readonly ownerId?: string;
  readonly createdAt: IsoDateTime;
  /** Set when converted. */
  readonly convertedAt?: IsoDateTime;
  readonly customFields: CustomFields;
}

/** An organization the business sells to, or, for a consumer, a person account. */
export interface Account {
  readonly id: string;
  readonly name: string;
  /** `person` for a consumer's own account. */
  readonly kind: 'organization' | 'person';
  readonly ownerId?: string;
  readonly createdAt: IsoDateTime;
  readonly customFields: CustomFields;
}

/** A person at an account. */
export interface Contact {
  readonly id: string;
  readonly accountId: string;
  readonly name: PersonName;
  readonly email?: string;
  readonly phone?: string;
  readonly ownerId?: string;
  readonly createdAt: IsoDateTime;
  readonly customFields: CustomFields;
}

/** A stage of a sales pipeline, with the probability that a deal in it closes won. */
export interface PipelineStage {
  readonly id: string;
  readonly name: string;
  /** From 0 to 1. */
  readonly probability: number;
  /** Set on the final stages: the deal was won or lost. */
  readonly closed?: 'won' | 'lost';
}

/** The ordered stages deals move through. */
export interface Pipeline {
  readonly id: string;
  readonly stages: readonly PipelineStage[];
}

/** A potential deal with an account. */
export interface Opportunity {
  readonly id: string;
  readonly accountId: string;
  readonly contactId?: string;
  readonly name: string;
  /** A stage id of the pipeline. */
  readonly stageId: string;
  /** Expected deal value, in `currency`. */
  readonly amount: number;
  readonly currency: string;
  /** Overrides the stage's probability for this deal (0 to 1). */
  readonly probability?: number;
  /** Expected close date (`2026-12-31`). */
  readonly expectedCloseDate: string;
  readonly ownerId?: string;
  readonly createdAt: IsoDateTime;
}
