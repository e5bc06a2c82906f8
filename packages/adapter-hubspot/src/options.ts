// The adapter's options, and the start-up checks: what can be told without HubSpot (credentials, the
// time zone), then the portal's property definitions and ticket pipeline checked against every option,
// so a wrong option fails at start-up, with its name, not on the first customer's page.
import {
  complaintStatuses,
  defaultSlaPolicy,
  optionError,
  type ComplaintPolicy,
  type ComplaintStatus,
  type Severity,
  type SlaPolicy,
} from '@rapport/core';
import type {HubSpotApi, HubSpotConnection} from './client.js';
import type {HubSpotProperty} from './properties.js';

/** Options of {@link hubspotAdapter}. Give `accessToken` or `oauth`. */
export interface HubSpotAdapterOptions extends HubSpotConnection {
  /** Where HubSpot's API lives. Default `https://api.hubapi.com`. */
  readonly baseUrl?: string;
  /**
   * A unique contact property that Rapport customer ids are values of (`email`). Default none: a
   * customer id is the contact's record id (`hs_object_id`).
   */
  readonly idProperty?: string;
  /**
   * HubSpot-defined contact properties to show as custom fields too (`hs_analytics_source`). Every
   * property the business made (no `hubspotDefined`) is read as a custom field anyway.
   */
  readonly extraProperties?: readonly string[];
  /** The ticket pipeline complaints go to. Default `"0"`, the Support Pipeline. */
  readonly pipeline?: string;
  /**
   * Which complaint status each stage of the pipeline means, by stage id. One stage must be `new`
   * (complaints are created there). Default, for the Support Pipeline: `1` New → new, `2` Waiting on
   * contact → in_progress, `3` Waiting on us → acknowledged, `4` Closed → closed. A stage left out
   * reads as `closed` when HubSpot marks it closed, else `in_progress`.
   */
  readonly stages?: Readonly<Record<string, ComplaintStatus>>;
  /** `hs_ticket_priority` per severity. Default low LOW, medium MEDIUM, high HIGH, critical URGENT. */
  readonly priorities?: Readonly<Partial<Record<Severity, string>>>;
  /**
   * `hs_ticket_category` per complaint category. Default product PRODUCT_ISSUE, billing
   * BILLING_ISSUE, the others GENERAL_INQUIRY. A category left out sets no HubSpot category.
   */
  readonly categories?: Readonly<Record<string, string>>;
  /**
   * Contact properties holding loyalty figures. Without it the adapter does not serve
   * `loyaltyAccounts`: compose it with a loyalty adapter (`composeAdapters`).
   */
  readonly loyalty?: {
    /** A number property with the points balance. */
    readonly points: string;
    /** An enumeration (or text) property with the tier. */
    readonly tier: string;
    /** The programme id loyalty accounts name. Default `hubspot`. */
    readonly programId?: string;
  };
  /**
   * The ticket property holding each submission's idempotency key. It must exist and have unique
   * values (`hasUniqueValue`), so HubSpot itself refuses a second ticket with the same key. Default
   * `rapport_idempotency_key`.
   */
  readonly idempotencyProperty?: string;
  /**
   * A text ticket property where the adapter keeps what HubSpot has no property for: the channel, an
   * anonymous visitor's name and e-mail, and a fingerprint of the input (a reused key with another
   * input is a `conflict`). Default `rapport_submission`.
   */
  readonly submissionProperty?: string;
  /**
   * A multi-line text ticket property where the adapter keeps each complaint's thread: who wrote each
   * reply (notes carry no author but the app), the actions, and the idempotency keys, so an update is
   * written once. Default `rapport_thread`; without it the adapter warns and serves no complaint
   * updates, and `null` turns them off without the warning.
   */
  readonly threadProperty?: string | null;
  /**
   * Which role may take which action on a complaint, checked (with core's state machine) before a
   * reply or stage change reaches HubSpot. Default core's `defaultComplaintPolicy`.
   */
  readonly complaintPolicy?: ComplaintPolicy;
  /** Where start-up warnings go (a feature left off for want of a property). Default `console.warn`. */
  readonly onWarning?: (message: string) => void;
  /** Response and resolution times of complaints. Default core's `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A ticket pipeline as the Pipelines API returns it. */
export interface Pipeline {
  readonly id: string;
  readonly label: string;
  readonly stages: readonly {
    readonly id: string;
    readonly label: string;
    readonly metadata?: {readonly ticketState?: string; readonly isClosed?: string};
  }[];
}

const defaultStages: Readonly<Record<string, ComplaintStatus>> = {
  '1': 'new',
  '2': 'in_progress',
  '3': 'acknowledged',
  '4': 'closed',
};
const defaultPriorities: Readonly<Record<Severity, string>> = {
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'URGENT',
};
const defaultCategories: Readonly<Record<string, string>> = {
  product: 'PRODUCT_ISSUE',
  billing: 'BILLING_ISSUE',
  service: 'GENERAL_INQUIRY',
  delivery: 'GENERAL_INQUIRY',
  staff: 'GENERAL_INQUIRY',
  website: 'GENERAL_INQUIRY',
  other: 'GENERAL_INQUIRY',
};

/** An option the portal does not fit, as `hubspotAdapter: option X: …`. */
export const misconfigured = (option: string, message: string) =>
  optionError('hubspotAdapter', option, message);

/** The options with their defaults, and the portal's definitions they were checked against. */
export interface Portal {
  readonly options: HubSpotAdapterOptions;
  readonly baseUrl: string;
  readonly now: () => number;
  readonly pipelineId: string;
  readonly pipeline: Pipeline;
  readonly stages: Readonly<Record<string, ComplaintStatus>>;
  /** The stage complaints are created in (the one mapped to `new`). */
  readonly newStage: string;
  readonly priorities: Readonly<Record<Severity, string>>;
  readonly categories: Readonly<Record<string, string>>;
  readonly idempotencyProperty: string;
  readonly submissionProperty: string;
  /** The ticket property keeping complaint threads; `null` when complaint updates are not served. */
  readonly threadProperty: string | null;
  readonly slaPolicy: SlaPolicy;
  readonly idProperty: string | undefined;
  /** Contact property definitions, by name. */
  readonly contactProps: ReadonlyMap<string, HubSpotProperty>;
  /** Ticket property definitions, by name. */
  readonly ticketProps: ReadonlyMap<string, HubSpotProperty>;
}

/** The checks that need no HubSpot: credentials and the time zone. */
export function checkOptions(options: HubSpotAdapterOptions): void {
  if (!options.accessToken && !options.oauth)
    throw misconfigured(
      'accessToken',
      'HubSpot needs credentials: give accessToken (a private app token, pat-…) or oauth {clientId, clientSecret, refreshToken}',
    );
  if (options.oauth)
    for (const key of ['clientId', 'clientSecret', 'refreshToken'] as const)
      if (!options.oauth[key])
        throw misconfigured(`oauth.${key}`, 'is required for OAuth; or give accessToken instead');

  const policy = options.complaintPolicy;
  if (
    policy !== undefined &&
    (typeof policy !== 'object' ||
      policy === null ||
      typeof policy.actions !== 'object' ||
      !Number.isFinite(policy.reopenWithinDays))
  )
    throw misconfigured(
      'complaintPolicy',
      'must be {actions: {<role>: [actions]}, reopenWithinDays} like core’s defaultComplaintPolicy',
    );
  if (options.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', {timeZone: options.timeZone});
    } catch {
      throw misconfigured(
        'timeZone',
        `"${options.timeZone}" is not an IANA time zone (such as America/New_York)`,
      );
    }
  }
}

/**
 * Reads the portal's property definitions and ticket pipelines and checks every option against them.
 *
 * @throws RapportError `invalid_input` naming the option (an unknown pipeline, stage or property).
 */
export async function readPortal(
  options: HubSpotAdapterOptions,
  api: HubSpotApi,
  baseUrl: string,
  now: () => number,
): Promise<Portal> {
  const pipelineId = options.pipeline ?? '0';
  const stages = options.stages ?? defaultStages;
  const priorities = {...defaultPriorities, ...options.priorities};
  const categories = options.categories ?? defaultCategories;
  const idempotencyProperty = options.idempotencyProperty ?? 'rapport_idempotency_key';
  const submissionProperty = options.submissionProperty ?? 'rapport_submission';
  const idProperty = options.idProperty;

  const [contactDefs, ticketDefs, pipelines] = await Promise.all([
    api.get<{results: HubSpotProperty[]}>('/crm/v3/properties/contacts'),
    api.get<{results: HubSpotProperty[]}>('/crm/v3/properties/tickets'),
    api.get<{results: Pipeline[]}>('/crm/v3/pipelines/tickets'),
  ]);
  const contactProps = new Map(contactDefs.results.map((p) => [p.name, p]));
  const ticketProps = new Map(ticketDefs.results.map((p) => [p.name, p]));

  const pipeline = pipelines.results.find((p) => p.id === pipelineId);
  if (!pipeline)
    throw misconfigured(
      'pipeline',
      `"${pipelineId}" is not a ticket pipeline of this portal; its pipelines are ${pipelines.results.map((p) => `"${p.id}" (${p.label})`).join(', ') || 'none'}`,
    );
  const stageList = pipeline.stages.map((s) => `"${s.id}" (${s.label})`).join(', ');
  for (const [stage, status] of Object.entries(stages)) {
    if (!pipeline.stages.some((s) => s.id === stage))
      throw misconfigured(
        'stages',
        `"${stage}" is not a stage of pipeline "${pipelineId}"; its stages are ${stageList}`,
      );
    if (!complaintStatuses.includes(status))
      throw misconfigured(
        'stages',
        `stage "${stage}" maps to "${status}", which is not a complaint status (${complaintStatuses.join(', ')})`,
      );
  }
  const newStage = Object.keys(stages).find((stage) => stages[stage] === 'new');
  if (newStage === undefined)
    throw misconfigured(
      'stages',
      `no stage maps to "new", so complaints have nowhere to start; map one of ${stageList} to "new"`,
    );

  const needProperty = (
    option: string,
    name: string,
    defs: Map<string, HubSpotProperty>,
    object: 'contacts' | 'tickets',
  ): HubSpotProperty => {
    const property = defs.get(name);
    if (!property)
      throw misconfigured(
        option,
        `HubSpot has no ${object.slice(0, -1)} property "${name}"; create it (Settings → Properties → ${object === 'contacts' ? 'Contact' : 'Ticket'} properties) or change ${option}`,
      );
    return property;
  };
  if (idProperty !== undefined) {
    const property = needProperty('idProperty', idProperty, contactProps, 'contacts');
    if (idProperty !== 'email' && property.hasUniqueValue !== true)
      throw misconfigured(
        'idProperty',
        `contact property "${idProperty}" does not have unique values, so it cannot identify a customer; use email, the record id (leave idProperty out), or a property made with "unique values"`,
      );
  }
  for (const name of options.extraProperties ?? [])
    needProperty('extraProperties', name, contactProps, 'contacts');
  if (options.loyalty) {
    const points = needProperty('loyalty.points', options.loyalty.points, contactProps, 'contacts');
    if (points.type !== 'number')
      throw misconfigured(
        'loyalty.points',
        `contact property "${points.name}" is of type ${points.type}; points need a number property`,
      );
    needProperty('loyalty.tier', options.loyalty.tier, contactProps, 'contacts');
  }
  const idempotencyDef = ticketProps.get(idempotencyProperty);
  if (!idempotencyDef || idempotencyDef.hasUniqueValue !== true)
    throw misconfigured(
      'idempotencyProperty',
      `${idempotencyDef ? `ticket property "${idempotencyProperty}" must have unique values` : `HubSpot has no ticket property "${idempotencyProperty}"`}: complaints are created exactly once through it. Create it with POST ${baseUrl}/crm/v3/properties/tickets and the body {"name":"${idempotencyProperty}","label":"Rapport idempotency key","type":"string","fieldType":"text","groupName":"ticketinformation","hasUniqueValue":true} (see docs/crm/hubspot.md)`,
    );
  needProperty('submissionProperty', submissionProperty, ticketProps, 'tickets');
  const threadProperty =
    options.threadProperty === null ? null : (options.threadProperty ?? 'rapport_thread');
  const threadFix = `create it with POST ${baseUrl}/crm/v3/properties/tickets and the body {"name":"${threadProperty}","label":"Rapport thread","type":"string","fieldType":"textarea","groupName":"ticketinformation"} (see docs/crm/hubspot.md)`;
  let threads = threadProperty;
  if (threadProperty !== null && !ticketProps.has(threadProperty)) {
    if (options.threadProperty !== undefined)
      throw misconfigured(
        'threadProperty',
        `HubSpot has no ticket property "${threadProperty}"; ${threadFix}`,
      );
    threads = null;
    (options.onWarning ?? console.warn)(
      `hubspotAdapter: HubSpot has no ticket property "${threadProperty}", where complaint threads keep their authors, actions and idempotency keys: complaint updates are not served. To serve them, ${threadFix}; or set threadProperty: null.`,
    );
  } else if (threadProperty !== null && ticketProps.get(threadProperty)!.type !== 'string')
    throw misconfigured(
      'threadProperty',
      `ticket property "${threadProperty}" is of type ${ticketProps.get(threadProperty)!.type}; a thread needs a multi-line text property`,
    );
  const checkOptions = (
    option: string,
    property: string,
    values: readonly (string | undefined)[],
  ): void => {
    const def = ticketProps.get(property);
    if (!def || def.options.length === 0) return;
    for (const value of values)
      if (value !== undefined && !def.options.some((o) => o.value === value))
        throw misconfigured(
          option,
          `"${value}" is not a value of ticket property ${property}; its values are ${def.options.map((o) => o.value).join(', ')}`,
        );
  };
  checkOptions('priorities', 'hs_ticket_priority', Object.values(priorities));
  checkOptions('categories', 'hs_ticket_category', Object.values(categories));

  return {
    options,
    baseUrl,
    now,
    pipelineId,
    pipeline,
    stages,
    newStage,
    priorities,
    categories,
    idempotencyProperty,
    submissionProperty,
    threadProperty: threads,
    slaPolicy: options.slaPolicy ?? defaultSlaPolicy,
    idProperty,
    contactProps,
    ticketProps,
  };
}
