import {
  complaintStatuses,
  optionError as coreOptionError,
  severities,
  type RapportError,
  type ComplaintPolicy,
  type ComplaintStatus,
  type Severity,
  type SlaPolicy,
} from '@rapport/core';
import {
  zendeskPriorities,
  zendeskStatuses,
  zendeskTicketTypes,
  type ZendeskPriority,
  type ZendeskStatus,
  type ZendeskTicketType,
} from './zendesk-types.js';

/** An API token with the e-mail address of the agent it belongs to (Basic `email/token:apitoken`). */
export interface ZendeskApiTokenCredentials {
  readonly email: string;
  readonly apiToken: string;
}

/**
 * An OAuth access token (Bearer). A function is called for every request, and once with
 * `refresh: true` after a 401, so it can return a fresh token.
 */
export interface ZendeskOAuthCredentials {
  readonly oauthToken:
    string | ((options: {readonly refresh: boolean}) => string | Promise<string>);
}

/** Options of {@link zendeskAdapter}. */
export interface ZendeskAdapterOptions {
  /** The account's subdomain: `acme` for https://acme.zendesk.com. Give this or `baseUrl`. */
  readonly subdomain?: string;
  /** The API's origin, for a host-mapped account or a test: `https://support.acme.com`. */
  readonly baseUrl?: string;
  /** How to sign in. Keep them on the server: run the adapter behind the gateway. */
  readonly credentials: ZendeskApiTokenCredentials | ZendeskOAuthCredentials;
  /**
   * What a Rapport customer id is: the Zendesk user id (`'id'`, default), or the user's primary
   * e-mail address (`'email'`, looked up with `GET /api/v2/users/search.json?query=email:…`, one
   * call per address).
   */
  readonly lookUpBy?: 'id' | 'email';
  /**
   * Ticket priority per Rapport severity. Default: low → low, medium → normal, high → high,
   * critical → urgent. Two severities may not share a priority (a ticket's severity is read back
   * from its priority).
   */
  readonly severities?: Partial<Readonly<Record<Severity, ZendeskPriority>>>;
  /**
   * Rapport status per ticket status. Default: new → new, open → acknowledged, pending →
   * in_progress, hold → in_progress, solved → resolved, closed → closed.
   */
  readonly statuses?: Partial<Readonly<Record<ZendeskStatus, ComplaintStatus>>>;
  /**
   * The id of a ticket field (drop-down or text) that holds the complaint's category. Without it the
   * category travels as a tag, `rapport_category_<category>` (lower case, `_` for anything but
   * letters, digits and `-`), which Zendesk can route on but which cannot hold every spelling.
   */
  readonly categoryField?: number;
  /** The ticket type of a complaint. Default `problem`; `null` leaves the type empty. */
  readonly ticketType?: ZendeskTicketType | null;
  /**
   * Rapport custom field key → ticket field id: `{orderNumber: 360001234567}`. Only these are written
   * and read on complaints; each must exist and be active in the account (checked at start-up).
   * Customer custom fields need no mapping: every active user field appears under its own key.
   */
  readonly customFields?: Readonly<Record<string, number>>;
  /** Response and resolution targets for the due dates of complaints. Default core's `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /**
   * How many of a customer's newest tickets interactions and complaint updates are read from (1 to
   * 100). Default 20.
   */
  readonly interactionTickets?: number;
  /**
   * Which role may take which action on a complaint, checked (with core's state machine) before a
   * reply or status change reaches Zendesk. Default core's `defaultComplaintPolicy`; give the
   * gateway's policy so both refuse the same.
   */
  readonly complaintPolicy?: ComplaintPolicy;
  /** Milliseconds one Zendesk request may take. Default 15,000. */
  readonly timeoutMs?: number;
  /** The fetch to use. Default the global one (msw intercepts it in tests). */
  readonly fetch?: typeof fetch;
  /**
   * The clock, in milliseconds since the epoch: how long requesters stay remembered between creates,
   * and rate-limit pauses. Default `Date.now`.
   */
  readonly now?: () => number;
}

export const defaultSeverities: Readonly<Record<Severity, ZendeskPriority>> = {
  low: 'low',
  medium: 'normal',
  high: 'high',
  critical: 'urgent',
};

export const defaultStatuses: Readonly<Record<ZendeskStatus, ComplaintStatus>> = {
  new: 'new',
  open: 'acknowledged',
  pending: 'in_progress',
  hold: 'in_progress',
  solved: 'resolved',
  closed: 'closed',
};

/**
 * A misconfiguration: names the option and says how to fix it, in core's form
 * (`zendeskAdapter: option subdomain: is required: …`).
 */
export function optionError(option: string, message: string, cause?: unknown): RapportError {
  return coreOptionError('zendeskAdapter', option, message, cause);
}

/** The options, checked on their face (no call to Zendesk), with defaults filled in. */
export interface CheckedOptions {
  readonly baseUrl: string;
  readonly authorization: (options: {readonly refresh: boolean}) => string | Promise<string>;
  readonly refreshes: boolean;
  readonly lookUpBy: 'id' | 'email';
  readonly priorityOf: Readonly<Record<Severity, ZendeskPriority>>;
  readonly severityOf: ReadonlyMap<string, Severity>;
  readonly statusOf: Readonly<Record<ZendeskStatus, ComplaintStatus>>;
  readonly categoryField: number | undefined;
  readonly ticketType: ZendeskTicketType | null;
  readonly customFields: ReadonlyMap<string, number>;
  readonly interactionTickets: number;
  readonly now: () => number;
}

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** @throws RapportError `invalid_input` naming the option. */
export function checkOptions(options: ZendeskAdapterOptions): CheckedOptions {
  if (options === null || typeof options !== 'object')
    throw optionError('options', 'must be an object with subdomain and credentials');

  let baseUrl: string;
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw optionError('baseUrl', `${JSON.stringify(options.baseUrl)} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
      throw optionError(
        'baseUrl',
        'must be an https:// URL: credentials travel with every request',
      );
    baseUrl = url.origin;
  } else if (typeof options.subdomain === 'string' && options.subdomain !== '') {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(options.subdomain))
      throw optionError(
        'subdomain',
        `${JSON.stringify(options.subdomain)} is not a subdomain: give only "acme" of https://acme.zendesk.com, or use baseUrl`,
      );
    baseUrl = `https://${options.subdomain.toLowerCase()}.zendesk.com`;
  } else {
    throw optionError(
      'subdomain',
      'is required: the "acme" of https://acme.zendesk.com (or give baseUrl instead)',
    );
  }

  const credentials = options.credentials as Partial<
    ZendeskApiTokenCredentials & ZendeskOAuthCredentials
  >;
  let authorization: CheckedOptions['authorization'];
  let refreshes = false;
  if (credentials === null || typeof credentials !== 'object') {
    throw optionError(
      'credentials',
      'is required: {email, apiToken} (Admin Center → Apps and integrations → APIs → API tokens) or {oauthToken}',
    );
  } else if (credentials.oauthToken !== undefined) {
    const token = credentials.oauthToken;
    if (typeof token === 'function') {
      authorization = async ({refresh}) => `Bearer ${await token({refresh})}`;
      refreshes = true;
    } else if (typeof token === 'string' && token !== '') {
      authorization = () => `Bearer ${token}`;
    } else {
      throw optionError('credentials.oauthToken', 'must be a non-empty token or a function');
    }
  } else {
    if (typeof credentials.email !== 'string' || !credentials.email.includes('@'))
      throw optionError(
        'credentials.email',
        'is required with an API token: the e-mail address of the agent the token acts as (or give credentials.oauthToken)',
      );
    if (typeof credentials.apiToken !== 'string' || credentials.apiToken === '')
      throw optionError(
        'credentials.apiToken',
        'is required: create one in Admin Center → Apps and integrations → APIs → API tokens (or give credentials.oauthToken)',
      );
    const basic = `Basic ${btoa(`${credentials.email}/token:${credentials.apiToken}`)}`;
    authorization = () => basic;
  }

  const lookUpBy = options.lookUpBy ?? 'id';
  if (lookUpBy !== 'id' && lookUpBy !== 'email')
    throw optionError('lookUpBy', `must be "id" or "email", got ${JSON.stringify(lookUpBy)}`);

  const priorityOf = {...defaultSeverities, ...options.severities};
  const severityOf = new Map<string, Severity>();
  // The ones the options set go last, so a clash names the option someone wrote.
  const given = Object.keys(options.severities ?? {}) as Severity[];
  const order = [...severities.filter((s) => !given.includes(s)), ...given];
  for (const severity of order) {
    if (!severities.includes(severity))
      throw optionError(
        `severities.${severity}`,
        `is not a Rapport severity; the severities are ${severities.join(', ')}`,
      );
    const priority = priorityOf[severity];
    if (!zendeskPriorities.includes(priority))
      throw optionError(
        `severities.${severity}`,
        `must be a Zendesk priority (${zendeskPriorities.join(', ')}), got ${JSON.stringify(priority)}`,
      );
    const taken = severityOf.get(priority);
    if (taken)
      throw optionError(
        `severities.${severity}`,
        `gives priority "${priority}", which severities.${taken} already has; each severity needs its own priority so it can be read back`,
      );
    severityOf.set(priority, severity);
  }

  const statusOf = {...defaultStatuses, ...options.statuses};
  for (const [zendesk, rapport] of Object.entries(statusOf)) {
    if (!(zendeskStatuses as readonly string[]).includes(zendesk))
      throw optionError(
        `statuses.${zendesk}`,
        `is not a Zendesk status; the statuses are ${zendeskStatuses.join(', ')}`,
      );
    if (!complaintStatuses.includes(rapport))
      throw optionError(
        `statuses.${zendesk}`,
        `must be a Rapport complaint status (${complaintStatuses.join(', ')}), got ${JSON.stringify(rapport)}`,
      );
  }
  if (statusOf.new !== 'new')
    throw optionError(
      'statuses.new',
      'must be "new": a complaint just submitted is new until someone acts on it',
    );

  if (options.categoryField !== undefined && !isId(options.categoryField))
    throw optionError('categoryField', 'must be the numeric id of a ticket field');

  const ticketType = options.ticketType === undefined ? 'problem' : options.ticketType;
  if (ticketType !== null && !zendeskTicketTypes.includes(ticketType))
    throw optionError(
      'ticketType',
      `must be one of ${zendeskTicketTypes.join(', ')} or null, got ${JSON.stringify(ticketType)}`,
    );

  const customFields = new Map<string, number>();
  for (const [key, id] of Object.entries(options.customFields ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(key))
      throw optionError(
        `customFields.${key}`,
        'is not a custom field key: letters, digits, _ and -, starting with a letter',
      );
    if (!isId(id))
      throw optionError(`customFields.${key}`, 'must be the numeric id of a ticket field');
    if (id === options.categoryField)
      throw optionError(`customFields.${key}`, 'names the categoryField; a field holds one thing');
    customFields.set(key, id);
  }

  const interactionTickets = options.interactionTickets ?? 20;
  if (!Number.isInteger(interactionTickets) || interactionTickets < 1 || interactionTickets > 100)
    throw optionError('interactionTickets', 'must be a whole number from 1 to 100');
  if (
    options.timeoutMs !== undefined &&
    (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)
  )
    throw optionError('timeoutMs', 'must be a positive number of milliseconds');
  if (options.now !== undefined && typeof options.now !== 'function')
    throw optionError('now', 'must be a function returning milliseconds since the epoch');

  return {
    baseUrl,
    authorization,
    refreshes,
    lookUpBy,
    priorityOf,
    severityOf,
    statusOf,
    categoryField: options.categoryField,
    ticketType,
    customFields,
    interactionTickets,
    now: options.now ?? Date.now,
  };
}
