import {
  RapportError,
  applyComplaintUpdate,
  heldAccount,
  complaintActions,
  complaintStatuses,
  defaultComplaintPolicy,
  defaultSlaPolicy,
  isRapportError,
  randomId,
  inputFingerprint,
  invalidInput,
  memoryIdempotencyStore,
  optionError,
  pooled,
  severities,
  slaDueDates,
  validateComplaintInput,
  validateComplaintUpdateInput,
  validateCustomerId,
  validateEntity,
  validateIdempotencyKey,
  validateKeys,
  validatePage,
  vendorHttp,
  withIdempotency,
  type BatchResult,
  type CallOptions,
  type Channel,
  type Complaint,
  type ComplaintAction,
  type ComplaintInput,
  type ComplaintPolicy,
  type ComplaintStatus,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type UpdateAuthor,
  type CrmAdapter,
  type Customer,
  type Entity,
  type FieldCatalog,
  type FieldDescriptor,
  type FieldValue,
  type Interaction,
  type LoyaltyAccount,
  type Page,
  type PageRequest,
  type Severity,
  type SlaPolicy,
  type VendorRequest,
  refuseComplaint,
} from '@rapport/core';
import {limits as protocolLimits} from '@rapport/core/protocol';
import {jwtSessions, type SalesforceJwtOptions, type Session} from './auth.js';
import {
  errorsOf,
  parseLimitInfo,
  recordError,
  salesforceErrors,
  type SalesforceLimits,
} from './errors.js';
import {
  customDescriptor,
  formatValue,
  isoInstant,
  parseValue,
  type Describe,
  type DescribeField,
} from './fields.js';

export type {SalesforceJwtOptions} from './auth.js';
export type {SalesforceLimits} from './errors.js';

/** Options of {@link salesforceAdapter}. Give `accessToken` or `jwt`. */
export interface SalesforceAdapterOptions {
  /** The org's My Domain URL (`https://acme.my.salesforce.com`). With `jwt`, default the token's `instance_url`. */
  readonly instanceUrl?: string;
  /** The REST API version. Default `v62.0`. */
  readonly apiVersion?: string;
  /** An OAuth access token (a session id). It is not refreshed: a 401 is `unauthorized`. */
  readonly accessToken?: string;
  /** The OAuth 2.0 JWT bearer flow: the adapter gets sessions itself, and a new one once on a 401. */
  readonly jwt?: SalesforceJwtOptions;
  /** How long a JWT session is trusted before a new one is asked for. Default 1 hour. */
  readonly sessionTtlMs?: number;
  /** Which object customers are. Default `Contact`. */
  readonly customerObject?: 'Contact' | 'PersonAccount';
  /**
   * The Case field holding each submission's idempotency key: a Text field marked External ID and
   * Unique (case-sensitive), so Salesforce itself refuses a second Case with the same key. Default
   * `Rapport_Idempotency_Key__c`. `null` when the org has none: the adapter warns at start-up and
   * keeps keys in this process only, so put the gateway (and its shared store) in front.
   */
  readonly caseExternalIdField?: string | null;
  /**
   * The Case Text field (length 64 or more) holding each submission's fingerprint, core's
   * `inputFingerprint` of the complaint input: when Salesforce refuses a reused key (DUPLICATE_VALUE),
   * the same fingerprint is a retry (the first Case is the answer, whatever agents edited since) and
   * another one is a `conflict`. Default `Rapport_Submission__c`; required with `caseExternalIdField`.
   */
  readonly caseSubmissionField?: string;
  /**
   * The Case Long Text Area (32,000 characters or more) where the adapter keeps what Salesforce has
   * no place for in a complaint's thread: who wrote each reply (CaseComments are all the API
   * user's), in which role, the action it took, and its idempotency key, so a retried reply is
   * written once. Keep it off the page layouts customers see. Default `Rapport_Thread__c`; without
   * it in the org (or with `null`) the adapter warns and does not serve complaint updates.
   */
  readonly caseThreadField?: string | null;
  /**
   * Which role may take which action on a complaint, checked (with core's state machine) before a
   * reply or status change reaches Salesforce. Default core's `defaultComplaintPolicy`.
   */
  readonly complaintPolicy?: ComplaintPolicy;
  /**
   * Hosts the adapter sends credentials to: `instanceUrl`, `jwt.loginUrl` and the token answer's
   * `instance_url` must be `https:` on one of them. An entry is a host name (`fake.example`) or a
   * suffix starting with a dot (`.example.com`). Default Salesforce's own: `.salesforce.com`,
   * `.force.com`, `.salesforce.mil`, `.sfcrmproducts.cn`.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Which complaint status each Case Status means. One must be `new` (Cases are created in it).
   * Default New → new, Working → in_progress, Escalated → in_progress, Closed → closed. A Status left
   * out reads as `closed` when the Case is closed, else `in_progress`.
   */
  readonly statuses?: Readonly<Record<string, ComplaintStatus>>;
  /** Case Priority per severity. Default low Low, medium Medium, high High, critical High. */
  readonly severities?: Readonly<Partial<Record<Severity, string>>>;
  /** The Case picklist complaint categories go to. Default `Type`. */
  readonly categoryField?: 'Type' | 'Reason';
  /**
   * The `categoryField` value per complaint category (`{product: 'Mechanical'}`). Default none: the
   * category is not written, and reads back as the picklist value (or `other`).
   */
  readonly categories?: Readonly<Record<string, string>>;
  /** Case Origin per channel. Default web Web, email Email, phone Phone, the others Web. */
  readonly origins?: Readonly<Partial<Record<Channel, string>>>;
  /**
   * Contact fields holding loyalty figures (Loyalty Management objects are not read yet). Without it
   * the adapter does not serve `loyaltyAccounts`: compose it with a loyalty adapter.
   */
  readonly loyalty?: {
    /** A number field with the points balance (`Loyalty_Points__c`). */
    readonly points: string;
    /** A picklist or text field with the tier (`Loyalty_Tier__c`). */
    readonly tier: string;
    /**
     * A Date field with when the member joined. Checked at start-up; core's LoyaltyAccount has no
     * member-since figure yet, so it is not returned.
     */
    readonly memberSince?: string;
    /** The programme id loyalty accounts name. Default `salesforce`. */
    readonly programId?: string;
  };
  /** Response and resolution times of complaints. Default core's `defaultSlaPolicy`. */
  readonly slaPolicy?: SlaPolicy;
  /**
   * Waits after Salesforce's REQUEST_LIMIT_EXCEEDED: `requestLimitMs` for the org's daily allowance
   * (default one hour: it is a rolling 24 hours), `concurrentMs` for ConcurrentPerOrgLongTxn
   * (default 2 s). No call reaches Salesforce before the wait is over.
   */
  readonly limitWaits?: {readonly requestLimitMs?: number; readonly concurrentMs?: number};
  /** Where start-up warnings go. Default `console.warn`. */
  readonly onWarning?: (message: string) => void;
  /** The fetch to use. Default the global one. */
  readonly fetch?: typeof fetch;
  /** Milliseconds one Salesforce call may take. Default 15,000. */
  readonly timeoutMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A Rapport adapter for Salesforce, with the API usage Salesforce last reported. */
export interface SalesforceAdapter extends CrmAdapter {
  /** The `Sforce-Limit-Info` figures of the latest answer; `undefined` before any. */
  limits(): SalesforceLimits | undefined;
}

/** A record as REST and SOQL return it. */
type SObject = Readonly<Record<string, unknown>> & {readonly Id: string};
interface QueryResult {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: readonly SObject[];
}

const defaultStatuses: Readonly<Record<string, ComplaintStatus>> = {
  New: 'new',
  Working: 'in_progress',
  Escalated: 'in_progress',
  Closed: 'closed',
};
const defaultPriorities: Readonly<Record<Severity, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'High',
};
const defaultOrigins: Readonly<Record<Channel, string>> = {
  web: 'Web',
  email: 'Email',
  phone: 'Phone',
  chat: 'Web',
  store: 'Web',
  social: 'Web',
  app: 'Web',
};

/** Salesforce record ids: 15 characters (case-sensitive) or 18 (with a checksum). */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Whether `id` is a record id of the object whose ids start with `prefix`, its checksum right. */
export function isRecordId(id: string, prefix: string): boolean {
  if (!RECORD_ID.test(id) || !id.startsWith(prefix)) return false;
  if (id.length === 15) return true;
  // The 3 extra characters say which of the first 15 are upper case, 5 characters each.
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    if (id[15 + chunk] !== CHECKSUM[bits]) return false;
  }
  return true;
}
/** Salesforce's own hosts, where credentials may go. */
const SALESFORCE_HOSTS = ['.salesforce.com', '.force.com', '.salesforce.mil', '.sfcrmproducts.cn'];
const BATCH = 200;
/** The adapter's name in start-up errors (`salesforceAdapter: option X: …`). */
const ADAPTER = 'salesforceAdapter';
/** SOQL queries one customers read has in flight at once. */
const QUERY_CONCURRENCY = 4;
/** SOQL travels in the URL; Salesforce reads up to 16,384 characters of it. */
const MAX_QUERY = 15_000;

/** A SOQL string literal. */
const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The same record whether asked for by its 15- or its 18-character id. */
const sameId = (asked: string, id: string): boolean =>
  asked.length === 15 ? id.slice(0, 15) === asked : id === asked;

/** Case fields written from the model, by model path, for naming Salesforce's field errors. */
const caseModelPaths: Readonly<Record<string, string>> = {
  Subject: 'subject',
  Description: 'description',
  Priority: 'severity',
  Origin: 'channel',
  ContactId: 'customerId',
  SuppliedName: 'contact.name',
  SuppliedEmail: 'contact.email',
};

/**
 * A Rapport adapter for Salesforce: customers from Contacts (Account.Name as the company, `__c`
 * fields as custom fields), complaints as Cases created exactly once through an External ID field,
 * interactions from the contact's Tasks, e-mails and case comments, loyalty from contact fields when
 * configured, and field catalogs from the sObject describe.
 *
 * It reads the org's describes at start-up and checks every option against them, so a wrong option
 * fails here, with its name and the fix.
 *
 * @throws RapportError `invalid_input` naming the option (no credentials, an unknown field or picklist
 *   value, a missing External ID field); `unauthorized` when Salesforce refuses the credentials.
 */
export async function salesforceAdapter(
  options: SalesforceAdapterOptions,
): Promise<SalesforceAdapter> {
  // Checked before anything reaches Salesforce.
  if (!options.accessToken && !options.jwt)
    throw optionError(
      ADAPTER,
      'accessToken',
      'Salesforce needs credentials: give accessToken (an OAuth access token) or jwt {clientId, username, privateKey, loginUrl?} for the JWT bearer flow',
    );
  if (options.accessToken && options.jwt)
    throw optionError(
      ADAPTER,
      'accessToken',
      'and jwt are both given: choose one (accessToken for a token you renew yourself, jwt for sessions the adapter gets itself)',
    );
  if (options.jwt)
    for (const key of ['clientId', 'username', 'privateKey'] as const)
      if (!options.jwt[key])
        throw optionError(
          ADAPTER,
          `jwt.${key}`,
          'is required for the JWT bearer flow; or give accessToken instead',
        );
  if (options.accessToken && !options.instanceUrl)
    throw optionError(
      ADAPTER,
      'instanceUrl',
      "is required with accessToken: give the org's My Domain URL (https://yourdomain.my.salesforce.com)",
    );
  const apiVersion = options.apiVersion ?? 'v62.0';
  if (!/^v\d{2,3}\.0$/.test(apiVersion))
    throw optionError(
      ADAPTER,
      'apiVersion',
      `"${apiVersion}" is not a REST API version; write it like v62.0`,
    );
  const customerObject = options.customerObject ?? 'Contact';
  if (customerObject !== 'Contact' && customerObject !== 'PersonAccount')
    throw optionError(
      ADAPTER,
      'customerObject',
      `"${String(customerObject)}" is not Contact or PersonAccount`,
    );

  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const slaPolicy = options.slaPolicy ?? defaultSlaPolicy;
  const statuses = options.statuses ?? defaultStatuses;
  const priorities = {...defaultPriorities, ...options.severities};
  const origins = {...defaultOrigins, ...options.origins};
  const categoryField = options.categoryField ?? 'Type';
  const categories = options.categories ?? {};
  const externalIdField =
    options.caseExternalIdField === undefined
      ? 'Rapport_Idempotency_Key__c'
      : options.caseExternalIdField;
  const submissionField =
    externalIdField === null ? null : (options.caseSubmissionField ?? 'Rapport_Submission__c');
  const complaintPolicy = options.complaintPolicy ?? defaultComplaintPolicy;
  const waits = {
    requestLimitMs: options.limitWaits?.requestLimitMs ?? 3_600_000,
    concurrentMs: options.limitWaits?.concurrentMs ?? 2000,
  };

  // Credentials go to https: Salesforce hosts only (or the hosts allowedHosts names).
  const allowedHosts = (options.allowedHosts ?? SALESFORCE_HOSTS).map((h) => h.toLowerCase());
  const checkOrigin = (option: string, value: string): string => {
    const origin = value.replace(/\/+$/, '');
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin.toLowerCase() || !/^https?:$/.test(url.protocol))
      throw optionError(
        ADAPTER,
        option,
        `"${origin}" is not an origin like https://acme.my.salesforce.com`,
      );
    const host = url.hostname;
    if (
      url.protocol !== 'https:' ||
      !allowedHosts.some((h) => (h.startsWith('.') ? host.endsWith(h) : host === h))
    )
      throw optionError(
        ADAPTER,
        option,
        `"${origin}" is not https: on a Salesforce host (${allowedHosts.join(', ')}), and credentials go nowhere else; to use another host (a test double), list it in allowedHosts`,
      );
    return origin;
  };
  if (options.instanceUrl !== undefined) checkOrigin('instanceUrl', options.instanceUrl);
  const timeoutMs = options.timeoutMs ?? 15_000;

  // Credentials: a given token, or JWT sessions (the first one now, so bad credentials fail here).
  let session: Session | undefined;
  let renewing: Promise<Session> | undefined;
  const newSession = options.jwt
    ? jwtSessions(options.jwt, {
        fetch: doFetch,
        now,
        sessionTtlMs: options.sessionTtlMs ?? 3_600_000,
        timeoutMs,
        loginUrl: checkOrigin(
          'jwt.loginUrl',
          options.jwt.loginUrl ?? 'https://login.salesforce.com',
        ),
        instanceUrl: (url) => checkOrigin('allowedHosts', url),
      })
    : undefined;
  /** A new session, one at a time; a caller's abort stops its wait, not the sign-in others share. */
  const renew = (signal?: AbortSignal): Promise<Session> => {
    renewing ??= newSession!()
      .then((s) => (session = s))
      .finally(() => {
        renewing = undefined;
      });
    return abortable(renewing, signal);
  };
  if (newSession) await renew();
  const instanceUrl = options.instanceUrl
    ? checkOrigin('instanceUrl', options.instanceUrl)
    : session!.instanceUrl;

  let limits: SalesforceLimits | undefined;
  const pathOf = (field: string): string =>
    caseModelPaths[field] ?? (field.endsWith('__c') ? `customFields.${field}` : field);
  const vendor = vendorHttp({
    vendor: 'Salesforce',
    baseUrl: `${instanceUrl}/services/data/${apiVersion}`,
    // With jwt, each request names its session itself (below), so a 401 renews only the session it used.
    authorization: () => `Bearer ${options.accessToken ?? session?.accessToken ?? ''}`,
    toError: salesforceErrors(waits, pathOf),
    timeoutMs,
    fetch: doFetch,
    onResponse: (response) => {
      limits = parseLimitInfo(response.headers.get('sforce-limit-info')) ?? limits;
    },
    now,
  });
  const withSession = async <T>(method: string, path: string, init: VendorRequest, token: string) =>
    vendor.request<T>(method, path, {
      ...init,
      headers: {...init.headers, authorization: `Bearer ${token}`},
    });
  const http = {
    async request<T>(method: string, path: string, init: VendorRequest = {}) {
      if (!newSession) return vendor.request<T>(method, path, init);
      if (!session || session.expiresAt <= now()) await renew(init.signal);
      const used = session!.accessToken;
      try {
        return await withSession<T>(method, path, init, used);
      } catch (error) {
        // Only an expired or revoked session is worth a new one (another 401 is an answer), and only
        // when no other request has replaced the session this one used already.
        if (
          !(error instanceof RapportError) ||
          error.code !== 'unauthorized' ||
          error.details.errorCode !== 'INVALID_SESSION_ID'
        )
          throw error;
        if (session?.accessToken === used) await renew(init.signal);
        return withSession<T>(method, path, init, session!.accessToken);
      }
    },
  };
  const get = async <T>(path: string, query?: Record<string, string>, signal?: AbortSignal) =>
    (await http.request<T>('GET', path, {...(query && {query}), signal})).body;
  /** Every record of a SOQL query, following nextRecordsUrl up to `max` records. */
  const query = async (soql: string, signal?: AbortSignal, max = Infinity): Promise<SObject[]> => {
    let page = await get<QueryResult>('/query', {q: soql}, signal);
    const records = [...page.records];
    while (!page.done && page.nextRecordsUrl && records.length < max) {
      // nextRecordsUrl is absolute from the host: strip the versioned prefix vendorHttp adds.
      const path = page.nextRecordsUrl.replace(/^\/services\/data\/v[\d.]+/, '');
      page = await get<QueryResult>(path, undefined, signal);
      records.push(...page.records);
    }
    return records;
  };

  // ---------- start-up: the describes, then every option checked against them ----------
  const personAccounts = customerObject === 'PersonAccount';
  const customerSObject = personAccounts ? 'Account' : 'Contact';
  const [customerDescribe, caseDescribe] = await Promise.all([
    get<Describe>(`/sobjects/${customerSObject}/describe`),
    get<Describe>('/sobjects/Case/describe'),
  ]);
  const customerFields = new Map(customerDescribe.fields.map((f) => [f.name, f]));
  const caseFields = new Map(caseDescribe.fields.map((f) => [f.name, f]));
  if (personAccounts && !customerFields.has('IsPersonAccount'))
    throw optionError(
      ADAPTER,
      'customerObject',
      'this org has no person accounts (Account has no IsPersonAccount field); enable Person Accounts or use Contact',
    );

  const needField = (option: string, object: 'customer' | 'Case', name: string): DescribeField => {
    const defs = object === 'Case' ? caseFields : customerFields;
    const field = defs.get(name);
    if (!field)
      throw optionError(
        ADAPTER,
        option,
        `${object === 'Case' ? 'Case' : customerSObject} has no field "${name}" (field API names end in __c for custom fields); create it in Setup → Object Manager → ${object === 'Case' ? 'Case' : customerSObject} → Fields & Relationships, or change ${option}`,
      );
    return field;
  };
  const picklist = (field: DescribeField) =>
    (field.picklistValues ?? []).filter((v) => v.active).map((v) => v.value);
  const needValue = (option: string, field: DescribeField, value: string) => {
    const values = picklist(field);
    if (values.length > 0 && !values.includes(value))
      throw optionError(
        ADAPTER,
        option,
        `"${value}" is not a value of the Case ${field.name} picklist; its values are ${values.join(', ')}`,
      );
  };

  const statusField = needField('statuses', 'Case', 'Status');
  for (const [status, meaning] of Object.entries(statuses)) {
    needValue('statuses', statusField, status);
    if (!complaintStatuses.includes(meaning))
      throw optionError(
        ADAPTER,
        'statuses',
        `Status "${status}" maps to "${meaning}", which is not a complaint status (${complaintStatuses.join(', ')})`,
      );
  }
  const newStatus = Object.keys(statuses).find((s) => statuses[s] === 'new');
  if (newStatus === undefined)
    throw optionError(
      ADAPTER,
      'statuses',
      `no Case Status maps to "new", so complaints have nowhere to start; map one of ${picklist(statusField).join(', ')} to "new"`,
    );
  const priorityField = needField('severities', 'Case', 'Priority');
  for (const [severity, priority] of Object.entries(priorities)) {
    if (!(severities as readonly string[]).includes(severity))
      throw optionError(
        ADAPTER,
        'severities',
        `"${severity}" is not a severity (${severities.join(', ')})`,
      );
    needValue('severities', priorityField, priority);
  }
  const categoryDef = needField('categoryField', 'Case', categoryField);
  for (const value of Object.values(categories)) needValue('categories', categoryDef, value);
  const originField = needField('origins', 'Case', 'Origin');
  for (const value of new Set(Object.values(origins))) needValue('origins', originField, value);
  if (externalIdField !== null) {
    const field = caseFields.get(externalIdField);
    const fix = `create a Text field "${externalIdField}" on Case (Setup → Object Manager → Case → Fields & Relationships → New → Text, length 255) with "Unique" (case sensitive) and "External ID" ticked, give the integration user edit access to it, or set caseExternalIdField: null to rely on the gateway's idempotency store`;
    if (!field)
      throw optionError(
        ADAPTER,
        'caseExternalIdField',
        `Case has no field "${externalIdField}": complaints are created exactly once through it. To fix it, ${fix}`,
      );
    if (field.externalId !== true || field.unique !== true)
      throw optionError(
        ADAPTER,
        'caseExternalIdField',
        `Case field "${externalIdField}" must be marked External ID and Unique, so Salesforce refuses a second Case with the same key; ${fix}`,
      );
    if (field.caseSensitive !== true)
      throw optionError(
        ADAPTER,
        'caseExternalIdField',
        `Case field "${externalIdField}" is Unique but case-insensitive, so keys differing only in case would share a Case; choose "Treat "ABC" and "abc" as different values (case sensitive)" on it, or ${fix}`,
      );
    const print = caseFields.get(submissionField!);
    const printFix = `create a Text field "${submissionField}" on Case (Setup → Object Manager → Case → Fields & Relationships → New → Text, length 64), give the integration user edit access to it, or name another one in caseSubmissionField; it holds each submission's fingerprint, which tells a retry from another complaint reusing its key`;
    if (!print)
      throw optionError(
        ADAPTER,
        'caseSubmissionField',
        `Case has no field "${submissionField}". To fix it, ${printFix}`,
      );
    if (
      print.type !== 'string' ||
      (print.length ?? 0) < 64 ||
      print.createable === false ||
      print.name === externalIdField
    )
      throw optionError(
        ADAPTER,
        'caseSubmissionField',
        `Case field "${submissionField}" must be a writable Text field of length 64 or more, other than caseExternalIdField; ${printFix}`,
      );
  } else {
    (options.onWarning ?? console.warn)(
      'salesforceAdapter: caseExternalIdField is null: Salesforce cannot refuse a second Case for a retried submission. Idempotency keys are kept in this process only; run the gateway with a shared idempotency store in front of this adapter, or add the External ID field (docs/crm/salesforce.md).',
    );
  }
  for (const name of ['SuppliedName', 'SuppliedEmail', 'ContactId', 'Subject', 'Description'])
    needField('caseExternalIdField', 'Case', name);
  let threadField: string | null = null;
  if (options.caseThreadField !== null) {
    const name = options.caseThreadField ?? 'Rapport_Thread__c';
    const field = caseFields.get(name);
    const fix = `create a Long Text Area "${name}" on Case (Setup → Object Manager → Case → Fields & Relationships → New → Text Area (Long), length 131072), give the integration user edit access to it and keep it off the layouts customers see, or set caseThreadField: null to serve no complaint updates`;
    if (!field && options.caseThreadField === undefined)
      (options.onWarning ?? console.warn)(
        `salesforceAdapter: Case has no field "${name}", where the thread of a complaint keeps its authors, actions and idempotency keys: complaint updates are not served. To serve them, ${fix}.`,
      );
    else if (!field)
      throw optionError(
        ADAPTER,
        'caseThreadField',
        `Case has no field "${name}". To fix it, ${fix}`,
      );
    else if (
      field.type !== 'textarea' ||
      (field.length ?? 0) < 32_000 ||
      field.updateable === false
    )
      throw optionError(
        ADAPTER,
        'caseThreadField',
        `Case field "${name}" must be a writable Long Text Area of 32,000 characters or more; ${fix}`,
      );
    else threadField = name;
  }
  if (
    typeof complaintPolicy !== 'object' ||
    complaintPolicy === null ||
    typeof complaintPolicy.actions !== 'object' ||
    !Number.isFinite(complaintPolicy.reopenWithinDays)
  )
    throw optionError(
      ADAPTER,
      'complaintPolicy',
      'must be {actions: {<role>: [actions]}, reopenWithinDays} like core’s defaultComplaintPolicy',
    );
  const loyalty = options.loyalty;
  if (loyalty) {
    const points = needField('loyalty.points', 'customer', loyalty.points);
    if (!['double', 'int', 'long', 'currency', 'percent'].includes(points.type))
      throw optionError(
        ADAPTER,
        'loyalty.points',
        `${customerSObject} field "${loyalty.points}" is of type ${points.type}; points need a Number field`,
      );
    needField('loyalty.tier', 'customer', loyalty.tier);
    if (loyalty.memberSince) {
      const since = needField('loyalty.memberSince', 'customer', loyalty.memberSince);
      if (since.type !== 'date' && since.type !== 'datetime')
        throw optionError(
          ADAPTER,
          'loyalty.memberSince',
          `${customerSObject} field "${loyalty.memberSince}" is of type ${since.type}; it needs a Date field`,
        );
    }
  }

  // ---------- customers ----------
  const emailField = personAccounts ? 'PersonEmail' : 'Email';
  const companyField = personAccounts ? undefined : 'Account.Name';
  const customCustomer = customerDescribe.fields.filter((f) => f.custom).map((f) => f.name);
  const customerSelect = [
    ...new Set([
      'Id',
      'FirstName',
      'LastName',
      'Name',
      emailField,
      'Phone',
      'OwnerId',
      'CreatedDate',
      'LastModifiedDate',
      ...(companyField ? [companyField] : []),
      ...(personAccounts ? ['PersonContactId'] : []),
      ...customCustomer,
    ]),
  ].join(', ');
  const customerWhere = personAccounts ? ' AND IsPersonAccount = true' : '';

  const toCustomer = (key: string, r: SObject): Customer => {
    const given = (r.FirstName as string | null) ?? undefined;
    const family = (r.LastName as string | null) ?? undefined;
    const company = (r.Account as {Name?: string} | null | undefined)?.Name;
    const customFields: Record<string, FieldValue> = {};
    for (const name of customCustomer)
      customFields[name] = parseValue(r[name], customerFields.get(name));
    const createdAt = isoInstant(r.CreatedDate) ?? new Date(0).toISOString();
    return {
      id: key,
      kind: 'person',
      displayName: (r.Name as string | null) || [given, family].filter(Boolean).join(' ') || key,
      ...((given || family) && {name: {...(given && {given}), ...(family && {family})}}),
      ...(company && {company}),
      ...(typeof r[emailField] === 'string' && {email: r[emailField] as string}),
      ...(typeof r.Phone === 'string' && {phone: r.Phone}),
      // A Contact is someone the business already deals with; prospects are Leads, another object.
      lifecycleStage: 'transact',
      tags: [],
      ...(typeof r.OwnerId === 'string' && {ownerId: r.OwnerId}),
      createdAt,
      updatedAt: isoInstant(r.LastModifiedDate) ?? createdAt,
      customFields,
    };
  };

  /** Ids of customer records start with this (Contact 003, Account 001). */
  const customerPrefix = customerDescribe.keyPrefix || (personAccounts ? '001' : '003');
  /** Whether `key` can name a customer record: its prefix, and its checksum when it has one. */
  const isCustomerId = (key: string) => isRecordId(key, customerPrefix);
  /** The customer records of `keys`, by SOQL in chunks short enough for a URL. */
  const readCustomers = async (keys: readonly string[], signal?: AbortSignal) => {
    // A key that is not a customer record id names no record; SOQL would refuse the query for it.
    const ids = keys.filter(isCustomerId);
    const head = `SELECT ${customerSelect} FROM ${customerSObject} WHERE Id IN (`;
    const tail = `)${customerWhere}`;
    // SOQL travels URL-encoded: measure it as sent.
    const encoded = (text: string) => encodeURIComponent(text).length;
    const chunks: string[][] = [];
    let chunk: string[] = [];
    let length = encoded(head) + encoded(tail);
    for (const id of ids) {
      const size = encoded(`${quote(id)}, `);
      if (chunk.length > 0 && length + size > MAX_QUERY) {
        chunks.push(chunk);
        chunk = [];
        length = encoded(head) + encoded(tail);
      }
      chunk.push(id);
      length += size;
    }
    if (chunk.length > 0) chunks.push(chunk);
    const records = (
      await pooled(chunks, QUERY_CONCURRENCY, (c) =>
        query(`${head}${c.map(quote).join(', ')}${tail}`, signal),
      )
    ).flat();
    return (key: string) => records.find((r) => sameId(key, r.Id));
  };
  /** The customer's record, or `not_found`. */
  const needCustomer = async (key: string, signal?: AbortSignal): Promise<SObject> => {
    const record = isCustomerId(key) ? (await readCustomers([key], signal))(key) : undefined;
    if (!record)
      // Neither the message nor details name the id: messages reach pages through the gateway.
      throw new RapportError('not_found', `Salesforce has no such ${customerSObject}`, {
        details: {vendor: 'Salesforce', object: customerSObject},
      });
    return record;
  };
  /** For person accounts, Cases and Tasks point at the account's contact (PersonContactId). */
  const caseOwnerField = personAccounts ? 'AccountId' : 'ContactId';

  // ---------- complaints ----------
  const customCase = caseDescribe.fields
    .filter(
      (f) =>
        f.custom &&
        f.name !== externalIdField &&
        f.name !== submissionField &&
        f.name !== threadField,
    )
    .map((f) => f.name);
  const caseSelect = [
    ...new Set([
      'Id',
      'CaseNumber',
      'Subject',
      'Description',
      'Priority',
      'Status',
      'Origin',
      categoryField,
      'ContactId',
      ...(personAccounts ? ['AccountId'] : []),
      'SuppliedName',
      'SuppliedEmail',
      'IsClosed',
      'ClosedDate',
      'CreatedDate',
      'LastModifiedDate',
      ...(externalIdField ? [externalIdField] : []),
      ...(submissionField ? [submissionField] : []),
      ...(threadField ? [threadField] : []),
      ...customCase,
    ]),
  ].join(', ');
  const severityOf = (priority: unknown): Severity =>
    severities.find((s) => priorities[s] === priority) ?? 'medium';
  const channelOf = (origin: unknown): Channel =>
    (Object.keys(origins) as Channel[]).find((c) => origins[c] === origin) ?? 'web';
  const categoryOf = (value: unknown): string =>
    Object.keys(categories).find((c) => categories[c] === value) ??
    (typeof value === 'string' && value !== '' ? value : 'other');

  /**
   * A Case as a complaint. `input`, for the Case a submission created: its severity, channel and
   * category are the submitter's (several severities may share a Priority, several channels an
   * Origin), and so is the SLA.
   */
  const toComplaint = (
    r: SObject,
    customerId: string | null,
    input?: ComplaintInput,
  ): Complaint => {
    const createdAt = isoInstant(r.CreatedDate) ?? new Date(0).toISOString();
    const severity = input?.severity ?? severityOf(r.Priority);
    const status = statuses[String(r.Status)] ?? (r.IsClosed === true ? 'closed' : 'in_progress');
    const closedAt = isoInstant(r.ClosedDate);
    const customFields: Record<string, FieldValue> = {};
    for (const name of customCase) customFields[name] = parseValue(r[name], caseFields.get(name));
    const anonymous = customerId === null && typeof r.SuppliedEmail === 'string';
    return {
      id: r.Id,
      reference: String(r.CaseNumber ?? r.Id),
      customerId,
      ...(anonymous && {
        contact: {name: String(r.SuppliedName ?? ''), email: r.SuppliedEmail as string},
      }),
      channel: input?.channel ?? channelOf(r.Origin),
      category: input?.category ?? categoryOf(r[categoryField]),
      severity,
      subject: String(r.Subject ?? ''),
      description: String(r.Description ?? ''),
      status,
      createdAt,
      updatedAt: isoInstant(r.LastModifiedDate) ?? createdAt,
      ...(closedAt && (status === 'closed' || status === 'rejected') && {closedAt}),
      ...(closedAt && status === 'resolved' && {resolvedAt: closedAt}),
      ...slaDueDates(createdAt, severity, slaPolicy),
      customFields,
      history: [],
    };
  };
  /** The Case holding exactly `key`: SOQL's `=` ignores case, so rows with another case are dropped. */
  const caseByKey = async (key: string, signal?: AbortSignal): Promise<SObject | undefined> => {
    const records = await query(
      `SELECT ${caseSelect} FROM Case WHERE ${externalIdField} = ${quote(key)} LIMIT ${BATCH}`,
      signal,
      BATCH,
    );
    return records.find((r) => r[externalIdField!] === key);
  };
  const caseById = async (id: string, signal?: AbortSignal): Promise<SObject | undefined> =>
    (await query(`SELECT ${caseSelect} FROM Case WHERE Id = ${quote(id)}`, signal))[0];

  /**
   * The answer for a key Salesforce already holds: the first Case when it stores this submission's
   * fingerprint (a retry, whatever agents edited since), else `conflict`.
   */
  const replay = (
    stored: SObject,
    fingerprint: string,
    customerId: string | null,
    input: ComplaintInput,
  ) => {
    if (stored[submissionField!] !== fingerprint)
      throw new RapportError(
        'conflict',
        'The idempotency key was used for another complaint (a Salesforce Case with other input); use a new key for a new submission',
        {details: {vendor: 'Salesforce'}},
      );
    return toComplaint(stored, customerId, input);
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
    for (const name of Object.keys(checked.customFields ?? {})) {
      const field = caseFields.get(name);
      if (!field || !field.custom || name === externalIdField)
        problems[`customFields.${name}`] = 'is not a custom Case field in Salesforce';
      else if (field.createable === false)
        problems[`customFields.${name}`] = 'is read-only in Salesforce';
    }
    refuseComplaint(problems);
    let owner: SObject | undefined;
    if (checked.customerId !== undefined) {
      try {
        owner = await needCustomer(checked.customerId, signal);
      } catch (error) {
        if (error instanceof RapportError && error.code === 'not_found')
          throw invalidInput('customerId', `is not a ${customerSObject} in Salesforce`);
        throw error;
      }
    }
    const category = categories[checked.category];
    const fingerprint = await inputFingerprint(checked);
    const body: Record<string, unknown> = {
      Subject: checked.subject,
      Description: checked.description,
      Priority: priorities[checked.severity],
      Status: newStatus,
      Origin: origins[checked.channel],
      ...(category && {[categoryField]: category}),
      // A person account's Case names the account and the person contact behind it.
      ...(owner && !personAccounts && {ContactId: owner.Id}),
      ...(owner && personAccounts && {AccountId: owner.Id, ContactId: owner.PersonContactId}),
      // Web-to-Case's fields for who wrote in when there is no contact record.
      ...(checked.contact && {
        SuppliedName: checked.contact.name,
        SuppliedEmail: checked.contact.email,
      }),
      ...(externalIdField && {[externalIdField]: key, [submissionField!]: fingerprint}),
    };
    for (const [name, value] of Object.entries(checked.customFields ?? {}))
      body[name] = formatValue(value);
    const customerId = checked.customerId ?? null;
    signal?.throwIfAborted();
    try {
      const created = (
        await http.request<{id: string; success: boolean; errors: unknown[]}>(
          'POST',
          '/sobjects/Case',
          {body, signal},
        )
      ).body;
      if (created.success === false)
        throw recordError(errorsOf(created.errors), 'POST /sobjects/Case', pathOf);
      const stored = await caseById(created.id, signal);
      if (!stored)
        throw new RapportError(
          'unavailable',
          'Salesforce did not return the Case it had just created',
          {details: {vendor: 'Salesforce'}},
        );
      return toComplaint(stored, customerId, checked);
    } catch (error) {
      // Another attempt with this key got there first (its answer may have been lost): the Case is
      // Salesforce's, read it back.
      if (
        externalIdField &&
        error instanceof RapportError &&
        error.code === 'conflict' &&
        error.details.errorCode === 'DUPLICATE_VALUE'
      ) {
        const stored = await caseByKey(key, signal);
        if (stored) return replay(stored, fingerprint, customerId, checked);
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
    const [after] = positionsOf(cursor, 1);
    const ownerId = (await needCustomer(id, o.signal)).Id;
    // One more than asked says whether there is a next page without a COUNT() call.
    const records = await query(
      `SELECT ${caseSelect} FROM Case WHERE ${caseOwnerField} = ${quote(ownerId)}${olderThan(after)} ORDER BY CreatedDate DESC, Id DESC LIMIT ${limit + 1}`,
      o.signal,
      limit + 1,
    );
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toComplaint(r, id)),
      nextCursor: records.length > limit && last ? cursorOf([positionOf(last)]) : null,
    };
  };

  // ---------- scans, for reports ----------
  /**
   * A page of every record of a query, in Id order (a record created meanwhile has a greater Id, so
   * none comes twice): `limit + 1` asked, to know whether there is a next page. The cursor is the
   * page's last Id.
   */
  const scanPage = async (
    select: string,
    where: string,
    request: PageRequest | undefined,
    signal?: AbortSignal,
  ): Promise<{records: SObject[]; nextCursor: string | null}> => {
    const {cursor, limit} = validatePage(request, protocolLimits.maxScanPageSize);
    if (cursor !== undefined && !/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(cursor))
      throw invalidInput('cursor', 'is not a cursor this backend gave out');
    signal?.throwIfAborted();
    const conditions = [...(cursor ? [`Id > ${quote(cursor)}`] : []), ...(where ? [where] : [])];
    const records = await query(
      `SELECT ${select}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY Id ASC LIMIT ${limit + 1}`,
      signal,
      limit + 1,
    );
    const page = records.slice(0, limit);
    return {records: page, nextCursor: records.length > limit ? page.at(-1)!.Id : null};
  };
  /** `customers.scan`: every Contact (or person account). */
  const scanCustomers = async (request?: PageRequest, o: CallOptions = {}) => {
    const {records, nextCursor} = await scanPage(
      `${customerSelect} FROM ${customerSObject}`,
      customerWhere.replace(/^ AND /, ''),
      request,
      o.signal,
    );
    return {items: records.map((r) => toCustomer(r.Id, r)), nextCursor};
  };
  /** `complaints.scan`: every Case, its customer the Contact (or person account) it points at. */
  const scanComplaints = async (request?: PageRequest, o: CallOptions = {}) => {
    const {records, nextCursor} = await scanPage(`${caseSelect} FROM Case`, '', request, o.signal);
    const ownerOf = (r: SObject) => {
      const owner = r[caseOwnerField];
      return typeof owner === 'string' && owner !== '' ? owner : null;
    };
    return {items: records.map((r) => toComplaint(r, ownerOf(r))), nextCursor};
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
    // One position per kind (Tasks, e-mails, comments, Cases): the last of each already listed.
    const positions = positionsOf(cursor, 4);
    const ownerId = (await needCustomer(id, o.signal)).Id;
    const owner = quote(ownerId);
    const ofCases = `(SELECT Id FROM Case WHERE ${caseOwnerField} = ${owner})`;
    const page = (from: string, where: string, at: Position | null) =>
      query(
        `SELECT ${from} WHERE ${where}${olderThan(at)} ORDER BY CreatedDate DESC, Id DESC LIMIT ${limit + 1}`,
        o.signal,
        limit + 1,
      );
    // Each kind sorted and bounded by Salesforce, after its position; merged newest first below.
    const [tasks, emails, comments, cases] = await Promise.all([
      page(
        `Id, Subject, TaskSubtype, OwnerId, ActivityDate, CreatedDate FROM Task`,
        `${personAccounts ? 'AccountId' : 'WhoId'} = ${owner}`,
        positions[0]!,
      ),
      page(
        `Id, Subject, Incoming, MessageDate, ActivityId, CreatedDate FROM EmailMessage`,
        `ParentId IN ${ofCases}`,
        positions[1]!,
      ),
      page(
        `Id, CommentBody, CreatedById, CreatedDate FROM CaseComment`,
        `ParentId IN ${ofCases}`,
        positions[2]!,
      ),
      page(
        `Id, CaseNumber, Subject, Origin, CreatedDate FROM Case`,
        `${caseOwnerField} = ${owner}`,
        positions[3]!,
      ),
    ]);
    // An e-mail sent from Salesforce is an EmailMessage and a Task too: list the e-mail only.
    const emailTasks = tasks.filter((t) => t.TaskSubtype === 'Email').map((t) => t.Id);
    const shown = new Set<unknown>(
      emails.map((e) => e.ActivityId).filter((a) => typeof a === 'string'),
    );
    const unseen = emailTasks.filter((t) => !shown.has(t));
    if (unseen.length > 0)
      for (const e of await query(
        `SELECT ActivityId FROM EmailMessage WHERE ActivityId IN (${unseen.map(quote).join(', ')})`,
        o.signal,
      ))
        shown.add(e.ActivityId);
    const keptTasks = tasks.filter((t) => !shown.has(t.Id));

    const at = (r: SObject, field = 'CreatedDate') =>
      isoInstant(r[field]) ?? isoInstant(r.CreatedDate) ?? new Date(0).toISOString();
    type Row = {kind: number; position: Position; item: Interaction};
    const row = (kind: number, r: SObject, item: Interaction): Row => ({
      kind,
      position: positionOf(r),
      item,
    });
    const rows: Row[] = [
      ...keptTasks.map((t): Row => {
        const call = t.TaskSubtype === 'Call';
        const email = t.TaskSubtype === 'Email';
        return row(0, t, {
          id: `task-${t.Id}`,
          customerId: id,
          channel: call ? 'phone' : email ? 'email' : 'web',
          type: call ? 'call' : email ? 'email' : 'note',
          at: at(t),
          summary: line(t.Subject) || 'Task',
          ...(typeof t.OwnerId === 'string' && {agentId: t.OwnerId}),
        });
      }),
      ...emails.map((e): Row =>
        row(1, e, {
          id: `email-${e.Id}`,
          customerId: id,
          channel: 'email',
          type: 'email',
          at: at(e, 'MessageDate'),
          summary: line(e.Subject) || 'E-mail',
        }),
      ),
      ...comments.map((c): Row =>
        row(2, c, {
          id: `comment-${c.Id}`,
          customerId: id,
          channel: 'web',
          type: 'note',
          at: at(c),
          summary: line(c.CommentBody) || 'Case comment',
          ...(typeof c.CreatedById === 'string' && {agentId: c.CreatedById}),
        }),
      ),
      // Cases are complaints, and a complaint is an interaction (the catalogue says so).
      ...cases.map((c): Row =>
        row(3, c, {
          id: `complaint-${c.Id}`,
          customerId: id,
          channel: channelOf(c.Origin),
          type: 'complaint',
          at: at(c),
          summary: `${String(c.CaseNumber ?? '')}: ${line(c.Subject)}`,
        }),
      ),
    ].sort((a, b) => newerFirst(a.position, b.position));
    // Dropped Tasks leave a gap: Tasks older than the last one read may still come, so nothing older
    // than it is listed on this page.
    const lastTask = tasks.length > limit ? positionOf(tasks.at(-1)!) : undefined;
    const candidates = lastTask ? rows.filter((r) => newerFirst(r.position, lastTask) <= 0) : rows;
    const listed = candidates.slice(0, limit);
    const next = [...positions];
    for (const r of listed) next[r.kind] = r.position;
    if (lastTask && candidates.length <= limit) next[0] = lastTask;
    const more = candidates.length > limit || lastTask !== undefined;
    return {items: listed.map((r) => r.item), nextCursor: more ? cursorOf(next) : null};
  };

  // ---------- complaint updates ----------
  // Replies are CaseComments; actions set the Case Status. Salesforce keeps no author but the API
  // user on a comment and no place for an idempotency key, so each update Rapport writes is an
  // entry of the Case's thread field, written before the comment and with the Status, in one
  // conditional PATCH (If-Unmodified-Since): two attempts cannot both claim a key, and a retry
  // finds the entry and finishes what the first attempt began.
  const caseKeyPrefix = caseDescribe.keyPrefix || '500';
  const noComplaint = (complaintId: string) =>
    new RapportError(
      'not_found',
      `Salesforce has no Case of this customer for complaintId ${JSON.stringify(complaintId)}`,
      {
        fields: {complaintId: 'names no complaint of this customer'},
        details: {vendor: 'Salesforce', complaintId},
      },
    );
  /** The Case of an update, checked to be the customer's, or not_found naming complaintId. */
  const updatedCase = async (update: ComplaintUpdateInput, signal?: AbortSignal) => {
    // The prefix and the shape only: SOQL answers no row for an id that names nothing.
    if (!RECORD_ID.test(update.complaintId) || !update.complaintId.startsWith(caseKeyPrefix))
      throw noComplaint(update.complaintId);
    let owner: SObject;
    try {
      owner = await needCustomer(update.customerId, signal);
    } catch (error) {
      if (isRapportError(error, 'not_found')) throw noComplaint(update.complaintId);
      throw error;
    }
    const record = await caseById(update.complaintId, signal);
    // Someone else's Case is answered as no Case: the caller learns nothing about it.
    if (
      !record ||
      typeof record[caseOwnerField] !== 'string' ||
      !sameId(owner.Id, String(record[caseOwnerField]))
    )
      throw noComplaint(update.complaintId);
    return record;
  };
  const threadOf = (record: SObject): ThreadEntry[] => parseThread(record[threadField!]);
  /** The thread as the field holds it: the newest entries that fit. */
  const threadText = (entries: readonly ThreadEntry[]): string => {
    const limit = caseFields.get(threadField!)?.length ?? 32_000;
    let kept = entries.slice(-MAX_THREAD_ENTRIES);
    let text = JSON.stringify(kept);
    while (text.length > limit && kept.length > 1) text = JSON.stringify((kept = kept.slice(1)));
    return text;
  };
  /** PATCH the Case unless it changed since `record` was read (412 → `conflict`, reason changed). */
  const patchCase = async (
    record: SObject,
    body: Record<string, unknown>,
    signal?: AbortSignal,
  ) => {
    const since = isoInstant(record.LastModifiedDate);
    await http.request('PATCH', `/sobjects/Case/${record.Id}`, {
      body,
      ...(since && {headers: {'if-unmodified-since': new Date(since).toUTCString()}}),
      signal,
    });
  };
  const changed = (error: unknown) =>
    isRapportError(error, 'conflict') && error.details.errorCode === 'PRECONDITION_FAILED';
  // Busy, not wrong: a retry with the same key is safe and may find a quiet moment.
  const busy = (cause: unknown) =>
    new RapportError(
      'unavailable',
      `The Case kept changing while the update was written (${UPDATE_ATTEMPTS} attempts); try again with the same idempotency key`,
      {retryAfterMs: 500, details: {vendor: 'Salesforce', reason: 'case_busy'}, cause},
    );

  /** The Case Status an action sets, and the complaint status it reads back as. */
  const caseStatusFor = (status: ComplaintStatus): {value: string; reads: ComplaintStatus} => {
    const exact = Object.keys(statuses).find((s) => statuses[s] === status);
    if (exact) return {value: exact, reads: status};
    // No Status means it: the nearest one, and the thread says what the Case now reads as.
    const nearest: ComplaintStatus | undefined =
      status === 'resolved' || status === 'rejected'
        ? 'closed'
        : status === 'acknowledged'
          ? 'in_progress'
          : undefined;
    const fallback = nearest && Object.keys(statuses).find((s) => statuses[s] === nearest);
    if (nearest && fallback) return {value: fallback, reads: nearest};
    throw new RapportError(
      'unsupported',
      `salesforceAdapter: no Case Status maps to the complaint status ${status}; map a Status to it in option statuses`,
      {details: {option: 'statuses', status}},
    );
  };
  const authorOf = (entry: ThreadEntry, customerId: string): UpdateAuthor =>
    entry.w === 'customer'
      ? {kind: 'customer', role: entry.r, id: customerId}
      : {kind: 'staff', role: entry.r, ...(entry.i !== undefined && {id: entry.i})};
  const lineOf = (
    caseId: string,
    entry: ThreadEntry,
    customerId: string,
    body: string | null,
  ): ComplaintUpdate => ({
    id: entry.c ? `cc-${entry.c}` : `rp-${caseId}-${entry.d}`,
    complaintId: caseId,
    customerId,
    author: authorOf(entry, customerId),
    body,
    action: entry.a,
    status: entry.s,
    at: entry.t,
  });

  const writeUpdate = async (
    key: string,
    update: ComplaintUpdateInput,
    signal?: AbortSignal,
  ): Promise<ComplaintUpdate> => {
    const fingerprint = await inputFingerprint(update);
    const text =
      update.body ??
      (update.action === 'resolve' || update.action === 'reject' ? update.resolution : undefined);
    let record: SObject;
    let entry: ThreadEntry | undefined;
    for (let attempt = 1; ; attempt++) {
      record = await updatedCase(update, signal);
      const thread = threadOf(record);
      entry = thread.find((e) => e.k === key);
      if (entry && entry.f !== fingerprint)
        throw new RapportError(
          'conflict',
          `Idempotency key ${JSON.stringify(key)} was used for another update of this complaint; use a new key for a new submission`,
          {details: {vendor: 'Salesforce', idempotencyKey: key}},
        );
      if (entry) {
        // Another process's attempt may be writing this reply now; this process's attempts with one
        // key run one after another, so one of its own has ended.
        if (
          entry.b === 1 &&
          entry.c === undefined &&
          !(entry.o !== undefined && ownAttempts.has(entry.o)) &&
          now() - Date.parse(entry.t) < IN_FLIGHT_MS
        )
          throw new RapportError(
            'unavailable',
            'Another attempt with this idempotency key is writing the reply; try again shortly',
            {
              retryAfterMs: 1000,
              details: {vendor: 'Salesforce', reason: 'idempotency_key_in_flight'},
            },
          );
        break;
      }
      // Core's rules before Salesforce sees anything: the role's actions, the reopen window, the
      // state machine. An update is never before the Case's last change, whatever the clocks say.
      const complaint = toComplaint(record, update.customerId);
      const at = Math.max(now(), Date.parse(complaint.updatedAt));
      const applied = applyComplaintUpdate(complaint, update, {
        id: 'pending',
        at,
        policy: complaintPolicy,
      });
      const target =
        update.action === undefined ? undefined : caseStatusFor(applied.complaint.status);
      const author = applied.update.author;
      entry = {
        d: randomId().slice(0, 12),
        k: key,
        f: fingerprint,
        t: new Date(at).toISOString(),
        s: target ? target.reads : complaint.status,
        a: update.action ?? null,
        w: author.kind,
        r: author.role,
        ...(author.kind === 'staff' && author.id !== undefined && {i: author.id}),
        ...(text !== undefined && {b: 1, o: attemptOf()}),
      };
      signal?.throwIfAborted();
      try {
        await patchCase(
          record,
          {[threadField!]: threadText([...thread, entry]), ...(target && {Status: target.value})},
          signal,
        );
        break;
      } catch (error) {
        if (changed(error)) {
          if (attempt < UPDATE_ATTEMPTS) continue;
          throw busy(error);
        }
        throw error;
      }
    }
    if (entry.b !== 1 || entry.c !== undefined)
      return lineOf(record.Id, entry, update.customerId, text ?? null);

    // The reply: found when a lost answer wrote it already (the same text on this Case since the
    // entry, not another entry's comment), else written now.
    const claimed = new Set(threadOf(record).map((e) => e.c));
    const since = new Date(Date.parse(entry.t) - CLOCK_SLACK_MS)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const recent = await query(
      `SELECT Id, CommentBody, CreatedDate FROM CaseComment WHERE ParentId = ${quote(record.Id)} AND IsPublished = true AND CreatedDate > ${since} ORDER BY CreatedDate ASC, Id ASC LIMIT ${BATCH}`,
      signal,
      BATCH,
    );
    let commentId = recent.find((c) => c.CommentBody === text && !claimed.has(c.Id))?.Id;
    if (commentId === undefined) {
      signal?.throwIfAborted();
      const created = (
        await http.request<{id: string; success: boolean; errors: unknown[]}>(
          'POST',
          '/sobjects/CaseComment',
          {body: {ParentId: record.Id, CommentBody: text, IsPublished: true}, signal},
        )
      ).body;
      if (created.success === false)
        throw recordError(errorsOf(created.errors), 'POST /sobjects/CaseComment', (f) =>
          f === 'CommentBody' ? 'body' : f,
        );
      commentId = created.id;
    }
    // The entry names its comment; the Case may have changed since, so read it again first.
    for (let attempt = 1; ; attempt++) {
      const current = (await caseById(record.Id, signal)) ?? record;
      const thread = threadOf(current);
      const at = thread.findIndex((e) => e.k === key);
      if (at < 0 || thread[at]!.c !== undefined) break;
      thread[at] = {...thread[at]!, c: commentId};
      try {
        await patchCase(current, {[threadField!]: threadText(thread)}, signal);
        break;
      } catch (error) {
        if (changed(error)) {
          if (attempt < UPDATE_ATTEMPTS) continue;
          throw busy(error);
        }
        throw error;
      }
    }
    return lineOf(record.Id, {...entry, c: commentId}, update.customerId, text ?? null);
  };

  // Attempts with one key in this process run one after another, so a retry racing its first
  // attempt waits for it instead of writing the reply a second time.
  const updatesInFlight = new Map<string, Promise<unknown>>();
  const ownAttempts = new Set<string>();
  const attemptOf = (): string => {
    const id = randomId().slice(0, 12);
    if (ownAttempts.size >= MAX_OWN_ATTEMPTS)
      ownAttempts.delete(ownAttempts.values().next().value!);
    ownAttempts.add(id);
    return id;
  };
  const createUpdate = async (
    input: ComplaintUpdateInput,
    write: {idempotencyKey: string; signal?: AbortSignal},
  ): Promise<ComplaintUpdate> => {
    write?.signal?.throwIfAborted();
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const update = validateComplaintUpdateInput(input);
    const before = updatesInFlight.get(key);
    const run = (async () => {
      await before?.catch(() => undefined);
      return writeUpdate(key, update, write.signal);
    })();
    updatesInFlight.set(key, run);
    try {
      return await run;
    } finally {
      if (updatesInFlight.get(key) === run) updatesInFlight.delete(key);
    }
  };

  const listUpdates = async (
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o: CallOptions = {},
  ): Promise<Page<ComplaintUpdate>> => {
    o.signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const after = cursor === undefined ? undefined : threadPositionOf(cursor);
    const owner = quote((await needCustomer(id, o.signal)).Id);
    const [cases, comments] = await Promise.all([
      query(
        `SELECT Id, Status, IsClosed, ${threadField} FROM Case WHERE ${caseOwnerField} = ${owner} ORDER BY CreatedDate DESC, Id DESC LIMIT ${BATCH}`,
        o.signal,
        BATCH,
      ),
      query(
        `SELECT Id, ParentId, CommentBody, IsPublished, CreatedDate, CreatedById FROM CaseComment WHERE ParentId IN (SELECT Id FROM Case WHERE ${caseOwnerField} = ${owner}) AND IsPublished = true ORDER BY CreatedDate DESC, Id DESC LIMIT ${MAX_THREAD_COMMENTS}`,
        o.signal,
        MAX_THREAD_COMMENTS,
      ),
    ]);
    const threads = new Map(cases.map((c) => [c.Id, threadOf(c)]));
    const lines: ComplaintUpdate[] = [];
    for (const c of cases)
      for (const entry of threads.get(c.Id)!)
        if (entry.b !== 1) lines.push(lineOf(c.Id, entry, id, null));
    for (const comment of comments) {
      const parent = String(comment.ParentId);
      const thread = threads.get(parent) ?? [];
      const entry = thread.find((e) => e.c === comment.Id);
      const body = String(comment.CommentBody ?? '');
      if (entry) {
        lines.push(lineOf(parent, entry, id, body));
        continue;
      }
      // Written in Salesforce, not through Rapport: an agent's reply, in the status the thread last
      // recorded before it (or the Case's status now, when Rapport recorded nothing earlier).
      const at = isoInstant(comment.CreatedDate) ?? new Date(0).toISOString();
      const earlier = thread.filter((e) => e.t <= at).at(-1);
      const record = cases.find((c) => c.Id === parent);
      lines.push({
        id: `cc-${comment.Id}`,
        complaintId: parent,
        customerId: id,
        author: {
          kind: 'staff',
          role: 'agent',
          ...(typeof comment.CreatedById === 'string' && {id: comment.CreatedById}),
        },
        body,
        action: null,
        status:
          earlier?.s ??
          (record
            ? (statuses[String(record.Status)] ??
              (record.IsClosed === true ? 'closed' : 'in_progress'))
            : 'in_progress'),
        at,
      });
    }
    const newest = (a: ComplaintUpdate, b: ComplaintUpdate) =>
      Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    lines.sort(newest);
    const start = after
      ? lines.findIndex((line) => newest(line, {at: after[0], id: after[1]} as ComplaintUpdate) > 0)
      : 0;
    const from = start < 0 ? lines.length : start;
    const items = lines.slice(from, from + limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: from + limit < lines.length && last ? threadCursorOf([last.at, last.id]) : null,
    };
  };

  // ---------- loyalty ----------
  const readLoyalty = async (
    keys: readonly string[],
    o: CallOptions = {},
  ): Promise<BatchResult<LoyaltyAccount>> => {
    o.signal?.throwIfAborted();
    const distinct = validateKeys(keys, BATCH);
    if (distinct.length === 0) return [];
    const find = await readCustomers(distinct, o.signal);
    return distinct.map((key) => {
      const record = find(key);
      const points = record?.[loyalty!.points];
      if (!record || typeof points !== 'number') return {id: key, record: null};
      const tier = String(record[loyalty!.tier] ?? '');
      const tierName =
        customerFields.get(loyalty!.tier)?.picklistValues?.find((v) => v.value === tier)?.label ??
        tier;
      const account = heldAccount({
        customerId: key,
        programId: loyalty!.programId ?? 'salesforce',
        points,
        tierId: tier,
        tierName,
        // As of the contact's last change: the same answer for the same data.
        asOf: toCustomer(key, record).updatedAt,
      });
      return {id: key, record: account};
    });
  };

  // ---------- describeFields ----------
  const labelOf = (defs: Map<string, DescribeField>, name: string, fallback: string) =>
    defs.get(name)?.label || fallback;
  const choices = (values: readonly string[]) => values.map((value) => ({value, label: value}));
  const std = (
    path: string,
    label: string,
    type: FieldDescriptor['type'],
    extra: Partial<FieldDescriptor> = {},
  ): FieldDescriptor => ({path, label, type, custom: false, ...extra});
  const cf = customerFields;
  const catalogs: Partial<Record<Entity, FieldCatalog>> = {
    customer: {
      entity: 'customer',
      fields: [
        std('displayName', labelOf(cf, 'Name', 'Name'), 'text', {readOnly: true}),
        std('name.given', labelOf(cf, 'FirstName', 'First Name'), 'text'),
        std('name.family', labelOf(cf, 'LastName', 'Last Name'), 'text'),
        ...(companyField ? [std('company', 'Account Name', 'text', {readOnly: true})] : []),
        std('email', labelOf(cf, emailField, 'Email'), 'email'),
        std('phone', labelOf(cf, 'Phone', 'Phone'), 'phone'),
        std('ownerId', labelOf(cf, 'OwnerId', 'Owner ID'), 'text'),
        std('createdAt', labelOf(cf, 'CreatedDate', 'Created Date'), 'datetime', {readOnly: true}),
        std('updatedAt', labelOf(cf, 'LastModifiedDate', 'Last Modified Date'), 'datetime', {
          readOnly: true,
        }),
        ...customCustomer.map((name) => customDescriptor(cf.get(name)!)),
      ],
    },
    complaint: {
      entity: 'complaint',
      fields: [
        std('reference', labelOf(caseFields, 'CaseNumber', 'Case Number'), 'text', {
          readOnly: true,
        }),
        std('subject', labelOf(caseFields, 'Subject', 'Subject'), 'text'),
        std('description', labelOf(caseFields, 'Description', 'Description'), 'longtext'),
        std('category', labelOf(caseFields, categoryField, categoryField), 'select', {
          options: choices(
            Object.keys(categories).length > 0 ? Object.keys(categories) : picklist(categoryDef),
          ),
        }),
        std('severity', labelOf(caseFields, 'Priority', 'Priority'), 'select', {
          options: choices(severities),
        }),
        std('status', labelOf(caseFields, 'Status', 'Status'), 'select', {
          readOnly: true,
          options: choices(complaintStatuses),
        }),
        std('channel', labelOf(caseFields, 'Origin', 'Case Origin'), 'select', {
          options: choices(Object.keys(origins)),
        }),
        std('createdAt', labelOf(caseFields, 'CreatedDate', 'Created Date'), 'datetime', {
          readOnly: true,
        }),
        std('contact.name', labelOf(caseFields, 'SuppliedName', 'Name'), 'text'),
        std('contact.email', labelOf(caseFields, 'SuppliedEmail', 'Email Address'), 'email'),
        ...customCase.map((name) => customDescriptor(caseFields.get(name)!)),
      ],
    },
    ...(loyalty && {
      loyalty: {
        entity: 'loyalty',
        fields: [
          std('balance', labelOf(cf, loyalty.points, 'Points'), 'points', {readOnly: true}),
          std('tierId', labelOf(cf, loyalty.tier, 'Tier'), 'tier', {readOnly: true}),
        ],
      },
    }),
  };
  const entities = (['customer', 'loyalty', 'complaint'] as const).filter((e) => catalogs[e]);

  const adapter: SalesforceAdapter = {
    name: 'salesforce',
    capabilities: {maxBatchSize: BATCH, entities, customFieldsWritable: true},
    resources: {
      customers: {
        async read(keys, o = {}) {
          o.signal?.throwIfAborted();
          const distinct = validateKeys(keys, BATCH);
          if (distinct.length === 0) return [];
          const find = await readCustomers(distinct, o.signal);
          return distinct.map((key) => {
            const record = find(key);
            return {id: key, record: record ? toCustomer(key, record) : null};
          });
        },
        scan: scanCustomers,
      },
      ...(loyalty && {loyaltyAccounts: {read: readLoyalty}}),
      complaints: {list: listComplaints, create: createComplaint, scan: scanComplaints},
      interactions: {list: listInteractions},
      ...(threadField && {complaintUpdates: {list: listUpdates, create: createUpdate}}),
    },
    async describeFields(entity, o = {}) {
      o.signal?.throwIfAborted();
      return catalogs[validateEntity(entity, entities)]!;
    },
    limits: () => limits,
    // Unless Salesforce answered lately, the Case describe (read at start-up), through the session.
    async ping(o = {}) {
      if (!vendor.answeredWithin(30_000)) await get('/sobjects/Case/describe', undefined, o.signal);
    },
  };
  if (externalIdField !== null) return adapter;
  // No External ID field: keys live in this process (bounded), so a retry here is still answered once.
  const wrapped = withIdempotency(adapter, memoryIdempotencyStore());
  return Object.assign(wrapped, {limits: () => limits});
}

/** Entries a Case's thread field keeps (the oldest go first when it is full). */
const MAX_THREAD_ENTRIES = 100;
/** Published comments a complaint thread lists, newest first. */
const MAX_THREAD_COMMENTS = 2000;
/** Attempts of a conditional PATCH that lost to another change of the Case. */
const UPDATE_ATTEMPTS = 5;
/**
 * How long a reply another process began is left to it: a retry sooner is told to try again
 * (`unavailable`) rather than write the reply beside it.
 */
const IN_FLIGHT_MS = 30_000;
/** Attempts of this process remembered, to resume their entries at once. */
const MAX_OWN_ATTEMPTS = 10_000;
/** How far Salesforce's clock may be behind ours when a retry looks for the reply it wrote. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * One update Rapport wrote, as the Case's thread field keeps it (short keys: the field has a
 * length): id, idempotency key, input fingerprint, when, status after, action, author kind, role,
 * staff id, whether it has a reply (`b`) and the CaseComment holding it (`c`).
 */
interface ThreadEntry {
  readonly d: string;
  readonly k: string;
  readonly f: string;
  readonly t: string;
  readonly s: ComplaintStatus;
  readonly a: ComplaintAction | null;
  readonly w: 'customer' | 'staff';
  readonly r: string;
  readonly i?: string;
  readonly b?: 1;
  readonly c?: string;
  /** The attempt that wrote the entry, to tell a retry from an attempt still writing the reply. */
  readonly o?: string;
}

/** The entries of a thread field; what does not parse (an agent edited it) counts as none. */
function parseThread(value: unknown): ThreadEntry[] {
  if (typeof value !== 'string' || value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (e): e is ThreadEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.d === 'string' &&
      typeof e.k === 'string' &&
      typeof e.f === 'string' &&
      typeof e.t === 'string' &&
      !Number.isNaN(Date.parse(e.t)) &&
      (complaintStatuses as readonly unknown[]).includes(e.s) &&
      (e.a === null || (complaintActions as readonly unknown[]).includes(e.a)) &&
      (e.w === 'customer' || e.w === 'staff') &&
      typeof e.r === 'string' &&
      (e.i === undefined || typeof e.i === 'string') &&
      (e.b === undefined || e.b === 1) &&
      (e.c === undefined || typeof e.c === 'string') &&
      (e.o === undefined || typeof e.o === 'string'),
  );
}

/** A complaint thread's cursor: the last line's time and id, opaque (base64url JSON). */
function threadCursorOf(position: readonly [at: string, id: string]): string {
  return btoa(JSON.stringify(position)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function threadPositionOf(cursor: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    !Number.isNaN(Date.parse(parsed[0])) &&
    typeof parsed[1] === 'string' &&
    /^(?:cc|rp)-[A-Za-z0-9-]{1,80}$/.test(parsed[1])
  )
    return parsed as [string, string];
  throw invalidInput('cursor', 'is not a cursor this backend gave out');
}

/** Where a list stopped for one kind of record: its last record's CreatedDate and Id. */
type Position = readonly [at: string, id: string];

/** A record's place in `ORDER BY CreatedDate DESC, Id DESC`. */
function positionOf(r: SObject): Position {
  return [isoInstant(r.CreatedDate) ?? new Date(0).toISOString(), r.Id];
}

/** Negative when `a` comes first (newer, or as new with the greater Id). */
function newerFirst(a: Position, b: Position): number {
  return Date.parse(b[0]) - Date.parse(a[0]) || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0);
}

/** The SOQL condition for records after `at` in `ORDER BY CreatedDate DESC, Id DESC`. */
function olderThan(at: Position | null | undefined): string {
  if (!at) return '';
  // A SOQL dateTime literal (unquoted), to the second as Salesforce stores CreatedDate.
  const when = new Date(at[0]).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return ` AND (CreatedDate < ${when} OR (CreatedDate = ${when} AND Id < ${quote(at[1])}))`;
}

/** A cursor: the positions, opaque (base64url JSON). */
function cursorOf(positions: readonly (Position | null)[]): string {
  return btoa(JSON.stringify(positions)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The `count` positions of a cursor this adapter gave out (none without one). */
function positionsOf(cursor: string | undefined, count: number): (Position | null)[] {
  if (cursor === undefined) return Array.from({length: count}, () => null);
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === count &&
    parsed.every(
      (p) =>
        p === null ||
        (Array.isArray(p) &&
          p.length === 2 &&
          typeof p[0] === 'string' &&
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(p[0]) &&
          !Number.isNaN(Date.parse(p[0])) &&
          typeof p[1] === 'string' &&
          RECORD_ID.test(p[1])),
    );
  if (!valid) throw invalidInput('cursor', 'is not a cursor this backend gave out');
  return parsed as (Position | null)[];
}

/** A text as one line for a timeline (shown as text, never as HTML). */
function line(value: unknown): string {
  const text = String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** `promise`, or the signal's reason as soon as it aborts (the work itself goes on for others). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
