import type {CustomFields} from '../fields.js';
import type {IsoDateTime} from '../time.js';
import type {RfmSegment} from './rfm.js';

/**
 * Where a customer stands in the life cycle CRM practice describes: attracted (a prospect), acquired (a
 * first contact or sign-up), transacting (buying), retained (buying again), loyal (a repeat buyer who
 * advocates), at risk (activity dropping), churned (gone).
 */
export const lifecycleStages = [
  'attract',
  'acquire',
  'transact',
  'retain',
  'loyal',
  'at_risk',
  'churned',
] as const;
/** One of {@link lifecycleStages}. */
export type LifecycleStage = (typeof lifecycleStages)[number];

/** Whether a customer is a person or an organization (a company buying from the business). */
export const customerKinds = ['person', 'organization'] as const;
/** One of {@link customerKinds}. */
export type CustomerKind = (typeof customerKinds)[number];

/** How a person is named; every part is optional because data from CRMs is incomplete. */
export interface PersonName {
  /** Given (first) name. */
  readonly given?: string;
  /** Family (last) name. */
  readonly family?: string;
}

/**
 * A customer as the widgets show it: one unified customer file. In a CRM it may be backed by a
 * contact, an account or a converted lead.
 */
export interface Customer {
  /** Stable id in the backend. */
  readonly id: string;
  /** Person or organization. */
  readonly kind: CustomerKind;
  /** The name to show: a person's full name or an organization's name. */
  readonly displayName: string;
  /** A person's name parts, when known. */
  readonly name?: PersonName;
  /** The company a person works for, or an organization's legal name. */
  readonly company?: string;
  /** Primary e-mail address. */
  readonly email?: string;
  /** Primary phone number, ideally in E.164 form (`+8613800138000`). */
  readonly phone?: string;
  /** Preferred locale as a BCP 47 tag (`en`, `zh-CN`). */
  readonly locale?: string;
  /** URL of a picture of the customer (https only when shown). */
  readonly avatarUrl?: string;
  /** Stage in the customer life cycle. */
  readonly lifecycleStage: LifecycleStage;
  /** Free-form labels the business uses (`vip`, `wholesale`). */
  readonly tags: readonly string[];
  /** RFM segment, computed from purchases; absent for customers who have not bought. */
  readonly segment?: RfmSegment;
  /** Id of the staff member who owns the relationship. */
  readonly ownerId?: string;
  /** When the record was created. */
  readonly createdAt: IsoDateTime;
  /** When the record last changed. */
  readonly updatedAt: IsoDateTime;
  /** Values of the business's own fields, keyed by custom field key. */
  readonly customFields: CustomFields;
}

/** Channels through which a business and a customer meet. */
export const channels = ['web', 'email', 'phone', 'chat', 'store', 'social', 'app'] as const;
/** One of {@link channels}. */
export type Channel = (typeof channels)[number];

/** Kinds of contact between a business and a customer. */
export const interactionTypes = [
  'call',
  'email',
  'meeting',
  'message',
  'visit',
  'purchase',
  'complaint',
  'note',
] as const;
/** One of {@link interactionTypes}. */
export type InteractionType = (typeof interactionTypes)[number];

/** One contact between the business and a customer, as a timeline shows it. */
export interface Interaction {
  /** Stable id. */
  readonly id: string;
  /** The customer concerned. */
  readonly customerId: string;
  /** Where it happened. */
  readonly channel: Channel;
  /** What kind of contact it was. */
  readonly type: InteractionType;
  /** When it happened. */
  readonly at: IsoDateTime;
  /** One line a person can read ("Asked about delivery times"). */
  readonly summary: string;
  /** Id of the staff member involved, if any. */
  readonly agentId?: string;
}
