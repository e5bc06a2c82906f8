import {
  RapportError,
  complaintStatuses,
  defaultSlaPolicy,
  invalidInput,
  slaDueDates,
  stableStringify,
  validateComplaintInput,
  validateCustomerId,
  validateEntity,
  validateIdempotencyKey,
  validateKeys,
  validatePage,
  vendorHttp,
  type BatchResult,
  type CallOptions,
  type Channel,
  type Complaint,
  type ComplaintContact,
  type ComplaintInput,
  type ComplaintStatus,
  type CrmAdapter,
  type Customer,
  type Entity,
  type FieldCatalog,
  type FieldDescriptor,
  type Interaction,
  type LifecycleStage,
  type LoyaltyAccount,
  type Page,
  type Severity,
  type SlaPolicy,
} from '@rapport/core';
import {hubspotErrors} from './errors.js';
import {
  customDescriptor,
  formatValue,
  isCustom,
  parseValue,
  type HubSpotProperty,
} from './properties.js';

/** Options of {@link hubspotAdapter}. Give `accessToken` or `oauth`. */
export interface HubSpotAdapterOptions {
  /** A private app's access token (`pat-…`). */
  readonly accessToken?: string;
  /** An OAuth app's credentials: the adapter gets access tokens with the refresh token, and again once on a 401. */
  readonly oauth?: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly refreshToken: string;
  };
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
   * The portal's time zone (IANA, as in Settings → Account defaults): HubSpot resets a DAILY rate
   * limit at midnight there, and the adapter sends nothing until then. Default `UTC`.
   */
  readonly timeZone?: string;
  /** Response and resolution times of complaints. Default core's `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /** The fetch to use. Default the global one. */
  readonly fetch?: typeof fetch;
  /** Milliseconds one HubSpot call may take. Default 15,000. */
  readonly timeoutMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A HubSpot CRM object as the objects API returns it. */
interface HubSpotObject {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}
interface BatchResponse {
  readonly results: readonly HubSpotObject[];
  readonly numErrors?: number;
}
interface Pipeline {
  readonly id: string;
  readonly label: string;
  readonly stages: readonly {
    readonly id: string;
    readonly label: string;
    readonly metadata?: {readonly ticketState?: string; readonly isClosed?: string};
  }[];
}
interface AssociationsPage {
  readonly results: readonly {readonly toObjectId: number | string}[];
  readonly paging?: {readonly next?: {readonly after?: string}};
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

/**
 * HubSpot's lifecycle stages in Rapport's terms. A subscriber has signed up (acquired); leads are
 * still being attracted until sales qualifies them; a customer transacts; an evangelist is loyal.
 */
const lifecycleOf: Readonly<Record<string, LifecycleStage>> = {
  subscriber: 'acquire',
  lead: 'attract',
  marketingqualifiedlead: 'attract',
  salesqualifiedlead: 'acquire',
  opportunity: 'acquire',
  customer: 'transact',
  evangelist: 'loyal',
  other: 'attract',
};

/** Contact properties the model maps; the rest of those requested become custom fields. */
const standardContactProperties = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'company',
  'hs_language',
  'lifecyclestage',
  'hubspot_owner_id',
  'createdate',
  'lastmodifieddate',
] as const;

/** Ticket properties the model maps. */
const standardTicketProperties = [
  'subject',
  'content',
  'hs_pipeline',
  'hs_pipeline_stage',
  'hs_ticket_priority',
  'hs_ticket_category',
  'createdate',
  'hs_lastmodifieddate',
] as const;

/** Engagement objects an interactions list reads, with what Rapport calls them. */
const engagements = [
  {object: 'notes', type: 'note', channel: 'web', summary: 'hs_note_body'},
  {object: 'emails', type: 'email', channel: 'email', summary: 'hs_email_subject'},
  {object: 'calls', type: 'call', channel: 'phone', summary: 'hs_call_title'},
  // A meeting is face to face as often as not; HubSpot does not say which.
  {object: 'meetings', type: 'meeting', channel: 'store', summary: 'hs_meeting_title'},
] as const;

/** Association type ticket → contact (HUBSPOT_DEFINED). */
const TICKET_TO_CONTACT = 16;
/** The most associated records a list reads: lists are bounded like everything else. */
const MAX_LISTED = 1000;
const BATCH = 100;

const misconfigured = (option: string, message: string): RapportError =>
  new RapportError('invalid_input', `hubspotAdapter: option ${option}: ${message}`, {
    fields: {[option]: message},
    details: {option},
  });

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** What the adapter keeps in the submission property. */
interface Submission {
  readonly v: 1;
  readonly fingerprint: string;
  readonly channel: Channel;
  readonly category: string;
  readonly customerId: string | null;
  readonly contact?: ComplaintContact;
}

/** HubSpot's `zh-cn` as BCP 47 `zh-CN`. */
const bcp47 = (language: string): string =>
  language.replace(/[-_]([a-z]{2})$/i, (_m, region: string) => `-${region.toUpperCase()}`);

/**
 * A Rapport adapter for HubSpot CRM: customers from contacts (custom properties as custom fields),
 * complaints as tickets in a pipeline (created exactly once through a unique ticket property),
 * interactions from the contact's notes, e-mails, calls, meetings and tickets, loyalty from contact
 * properties when configured, and field catalogs from the Properties API.
 *
 * It reads the portal's property definitions and ticket pipelines at start-up and checks the options
 * against them, so a wrong option fails here, with its name, not on the first customer's page.
 *
 * @throws RapportError `invalid_input` naming the option (no credentials, an unknown pipeline, stage
 *   or property); `unauthorized` or `forbidden` (naming the scopes) when HubSpot refuses the token.
 */
export async function hubspotAdapter(options: HubSpotAdapterOptions): Promise<CrmAdapter> {
  // Checked before anything reaches HubSpot.
  if (!options.accessToken && !options.oauth)
    throw misconfigured(
      'accessToken',
      'HubSpot needs credentials: give accessToken (a private app token, pat-…) or oauth {clientId, clientSecret, refreshToken}',
    );
  if (options.oauth)
    for (const key of ['clientId', 'clientSecret', 'refreshToken'] as const)
      if (!options.oauth[key])
        throw misconfigured(`oauth.${key}`, 'is required for OAuth; or give accessToken instead');

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
  const baseUrl = (options.baseUrl ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const pipelineId = options.pipeline ?? '0';
  const stages = options.stages ?? defaultStages;
  const priorities = {...defaultPriorities, ...options.priorities};
  const categories = options.categories ?? defaultCategories;
  const idempotencyProperty = options.idempotencyProperty ?? 'rapport_idempotency_key';
  const submissionProperty = options.submissionProperty ?? 'rapport_submission';
  const slaPolicy = options.slaPolicy ?? defaultSlaPolicy;
  const idProperty = options.idProperty;

  let token = options.accessToken;
  let refreshing: Promise<string> | undefined;
  const refresh = (): Promise<string> =>
    (refreshing ??= (async () => {
      const oauth = options.oauth!;
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/oauth/v1/token`, {
          method: 'POST',
          headers: {'content-type': 'application/x-www-form-urlencoded'},
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: oauth.clientId,
            client_secret: oauth.clientSecret,
            refresh_token: oauth.refreshToken,
          }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        // A failed refresh is transient like any unreachable HubSpot: the next call tries again.
        throw new RapportError(
          'unavailable',
          `HubSpot's token endpoint could not be reached (${(error as Error).message})`,
          {cause: error, details: {vendor: 'HubSpot'}},
        );
      }
      const body = (await response.json().catch(() => ({}))) as {
        access_token?: string;
        message?: string;
      };
      if (!response.ok || !body.access_token)
        throw new RapportError(
          'unauthorized',
          `hubspotAdapter: option oauth: HubSpot refused the refresh token (${response.status}${body.message ? `: ${body.message}` : ''}); check oauth.clientId, oauth.clientSecret and oauth.refreshToken`,
          {details: {option: 'oauth', status: response.status}},
        );
      token = body.access_token;
      return token;
    })().finally(() => {
      refreshing = undefined;
    }));

  const http = vendorHttp({
    vendor: 'HubSpot',
    baseUrl,
    authorization: async ({refresh: again}) => {
      if (options.oauth && (again || token === undefined)) return `Bearer ${await refresh()}`;
      return `Bearer ${token}`;
    },
    refreshes: options.oauth !== undefined,
    toError: hubspotErrors(now, options.timeZone),
    ...(options.timeoutMs !== undefined && {timeoutMs: options.timeoutMs}),
    fetch: doFetch,
    now,
  });
  const get = async <T>(path: string, query?: Record<string, string>, signal?: AbortSignal) =>
    (await http.request<T>('GET', path, {...(query && {query}), signal})).body;
  const post = async <T>(path: string, body: unknown, signal?: AbortSignal) =>
    (await http.request<T>('POST', path, {body, signal})).body;

  // Start-up: the portal's definitions, then every option checked against them.
  const [contactDefs, ticketDefs, pipelines] = await Promise.all([
    get<{results: HubSpotProperty[]}>('/crm/v3/properties/contacts'),
    get<{results: HubSpotProperty[]}>('/crm/v3/properties/tickets'),
    get<{results: Pipeline[]}>('/crm/v3/pipelines/tickets'),
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

  // Custom contact properties: everything the business made, and the HubSpot ones asked for.
  const customContact = [
    ...contactDefs.results.filter(isCustom).map((p) => p.name),
    ...(options.extraProperties ?? []),
  ].filter((name) => !(standardContactProperties as readonly string[]).includes(name));
  const contactRequest = [
    ...new Set([
      ...standardContactProperties.filter((name) => contactProps.has(name)),
      ...customContact,
      ...(idProperty ? [idProperty] : []),
    ]),
  ];
  const internal = new Set([idempotencyProperty, submissionProperty]);
  const customTicket = ticketDefs.results
    .filter((p) => isCustom(p) && !internal.has(p.name))
    .map((p) => p.name);
  const ticketRequest = [
    ...standardTicketProperties,
    idempotencyProperty,
    submissionProperty,
    ...customTicket,
  ];

  // ---------- customers ----------
  const idOf = (object: HubSpotObject): string =>
    idProperty ? (object.properties[idProperty] ?? object.id) : object.id;
  const keyMatches = (object: HubSpotObject, key: string): boolean =>
    idProperty === 'email'
      ? (object.properties.email ?? '').toLowerCase() === key.toLowerCase()
      : idOf(object) === key;

  const readContacts = async (keys: readonly string[], signal?: AbortSignal) => {
    const found: HubSpotObject[] = [];
    for (const chunk of chunks(keys, BATCH)) {
      const body = await post<BatchResponse>(
        '/crm/v3/objects/contacts/batch/read',
        {
          ...(idProperty && {idProperty}),
          inputs: chunk.map((id) => ({id})),
          properties: contactRequest,
          propertiesWithHistory: [],
        },
        signal,
      );
      found.push(...body.results);
    }
    return (key: string) => found.find((object) => keyMatches(object, key));
  };

  const toCustomer = (key: string, object: HubSpotObject): Customer => {
    const p = object.properties;
    const given = p.firstname || undefined;
    const family = p.lastname || undefined;
    const displayName =
      [given, family].filter(Boolean).join(' ') || p.email || p.company || `Contact ${object.id}`;
    const customFields: Record<string, ReturnType<typeof parseValue>> = {};
    for (const name of customContact)
      customFields[name] = parseValue(p[name], contactProps.get(name));
    const created = parseValue(p.createdate ?? object.createdAt, {
      name: 'createdate',
      type: 'datetime',
    } as HubSpotProperty);
    const updated = parseValue(p.lastmodifieddate ?? object.updatedAt, {
      name: 'lastmodifieddate',
      type: 'datetime',
    } as HubSpotProperty);
    return {
      id: key,
      kind: 'person',
      displayName,
      ...((given || family) && {name: {...(given && {given}), ...(family && {family})}}),
      ...(p.company && {company: p.company}),
      ...(p.email && {email: p.email}),
      ...(p.phone && {phone: p.phone}),
      ...(p.hs_language && {locale: bcp47(p.hs_language)}),
      lifecycleStage: lifecycleOf[p.lifecyclestage ?? ''] ?? 'attract',
      tags: [],
      ...(p.hubspot_owner_id && {ownerId: p.hubspot_owner_id}),
      createdAt: typeof created === 'string' ? created : new Date(0).toISOString(),
      updatedAt:
        typeof updated === 'string'
          ? updated
          : typeof created === 'string'
            ? created
            : new Date(0).toISOString(),
      customFields,
    };
  };

  // Customer id → contact record id, for a minute: every create and list needs it, and it does not
  // change. Bounded; unknown customers are never kept, so a new contact is found at once.
  const contactIds = new Map<string, {readonly id: string; readonly at: number}>();
  /** The record id of a customer's contact; `undefined` when there is none. */
  const contactIdOf = async (customerId: string, signal?: AbortSignal) => {
    const known = contactIds.get(customerId);
    if (known && now() - known.at < 60_000) return known.id;
    try {
      const contact = await get<HubSpotObject>(
        `/crm/v3/objects/contacts/${encodeURIComponent(customerId)}`,
        {properties: 'hs_object_id', ...(idProperty && {idProperty})},
        signal,
      );
      if (contactIds.size >= 1000) contactIds.delete(contactIds.keys().next().value!);
      contactIds.set(customerId, {id: contact.id, at: now()});
      return contact.id;
    } catch (error) {
      if (error instanceof RapportError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  const needContact = async (customerId: string, signal?: AbortSignal): Promise<string> => {
    const id = await contactIdOf(customerId, signal);
    if (id === undefined)
      throw new RapportError('not_found', `HubSpot has no contact ${JSON.stringify(customerId)}`, {
        details: {customerId},
      });
    return id;
  };

  /** Record ids of the contact's associated `object`s, up to MAX_LISTED. */
  const associated = async (contactId: string, object: string, signal?: AbortSignal) => {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await get<AssociationsPage>(
        `/crm/v4/objects/contacts/${encodeURIComponent(contactId)}/associations/${object}`,
        {limit: '500', ...(after && {after})},
        signal,
      );
      ids.push(...page.results.map((r) => String(r.toObjectId)));
      after = page.paging?.next?.after;
    } while (after && ids.length < MAX_LISTED);
    return ids.slice(0, MAX_LISTED);
  };
  const batchRead = async (
    object: string,
    ids: readonly string[],
    properties: readonly string[],
    signal?: AbortSignal,
  ) => {
    const out: HubSpotObject[] = [];
    for (const chunk of chunks(ids, BATCH))
      out.push(
        ...(
          await post<BatchResponse>(
            `/crm/v3/objects/${object}/batch/read`,
            {inputs: chunk.map((id) => ({id})), properties, propertiesWithHistory: []},
            signal,
          )
        ).results,
      );
    return out;
  };

  // ---------- complaints ----------
  const statusOf = (stage: string | null): ComplaintStatus => {
    const mapped = stage !== null ? stages[stage] : undefined;
    if (mapped) return mapped;
    const def = pipeline.stages.find((s) => s.id === stage);
    return def?.metadata?.ticketState === 'CLOSED' || def?.metadata?.isClosed === 'true'
      ? 'closed'
      : 'in_progress';
  };
  const submissionOf = (ticket: HubSpotObject): Submission | undefined => {
    try {
      const parsed = JSON.parse(ticket.properties[submissionProperty] ?? '') as Submission;
      return parsed?.v === 1 ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  const toComplaint = (ticket: HubSpotObject, customerId: string | null): Complaint => {
    const p = ticket.properties;
    const submission = submissionOf(ticket);
    const createdAt =
      (parseValue(p.createdate ?? ticket.createdAt, {type: 'datetime'} as HubSpotProperty) as
        string | null) ?? new Date(0).toISOString();
    const updatedAt =
      (parseValue(p.hs_lastmodifieddate ?? ticket.updatedAt, {
        type: 'datetime',
      } as HubSpotProperty) as string | null) ?? createdAt;
    const severity =
      (Object.keys(priorities) as Severity[]).find((s) => priorities[s] === p.hs_ticket_priority) ??
      'medium';
    const category =
      submission && categories[submission.category] === (p.hs_ticket_category ?? undefined)
        ? submission.category
        : (Object.keys(categories).find((c) => categories[c] === p.hs_ticket_category) ??
          submission?.category ??
          'other');
    const status = statusOf(p.hs_pipeline_stage ?? null);
    const customFields: Record<string, ReturnType<typeof parseValue>> = {};
    for (const name of customTicket)
      customFields[name] = parseValue(p[name], ticketProps.get(name));
    return {
      id: ticket.id,
      reference: `HS-${ticket.id}`,
      customerId: submission ? submission.customerId : customerId,
      ...(submission?.contact && {contact: submission.contact}),
      channel: submission?.channel ?? 'web',
      category,
      severity,
      subject: p.subject ?? '',
      description: p.content ?? '',
      status,
      createdAt,
      updatedAt,
      ...((status === 'closed' || status === 'rejected') && {closedAt: updatedAt}),
      ...slaDueDates(createdAt, severity, slaPolicy),
      customFields,
      history: [],
    };
  };

  const fingerprint = async (input: ComplaintInput): Promise<string> => {
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(stableStringify(input)),
    );
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  const ticketByKey = async (key: string, signal?: AbortSignal) => {
    try {
      return await get<HubSpotObject>(
        `/crm/v3/objects/tickets/${encodeURIComponent(key)}`,
        {idProperty: idempotencyProperty, properties: ticketRequest.join(',')},
        signal,
      );
    } catch (error) {
      if (error instanceof RapportError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  const replay = (ticket: HubSpotObject, print: string): Complaint => {
    const submission = submissionOf(ticket);
    if (submission?.fingerprint !== print)
      throw new RapportError(
        'conflict',
        `The idempotency key was used for another complaint (HubSpot ticket ${ticket.id}); use a new key for a new submission`,
        {details: {ticketId: ticket.id}},
      );
    return toComplaint(ticket, submission.customerId);
  };

  const createComplaint = async (
    input: ComplaintInput,
    write: {idempotencyKey: string; signal?: AbortSignal},
  ): Promise<Complaint> => {
    write?.signal?.throwIfAborted();
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const checked = validateComplaintInput(input);
    const signal = write.signal;
    const problems: Record<string, string> = {};
    for (const name of Object.keys(checked.customFields ?? {}))
      if (!customTicket.includes(name))
        problems[`customFields.${name}`] = 'is not a custom ticket property in HubSpot';
    if (Object.keys(problems).length > 0)
      throw new RapportError(
        'invalid_input',
        `The complaint is not valid: ${Object.entries(problems)
          .map(([f, m]) => `${f} ${m}`)
          .join('; ')}`,
        {fields: problems},
      );
    const print = await fingerprint(checked);
    // Exactly once, kept by HubSpot itself: the key is a unique ticket property, so a retry finds
    // the ticket an earlier attempt stored, even when that attempt's answer was lost.
    const existing = await ticketByKey(key, signal);
    if (existing) return replay(existing, print);
    let contactId: string | undefined;
    if (checked.customerId !== undefined) {
      contactId = await contactIdOf(checked.customerId, signal);
      if (contactId === undefined) throw invalidInput('customerId', 'is not a contact in HubSpot');
    }
    const submission: Submission = {
      v: 1,
      fingerprint: print,
      channel: checked.channel,
      category: checked.category,
      customerId: checked.customerId ?? null,
      ...(checked.contact && {contact: checked.contact}),
    };
    const priority = priorities[checked.severity];
    const category = categories[checked.category];
    const properties: Record<string, string> = {
      subject: checked.subject,
      content: checked.description,
      hs_pipeline: pipelineId,
      hs_pipeline_stage: newStage,
      ...(priority && {hs_ticket_priority: priority}),
      ...(category && {hs_ticket_category: category}),
      [idempotencyProperty]: key,
      [submissionProperty]: JSON.stringify(submission),
    };
    for (const [name, value] of Object.entries(checked.customFields ?? {}))
      properties[name] = formatValue(value);
    signal?.throwIfAborted();
    try {
      const ticket = await post<HubSpotObject>(
        '/crm/v3/objects/tickets',
        {
          properties,
          ...(contactId && {
            associations: [
              {
                to: {id: contactId},
                types: [
                  {associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TICKET_TO_CONTACT},
                ],
              },
            ],
          }),
        },
        signal,
      );
      return toComplaint(ticket, submission.customerId);
    } catch (error) {
      // A concurrent or earlier attempt holds the key: the ticket is HubSpot's, read it.
      if (error instanceof RapportError && error.code === 'conflict') {
        const stored = await ticketByKey(key, signal);
        if (stored) return replay(stored, print);
      }
      throw error;
    }
  };

  const listComplaints = async (
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o: CallOptions = {},
  ): Promise<Page<Complaint>> => {
    o.signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const offset = offsetOf(cursor);
    const contactId = await needContact(id, o.signal);
    const ids = await associated(contactId, 'tickets', o.signal);
    const tickets = (await batchRead('tickets', ids, ticketRequest, o.signal))
      .filter((t) => t.properties.hs_pipeline === pipelineId || !t.properties.hs_pipeline)
      .map((t) => toComplaint(t, id))
      // Listed under this customer: an anonymous ticket an agent linked to the contact is theirs now.
      .map((c) => (c.customerId === id ? c : {...c, customerId: id}))
      .sort(newest((c) => c.createdAt));
    return pageOf(tickets, offset, limit);
  };

  // ---------- interactions ----------
  const listInteractions = async (
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o: CallOptions = {},
  ): Promise<Page<Interaction>> => {
    o.signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const offset = offsetOf(cursor);
    const contactId = await needContact(id, o.signal);
    const items: Interaction[] = [];
    await Promise.all(
      engagements.map(async (kind) => {
        const ids = await associated(contactId, kind.object, o.signal);
        const objects = await batchRead(
          kind.object,
          ids,
          ['hs_timestamp', kind.summary, 'hubspot_owner_id', 'hs_createdate'],
          o.signal,
        );
        for (const object of objects) {
          const p = object.properties;
          const at = parseValue(p.hs_timestamp ?? p.hs_createdate ?? object.createdAt, {
            type: 'datetime',
          } as HubSpotProperty);
          items.push({
            id: `${kind.type}-${object.id}`,
            customerId: id,
            channel: kind.channel,
            type: kind.type,
            at: typeof at === 'string' ? at : new Date(0).toISOString(),
            summary: plain(p[kind.summary] ?? '') || kind.type,
            ...(p.hubspot_owner_id && {agentId: p.hubspot_owner_id}),
          });
        }
      }),
    );
    // Tickets are complaints, and a complaint is an interaction (the catalogue says so).
    const ticketIds = await associated(contactId, 'tickets', o.signal);
    for (const ticket of await batchRead('tickets', ticketIds, ticketRequest, o.signal)) {
      const complaint = toComplaint(ticket, id);
      items.push({
        id: `complaint-${ticket.id}`,
        customerId: id,
        channel: complaint.channel,
        type: 'complaint',
        at: complaint.createdAt,
        summary: `${complaint.reference}: ${complaint.subject}`,
      });
    }
    return pageOf(items.sort(newest((i) => i.at)), offset, limit);
  };

  // ---------- loyalty ----------
  const loyalty = options.loyalty;
  const readLoyalty = async (
    keys: readonly string[],
    o: CallOptions = {},
  ): Promise<BatchResult<LoyaltyAccount>> => {
    o.signal?.throwIfAborted();
    const distinct = validateKeys(keys, BATCH);
    if (distinct.length === 0) return [];
    const find = await readContacts(distinct, o.signal);
    const tierDef = contactProps.get(loyalty!.tier);
    return distinct.map((key) => {
      const contact = find(key);
      const points = contact
        ? parseValue(contact.properties[loyalty!.points], contactProps.get(loyalty!.points))
        : null;
      if (!contact || typeof points !== 'number') return {id: key, record: null};
      const tier = contact.properties[loyalty!.tier] ?? '';
      const tierName = tierDef?.options.find((option) => option.value === tier)?.label ?? tier;
      const record: LoyaltyAccount = {
        customerId: key,
        programId: loyalty!.programId ?? 'hubspot',
        balance: points,
        pending: 0,
        lifetimePoints: points,
        qualifyingAmount: points,
        tierId: tier,
        tierName,
        // HubSpot holds the tier, not the programme's thresholds: no next tier to count towards.
        nextTierId: null,
        nextTierName: null,
        toNextTier: 0,
        tierProgress: 1,
        expiringSoon: [],
        coupons: [],
        // The figures are the contact's, as of its last change: the same answer for the same data.
        asOf: toCustomer(key, contact).updatedAt,
      };
      return {id: key, record};
    });
  };

  // ---------- describeFields ----------
  const labelOf = (defs: Map<string, HubSpotProperty>, name: string, fallback: string) =>
    defs.get(name)?.label || fallback;
  const optionsOf = (values: readonly string[]) =>
    values.map((value) => ({value, label: value.replace(/_/g, ' ')}));
  const catalogs: Partial<Record<Entity, FieldCatalog>> = {
    customer: {
      entity: 'customer',
      fields: [
        {path: 'displayName', label: 'Name', type: 'text', custom: false, readOnly: true},
        {
          path: 'name.given',
          label: labelOf(contactProps, 'firstname', 'First name'),
          type: 'text',
          custom: false,
        },
        {
          path: 'name.family',
          label: labelOf(contactProps, 'lastname', 'Last name'),
          type: 'text',
          custom: false,
        },
        {
          path: 'company',
          label: labelOf(contactProps, 'company', 'Company'),
          type: 'text',
          custom: false,
        },
        {
          path: 'email',
          label: labelOf(contactProps, 'email', 'Email'),
          type: 'email',
          custom: false,
        },
        {
          path: 'phone',
          label: labelOf(contactProps, 'phone', 'Phone'),
          type: 'phone',
          custom: false,
        },
        {
          path: 'locale',
          label: labelOf(contactProps, 'hs_language', 'Language'),
          type: 'text',
          custom: false,
        },
        {
          path: 'lifecycleStage',
          label: labelOf(contactProps, 'lifecyclestage', 'Lifecycle stage'),
          type: 'select',
          custom: false,
          options: optionsOf([...new Set(Object.values(lifecycleOf))]),
        },
        {
          path: 'ownerId',
          label: labelOf(contactProps, 'hubspot_owner_id', 'Owner'),
          type: 'text',
          custom: false,
        },
        {
          path: 'createdAt',
          label: labelOf(contactProps, 'createdate', 'Create date'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        {
          path: 'updatedAt',
          label: labelOf(contactProps, 'lastmodifieddate', 'Last modified'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        ...customContact.map((name) => customDescriptor(contactProps.get(name)!)),
      ],
    },
    complaint: {
      entity: 'complaint',
      fields: [
        {path: 'reference', label: 'Reference', type: 'text', custom: false, readOnly: true},
        {
          path: 'subject',
          label: labelOf(ticketProps, 'subject', 'Subject'),
          type: 'text',
          custom: false,
        },
        {
          path: 'description',
          label: labelOf(ticketProps, 'content', 'Description'),
          type: 'longtext',
          custom: false,
        },
        {
          path: 'category',
          label: labelOf(ticketProps, 'hs_ticket_category', 'Category'),
          type: 'select',
          custom: false,
          options: optionsOf(Object.keys(categories)),
        },
        {
          path: 'severity',
          label: labelOf(ticketProps, 'hs_ticket_priority', 'Priority'),
          type: 'select',
          custom: false,
          options: optionsOf(Object.keys(priorities)),
        },
        {
          path: 'status',
          label: labelOf(ticketProps, 'hs_pipeline_stage', 'Status'),
          type: 'select',
          custom: false,
          readOnly: true,
          options: optionsOf(complaintStatuses),
        },
        {
          path: 'createdAt',
          label: labelOf(ticketProps, 'createdate', 'Create date'),
          type: 'datetime',
          custom: false,
          readOnly: true,
        },
        {path: 'contact.name', label: 'Your name', type: 'text', custom: false},
        {path: 'contact.email', label: 'Your email', type: 'email', custom: false},
        ...customTicket.map((name) => customDescriptor(ticketProps.get(name)!)),
      ],
    },
    ...(loyalty && {
      loyalty: {
        entity: 'loyalty',
        fields: [
          {
            path: 'balance',
            label: labelOf(contactProps, loyalty.points, 'Points'),
            type: 'points',
            custom: false,
            readOnly: true,
          },
          {
            path: 'tierId',
            label: labelOf(contactProps, loyalty.tier, 'Tier'),
            type: 'tier',
            custom: false,
            readOnly: true,
          },
        ] satisfies FieldDescriptor[],
      },
    }),
  };
  const entities = (['customer', 'loyalty', 'complaint'] as const).filter((e) => catalogs[e]);

  return {
    name: 'hubspot',
    capabilities: {maxBatchSize: BATCH, entities, customFieldsWritable: true},
    resources: {
      customers: {
        async read(keys, o = {}) {
          o.signal?.throwIfAborted();
          const distinct = validateKeys(keys, BATCH);
          if (distinct.length === 0) return [];
          const find = await readContacts(distinct, o.signal);
          return distinct.map((key) => {
            const contact = find(key);
            return {id: key, record: contact ? toCustomer(key, contact) : null};
          });
        },
      },
      ...(loyalty && {loyaltyAccounts: {read: readLoyalty}}),
      complaints: {list: listComplaints, create: createComplaint},
      interactions: {list: listInteractions},
    },
    async describeFields(entity, o = {}) {
      o.signal?.throwIfAborted();
      return catalogs[validateEntity(entity, entities)]!;
    },
  };
}

/** Newest first by a date, then by id, so pages are stable when two share a millisecond. */
function newest<T extends {readonly id: string}>(at: (item: T) => string) {
  return (a: T, b: T): number =>
    Date.parse(at(b)) - Date.parse(at(a)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(offset))
    throw invalidInput('cursor', 'is not a cursor this backend gave out');
  return offset;
}

function pageOf<T>(all: readonly T[], offset: number, limit: number): Page<T> {
  return {
    items: all.slice(offset, offset + limit),
    nextCursor: offset + limit < all.length ? String(offset + limit) : null,
    total: all.length,
  };
}

/** A note's HTML body as one line of text, for a timeline (it is shown as text, never as HTML). */
function plain(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
