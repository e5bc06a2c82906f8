import type {Complaint, ComplaintInput} from '../complaints/complaint.js';
import type {Customer, Interaction} from '../customers/customer.js';
import type {Entity} from '../fields.js';
import type {LoyaltyAccount, PointsTransaction} from '../loyalty/program.js';
import type {Redemption, RedemptionInput, Reward} from '../loyalty/rewards.js';
import type {ComplaintUpdate, ComplaintUpdateInput} from '../complaints/updates.js';
import type {SurveyAnswer, SurveyAnswerInput} from '../metrics/surveys.js';
import type {Purchase} from '../customers/purchase.js';
import type {Deal} from '../sales/deal.js';

/**
 * What a resource can offer: `read` a batch of records by key, `list` a customer's records page by
 * page (newest first), `create` a record with an idempotency key.
 */
export const resourceOperations = ['read', 'list', 'create'] as const;
/** One of {@link resourceOperations}. */
export type ResourceOperation = (typeof resourceOperations)[number];

/**
 * One resource, declared once. Its type parameters carry the record and the create input, so the
 * adapter contract, the client and the wire are typed from this one declaration.
 */
export interface ResourceDefinition<
  TRecord = unknown,
  TInput = unknown,
  TOperation extends ResourceOperation = ResourceOperation,
> {
  /** What the resource offers. */
  readonly operations: readonly TOperation[];
  /** The customization entity whose fields describe a record; absent when documents name none. */
  readonly entity?: Entity;
  /** The property a batch read looks records up by (`id`; `customerId` for one record per customer). */
  readonly key: string;
  /** The property naming the customer a record belongs to: who may read it, whose lists change. */
  readonly owner: string;
  /**
   * For `list`: the date property lists are ordered by, newest first; absent for a list with an order
   * of its own (a member's rewards come as `offerRewards` orders them).
   */
  readonly orderedBy?: string;
  /** For `create`: other resources whose lists a new record changes (a complaint is an interaction). */
  readonly affects?: readonly string[];
  /** The standard model paths a customization document may use as field sources. */
  readonly fields: readonly string[];
  /**
   * Properties every role receives, whatever the document names: the ids, references and states widgets
   * need to show and link a record. (`key` and `owner` always are.) A document field naming one can
   * still mask or hide it for a role.
   */
  readonly essentials?: readonly string[];
  /**
   * Properties that go with another property, by source: `tierName` says what `tierId` says. The gateway
   * sends them only with that property, and masks or removes them with it.
   */
  readonly reveals?: Readonly<Record<string, readonly string[]>>;
  /**
   * For a resource without an entity: properties that repeat another entity's field (an interaction's
   * `summary` is a complaint's `subject`). The gateway sends them to a role only as that field's rules
   * allow.
   */
  readonly repeats?: Readonly<Record<string, {readonly entity: Entity; readonly source: string}>>;
  /** Never set: carries the record type for the compiler. */
  readonly recordType?: TRecord;
  /** Never set: carries the create input type for the compiler (its check is in `inputChecks`). */
  readonly inputType?: TInput;
}

/** A set of resources by name. Names are camelCase; routes use them in kebab-case. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any record and input: a bound, not a value
export type Catalogue = Readonly<Record<string, ResourceDefinition<any, any>>>;

/**
 * Declares a resource: `resource<Reward>()({operations: ['read'], key: 'id', …})`. The two calls let
 * the record type be given while the operations are inferred.
 */
export function resource<TRecord, TInput = never>() {
  return <const TOperation extends ResourceOperation>(
    definition: Omit<
      ResourceDefinition<TRecord, TInput, TOperation>,
      'recordType' | 'inputType' | 'key' | 'owner' | 'orderedBy'
    > & {
      readonly key: string & keyof TRecord;
      readonly owner: string & keyof TRecord;
      readonly orderedBy?: string & keyof TRecord;
    },
  ): ResourceDefinition<TRecord, TInput, TOperation> => definition;
}

/** The record type of a resource definition. */
/* eslint-disable @typescript-eslint/no-explicit-any -- type-level pattern matching */
export type RecordOf<D> = D extends ResourceDefinition<infer R, any, any> ? R : never;
/** The create input type of a resource definition. */
export type InputOf<D> = D extends ResourceDefinition<any, infer I, any> ? I : never;
/** The operations of a resource definition. */
export type OperationsOf<D> = D extends ResourceDefinition<any, any, infer O> ? O : never;
/* eslint-enable @typescript-eslint/no-explicit-any */
/** The names of a catalogue's resources that offer `operation`. */
export type ResourcesWith<C extends Catalogue, O extends ResourceOperation> = {
  [N in keyof C]: O extends OperationsOf<C[N]> ? N : never;
}[keyof C] &
  string;

/**
 * Rapport's resources. Adding one takes an entry here (and, for a create, its check in
 * `inputChecks`), its implementation in the adapters that serve it, and a widget that shows it: the
 * client, the gateway's routes, redaction, adapter-http and the conformance kit follow this table.
 * See docs/adapters.md.
 */
export const catalogue = {
  customers: resource<Customer>()({
    operations: ['read'],
    entity: 'customer',
    key: 'id',
    owner: 'id',
    essentials: ['kind'],
    reveals: {displayName: ['name.given', 'name.family']},
    fields: [
      'id',
      'kind',
      'displayName',
      'name.given',
      'name.family',
      'company',
      'email',
      'phone',
      'locale',
      'avatarUrl',
      'lifecycleStage',
      'tags',
      'segment',
      'ownerId',
      'createdAt',
      'updatedAt',
    ],
  }),
  loyaltyAccounts: resource<LoyaltyAccount>()({
    operations: ['read'],
    entity: 'loyalty',
    key: 'customerId',
    owner: 'customerId',
    fields: [
      'programId',
      'balance',
      'pending',
      'lifetimePoints',
      'qualifyingAmount',
      'tierId',
      'nextTierId',
      'toNextTier',
    ],
    essentials: ['programId', 'asOf'],
    reveals: {
      tierId: ['tierName', 'tierColor', 'tierBenefits'],
      nextTierId: ['nextTierName'],
      toNextTier: ['tierProgress', 'nextTierId', 'nextTierName'],
      // Coupons hold redeemable codes: they go where the points go.
      balance: ['expiringSoon', 'coupons'],
    },
  }),
  complaints: resource<Complaint, ComplaintInput>()({
    operations: ['list', 'create'],
    entity: 'complaint',
    key: 'id',
    owner: 'customerId',
    orderedBy: 'createdAt',
    // The clock's facts a tracker needs whatever the document shows: whether a reply is still due,
    // and since when a customer may reopen.
    essentials: [
      'reference',
      'status',
      'createdAt',
      'responseDueAt',
      'resolutionDueAt',
      'firstResponseAt',
      'resolvedAt',
    ],
    affects: ['interactions'],
    fields: [
      'id',
      'reference',
      'customerId',
      'contact.name',
      'contact.email',
      'channel',
      'category',
      'severity',
      'subject',
      'description',
      'status',
      'createdAt',
      'updatedAt',
      'firstResponseAt',
      'resolvedAt',
      'responseDueAt',
      'resolutionDueAt',
      'resolution',
    ],
  }),
  interactions: resource<Interaction>()({
    operations: ['list'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'at',
    essentials: ['channel', 'type', 'at'],
    repeats: {summary: {entity: 'complaint', source: 'subject'}},
    fields: ['id', 'customerId', 'channel', 'type', 'at', 'summary', 'agentId'],
  }),
  pointsTransactions: resource<PointsTransaction>()({
    operations: ['list'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'at',
    // A statement line's points and reason go where the balance goes (the loyalty `balance` field).
    essentials: ['type', 'at', 'availableAt'],
    repeats: {
      points: {entity: 'loyalty', source: 'balance'},
      reason: {entity: 'loyalty', source: 'balance'},
    },
    fields: ['id', 'customerId', 'type', 'points', 'at', 'availableAt', 'reason'],
  }),
  rewards: resource<Reward>()({
    // A member's rewards: the programme's catalogue as that member may redeem it, in the order
    // `offerRewards` gives (what they can redeem first), not by date.
    operations: ['list'],
    entity: 'reward',
    key: 'id',
    owner: 'customerId',
    essentials: ['kind', 'cost', 'refusal', 'pointsShort', 'redeemedCount'],
    reveals: {minimumTierId: ['minimumTierName'], kind: ['discount', 'validDays']},
    fields: [
      'id',
      'name',
      'description',
      'cost',
      'kind',
      'minimumTierId',
      'limitPerCustomer',
      'availableFrom',
      'availableUntil',
      'stock',
    ],
  }),
  redemptions: resource<Redemption, RedemptionInput>()({
    operations: ['list', 'create'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'createdAt',
    essentials: ['rewardId', 'rewardName', 'kind', 'transactionId', 'createdAt'],
    // Codes are redeemable, and points are the balance's: both go where the balance goes.
    repeats: {
      points: {entity: 'loyalty', source: 'balance'},
      code: {entity: 'loyalty', source: 'balance'},
    },
    // The balance, the coupons, the rewards' standing and the points history all change.
    affects: ['loyaltyAccounts', 'rewards', 'pointsTransactions'],
    fields: ['id', 'customerId', 'rewardId', 'rewardName', 'points', 'code', 'createdAt'],
  }),
  complaintUpdates: resource<ComplaintUpdate, ComplaintUpdateInput>()({
    // The public thread of a customer's complaints, newest first; a tracker groups it by complaint.
    operations: ['list', 'create'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'at',
    // Who wrote a line by kind and role; an agent's id stays on the server unless a field names it.
    essentials: ['complaintId', 'author.kind', 'author.role', 'action', 'status', 'at'],
    affects: ['complaints'],
    repeats: {body: {entity: 'complaint', source: 'description'}},
    fields: [
      'id',
      'complaintId',
      'customerId',
      'author.kind',
      'author.role',
      'author.id',
      'body',
      'action',
      'status',
      'at',
    ],
  }),
  surveyAnswers: resource<SurveyAnswer, SurveyAnswerInput>()({
    operations: ['list', 'create'],
    entity: 'survey',
    key: 'id',
    owner: 'customerId',
    orderedBy: 'createdAt',
    essentials: ['complaintId', 'kind', 'createdAt'],
    fields: ['id', 'customerId', 'complaintId', 'kind', 'score', 'comment', 'createdAt'],
  }),
  purchases: resource<Purchase>()({
    // Orders and refunds: what segments and customer value are computed from. No route serves them;
    // reports read them on the server with `scan`.
    operations: [],
    key: 'orderId',
    owner: 'customerId',
    fields: [],
  }),
  deals: resource<Deal>()({
    // Sales opportunities: what the pipeline report adds up. No route serves them yet; reports read
    // them on the server with `scan`.
    operations: [],
    key: 'id',
    owner: 'customerId',
    fields: [],
  }),
} as const;

/** Rapport's catalogue, as a type. */
export type RapportCatalogue = typeof catalogue;
/** The name of one of Rapport's resources. */
export type ResourceName = keyof RapportCatalogue;

/** The resource whose records a customization entity describes. */
export function resourceOfEntity<C extends Catalogue>(
  entity: Entity,
  resources: C = catalogue as unknown as C,
): (keyof C & string) | undefined {
  return (Object.keys(resources) as (keyof C & string)[]).find(
    (name) => resources[name]!.entity === entity,
  );
}

/** The properties every role receives of a resource's records: its key, its owner and its `essentials`. */
export function essentialsOf(definition: ResourceDefinition): string[] {
  return [...new Set([definition.key, definition.owner, ...(definition.essentials ?? [])])];
}

/** The names of a catalogue's resources that offer `operation`, in catalogue order. */
export function resourcesWith<C extends Catalogue, O extends ResourceOperation>(
  resources: C,
  operation: O,
): ResourcesWith<C, O>[] {
  return (Object.keys(resources) as ResourcesWith<C, O>[]).filter((name) =>
    (resources[name]!.operations as readonly ResourceOperation[]).includes(operation),
  );
}
