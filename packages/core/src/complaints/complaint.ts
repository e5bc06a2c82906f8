import type {Channel} from '../customers/customer.js';
import type {CustomFields} from '../fields.js';
import type {IsoDateTime} from '../time.js';

/** How bad a complaint is; the SLA policy promises response and resolution times per severity. */
export const severities = ['low', 'medium', 'high', 'critical'] as const;
/** One of {@link severities}. */
export type Severity = (typeof severities)[number];

/** Standard complaint categories; a business may use its own (any string). */
export const complaintCategories = [
  'product',
  'service',
  'delivery',
  'billing',
  'staff',
  'website',
  'other',
] as const;
/** One of {@link complaintCategories}, or a business's own category id. */
export type ComplaintCategory = (typeof complaintCategories)[number] | (string & {});

/** Where a complaint is in its life cycle (see `transitionComplaint`). */
export const complaintStatuses = [
  'new',
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
] as const;
/** One of {@link complaintStatuses}. */
export type ComplaintStatus = (typeof complaintStatuses)[number];
/** The statuses of a complaint still being handled: its resolution clock runs. */
export const openComplaintStatuses: readonly ComplaintStatus[] = [
  'new',
  'acknowledged',
  'in_progress',
];

/** Who complained when there is no customer record (an anonymous visitor). */
export interface ComplaintContact {
  readonly name: string;
  readonly email: string;
}

/** One change of status, for the complaint's history. */
export interface StatusChange {
  readonly from: ComplaintStatus;
  readonly to: ComplaintStatus;
  readonly at: IsoDateTime;
}

/** A complaint: the richest signal of what customers need. */
export interface Complaint {
  /** Stable id in the backend. */
  readonly id: string;
  /** Short reference to quote to the customer (`C-2026-000123`). */
  readonly reference: string;
  /** The customer, or `null` for an anonymous visitor (see `contact`). */
  readonly customerId: string | null;
  /** Name and e-mail of an anonymous complainant. */
  readonly contact?: ComplaintContact;
  /** Where the complaint came in. */
  readonly channel: Channel;
  /** What it is about. */
  readonly category: ComplaintCategory;
  /** How bad it is. */
  readonly severity: Severity;
  /** One line. */
  readonly subject: string;
  /** The customer's own words. */
  readonly description: string;
  /** Where it is in its life cycle. */
  readonly status: ComplaintStatus;
  /** When it was received. */
  readonly createdAt: IsoDateTime;
  /** When it last changed. */
  readonly updatedAt: IsoDateTime;
  /** When the business first acted on it (left `new`). */
  readonly firstResponseAt?: IsoDateTime;
  /** When it was resolved; absent while it is open (reopening removes it until the next resolve). */
  readonly resolvedAt?: IsoDateTime;
  /** When it was closed or rejected. */
  readonly closedAt?: IsoDateTime;
  /** When a first response is due under the SLA. */
  readonly responseDueAt: IsoDateTime;
  /** When resolution is due under the SLA. */
  readonly resolutionDueAt: IsoDateTime;
  /** How it was resolved, or why it was rejected; like `resolvedAt`, removed when it is reopened. */
  readonly resolution?: string;
  /** Values of the business's own fields. */
  readonly customFields: CustomFields;
  /** Status changes, oldest first. */
  readonly history: readonly StatusChange[];
}

/** What a person submits to open a complaint. */
export interface ComplaintInput {
  /** The customer; leave out for an anonymous visitor and give `contact` instead. */
  readonly customerId?: string;
  /** Name and e-mail of an anonymous visitor. */
  readonly contact?: ComplaintContact;
  readonly channel: Channel;
  readonly category: ComplaintCategory;
  readonly severity: Severity;
  readonly subject: string;
  readonly description: string;
  readonly customFields?: CustomFields;
}
