import {
  applyComplaintUpdate,
  channels,
  complaintActions,
  complaintTransitions,
  defaultComplaintPolicy,
  defaultSlaPolicy,
  inputFingerprint,
  invalidInput,
  isRapportError,
  RapportError,
  pooled,
  slaDueDates,
  validateComplaintInput,
  validateComplaintUpdateInput,
  validateSurveyAnswerInput,
  surveyKinds,
  surveyScales,
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
  type ComplaintAction,
  type ComplaintContact,
  type ComplaintInput,
  type ComplaintStatus,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type CrmAdapter,
  type Customer,
  type Entity,
  type FieldCatalog,
  type FieldValue,
  type Interaction,
  type Page,
  type PageRequest,
  type SurveyAnswer,
  type SurveyAnswerInput,
  type SurveyKind,
  type VendorHttp,
  type WriteOptions,
  refuseComplaint,
} from '@rapport/core';
import {limits} from '@rapport/core/protocol';
import {zendeskError} from './errors.js';
import {complaintDescriptors, customerDescriptors} from './fields.js';
import {
  checkOptions,
  optionError,
  type CheckedOptions,
  type ZendeskAdapterOptions,
} from './options.js';
import {
  zendeskStatuses,
  type ZendeskAudit,
  type ZendeskCursorPage,
  type ZendeskField,
  type ZendeskStatus,
  type ZendeskTicket,
  type ZendeskUser,
} from './zendesk-types.js';

/** `GET /api/v2/users/show_many.json` takes at most 100 ids. */
const MAX_BATCH = 100;
/** Parallel calls one operation makes (e-mail look-ups, audits of several tickets). */
const PARALLEL = 4;
/** Offset-paginated metadata lists (ticket and user fields) are read to at most this many pages. */
const MAX_FIELD_PAGES = 20;
const entities: readonly Entity[] = ['customer', 'complaint'];
/** Requesters remembered between creates, and for how long. */
const USER_CACHE_SIZE = 1000;
const USER_CACHE_MS = 5 * 60 * 1000;

/** Where Rapport's create keeps its idempotency key: Zendesk's `external_id` of the ticket. */
const externalIdOf = (key: string) => `rapport:${key}`;
const tagSafe = (text: string) => text.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
const CATEGORY_TAG = 'rapport_category_';
const CHANNEL_TAG = 'rapport_channel_';
const FINGERPRINT_TAG = 'rapport_fp_';
const ANONYMOUS_TAG = 'rapport_anonymous';
/**
 * Zendesk has no rejected status: a rejected complaint is a closed ticket with this tag (closed is
 * final in Zendesk as rejected is in Rapport), unless option statuses maps a status to rejected.
 */
const REJECTED_TAG = 'rapport_rejected';
/** Audits of one ticket read for its thread and for the update an idempotency key made. */
const MAX_AUDIT_PAGES = 10;
/** Attempts of an update whose safe_update lost to another change of the ticket. */
const UPDATE_ATTEMPTS = 5;
/**
 * The Zendesk status an action moves a ticket to: the first of these that option statuses reads
 * back as the status core's state machine moves the complaint to, so the thread and the ticket agree.
 * With the default statuses: acknowledge → open, start and reopen → pending, resolve → solved,
 * close → closed, reject → closed with the rapport_rejected tag.
 */
const statusPreference: readonly ZendeskStatus[] = [
  'open',
  'pending',
  'hold',
  'new',
  'solved',
  'closed',
];

/** Zendesk's `via.channel` and the Rapport channel it is, for tickets Rapport did not create. */
const channelOfVia: Readonly<Record<string, Channel>> = {
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  api: 'web',
  email: 'email',
  voice: 'phone',
  chat: 'chat',
  native_messaging: 'chat',
  mobile: 'app',
  mobile_sdk: 'app',
  twitter: 'social',
  facebook: 'social',
};

/**
 * The input's fingerprint as a ticket tag keeps it: the first 16 hex digits of core's
 * `inputFingerprint` (the same tag tickets created before it existed carry).
 */
const fingerprint = async (input: ComplaintInput): Promise<string> =>
  (await inputFingerprint(input)).slice(0, 16);

const asFieldValue = (value: unknown): FieldValue | undefined =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean'
    ? value
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? value
      : undefined;

// The customer id stays out of the message and details: with `lookUpBy: 'email'` it is an e-mail
// address, and the gateway sends messages to pages. The caller knows which id it asked for.
const notFound = () => new RapportError('not_found', 'Zendesk has no user with that customer id');

/**
 * A Rapport adapter on Zendesk Support. Customers are Zendesk users (read in batches of up to 100 with
 * `users/show_many`, or by e-mail address); complaints are tickets the customer requested, created
 * exactly once per idempotency key (Zendesk's `Idempotency-Key` header, and the key kept in the
 * ticket's `external_id` and looked up before every create, so a retry finds the first ticket even
 * after the header's window); interactions come from the audits of the customer's newest tickets;
 * field catalogs come from the account's ticket and user fields; complaints scan every ticket of the
 * account, for the gateway's complaints reports. Loyalty accounts are not served:
 * compose this adapter with one that serves them (`composeAdapters`).
 *
 * It checks the configuration against the account before it resolves: credentials, and that every
 * ticket field id the options name exists.
 *
 * Every failure is a rejected promise, never a synchronous throw.
 *
 * @throws RapportError (as a rejection) `invalid_input` naming the option
 *   (`zendeskAdapter: option subdomain: …`): before any call for options that are wrong on their face,
 *   such as missing credentials, and after reading the account for ticket fields it lacks;
 *   `unauthorized` for refused credentials; `not_found` for a subdomain with no account.
 */
export async function zendeskAdapter(options: ZendeskAdapterOptions): Promise<CrmAdapter> {
  const checked = checkOptions(options);
  return start(checked, options);
}

async function start(checked: CheckedOptions, options: ZendeskAdapterOptions): Promise<CrmAdapter> {
  let ticketFields: readonly ZendeskField[] = [];
  const fieldKeyOf = (zendeskField: string): string | undefined => {
    const id = Number(/^(?:custom_fields|fields)\.(\d+)$/.exec(zendeskField)?.[1]);
    if (id === checked.categoryField) return 'category';
    for (const [key, fieldId] of checked.customFields)
      if (fieldId === id) return `customFields.${key}`;
    return undefined;
  };
  const http: VendorHttp = vendorHttp({
    vendor: 'Zendesk',
    baseUrl: checked.baseUrl,
    authorization: checked.authorization,
    refreshes: checked.refreshes,
    toError: (reply, generic) => zendeskError(reply, generic, fieldKeyOf),
    ...(options.timeoutMs !== undefined && {timeoutMs: options.timeoutMs}),
    ...(options.fetch && {fetch: options.fetch}),
    now: checked.now,
  });
  const get = async <T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
    signal?: AbortSignal,
  ): Promise<T> => (await http.request<T>('GET', path, {query, signal})).body;

  /** A metadata list with offset pagination, page by page (`next_page` is a full URL). */
  const allFields = async (path: string, name: string, signal?: AbortSignal) => {
    const fields: ZendeskField[] = [];
    let next: string | null = path;
    for (let n = 0; next !== null && n < MAX_FIELD_PAGES; n++) {
      // Only the path and query of next_page are used: credentials go to the configured origin only.
      const url = new URL(next, checked.baseUrl);
      const body: Record<string, unknown> = await get(url.pathname + url.search, {}, signal);
      fields.push(...((body[name] as ZendeskField[] | undefined) ?? []));
      next = typeof body.next_page === 'string' ? body.next_page : null;
    }
    return fields;
  };
  const loadTicketFields = async (signal?: AbortSignal) =>
    (ticketFields = await allFields('/api/v2/ticket_fields.json', 'ticket_fields', signal));

  try {
    await loadTicketFields();
  } catch (error) {
    if (isRapportError(error, 'unauthorized'))
      throw new RapportError(
        'unauthorized',
        `zendeskAdapter: Zendesk at ${checked.baseUrl} refused option credentials. For an API token, give the e-mail of an agent of the account and check the token is active (Admin Center → Apps and integrations → APIs → API tokens); for OAuth, check the token's scope includes read and write`,
        {details: {option: 'credentials'}, cause: error},
      );
    if (isRapportError(error, 'forbidden'))
      throw new RapportError(
        'forbidden',
        `zendeskAdapter: option credentials: may not read ticket fields at ${checked.baseUrl}; use an agent or admin token (${error.message})`,
        {details: {option: 'credentials'}, cause: error},
      );
    if (isRapportError(error, 'not_found'))
      throw optionError(
        options.baseUrl === undefined ? 'subdomain' : 'baseUrl',
        `points to ${checked.baseUrl}, which serves no Zendesk API (GET /api/v2/ticket_fields.json answered 404); check the subdomain`,
        error,
      );
    throw error;
  }
  const fieldById = (id: number) => ticketFields.find((f) => f.id === id);
  if (checked.categoryField !== undefined) {
    const field = fieldById(checked.categoryField);
    if (!field || !field.active)
      throw optionError(
        'categoryField',
        `names ticket field ${checked.categoryField}, which is ${field ? 'inactive' : 'not a ticket field'} in ${checked.baseUrl}; pick an active drop-down or text field from Admin Center → Objects and rules → Tickets → Fields (GET /api/v2/ticket_fields.json lists their ids)`,
      );
    if (!['tagger', 'text'].includes(field.type))
      throw optionError(
        'categoryField',
        `names ticket field ${field.id} "${field.title}" of type ${field.type}; a category needs a drop-down (tagger) or text field`,
      );
  }
  for (const [key, id] of checked.customFields) {
    const field = fieldById(id);
    if (!field || !field.active)
      throw optionError(
        `customFields.${key}`,
        `names ticket field ${id}, which is ${field ? 'inactive' : 'not a ticket field'} in ${checked.baseUrl}; use the id of an active custom field from Admin Center → Objects and rules → Tickets → Fields (GET /api/v2/ticket_fields.json lists them)`,
      );
    if (field.removable === false)
      throw optionError(
        `customFields.${key}`,
        `names the system field "${field.title}" (${field.type}); map only custom ticket fields`,
      );
  }

  const policy = options.slaPolicy ?? defaultSlaPolicy;

  // --- users ---------------------------------------------------------------------------------
  const toCustomer = (user: ZendeskUser, id: string): Customer => {
    const customFields: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(user.user_fields ?? {})) {
      const v = asFieldValue(value);
      if (v !== undefined && v !== null) customFields[key] = v;
    }
    return {
      id,
      kind: 'person',
      displayName: user.name,
      ...(user.email && {email: user.email}),
      ...(user.phone && {phone: user.phone}),
      ...(user.locale && {locale: user.locale}),
      ...(user.photo?.content_url && {avatarUrl: user.photo.content_url}),
      // Zendesk keeps no life-cycle stage: someone with a Zendesk user has at least made contact.
      lifecycleStage: 'acquire',
      tags: user.tags ?? [],
      createdAt: user.created_at,
      updatedAt: user.updated_at,
      customFields,
    };
  };
  const isUserId = (id: string) => /^[1-9]\d{0,18}$/.test(id);
  const isEmailKey = (id: string) => /^[^\s@]+@[^\s@]+$/.test(id);

  const userByEmail = async (email: string, signal?: AbortSignal): Promise<ZendeskUser | null> => {
    const body = await get<{users: ZendeskUser[]}>(
      '/api/v2/users/search.json',
      {query: `email:${email}`},
      signal,
    );
    return body.users.find((u) => u.email?.toLowerCase() === email.toLowerCase()) ?? null;
  };
  // Creates name their requester: a user seen in the last minutes is not looked up again, which
  // halves the calls of a busy complaint form. Bounded; a user deleted meanwhile makes the create
  // itself fail (Zendesk refuses the requester), so the cache cannot store a ticket wrongly.
  const knownUsers = new Map<string, {user: ZendeskUser; until: number}>();
  const remember = (customerId: string, user: ZendeskUser | null) => {
    if (!user) return null;
    if (knownUsers.size >= USER_CACHE_SIZE) knownUsers.delete(knownUsers.keys().next().value!);
    knownUsers.set(customerId, {user, until: checked.now() + USER_CACHE_MS});
    return user;
  };
  /** The Zendesk user a Rapport customer id names, or null. */
  const userOf = async (customerId: string, signal?: AbortSignal): Promise<ZendeskUser | null> => {
    const cached = knownUsers.get(customerId);
    if (cached && cached.until > checked.now()) return cached.user;
    knownUsers.delete(customerId);
    if (checked.lookUpBy === 'email')
      return isEmailKey(customerId)
        ? remember(customerId, await userByEmail(customerId, signal))
        : null;
    if (!isUserId(customerId)) return null;
    try {
      const {user} = await get<{user: ZendeskUser}>(`/api/v2/users/${customerId}.json`, {}, signal);
      return remember(customerId, user);
    } catch (error) {
      if (isRapportError(error, 'not_found')) return null;
      throw error;
    }
  };

  const readCustomers = async (
    keys: readonly string[],
    call: CallOptions = {},
  ): Promise<BatchResult<Customer>> => {
    const ids = validateKeys(keys, MAX_BATCH);
    call.signal?.throwIfAborted();
    if (checked.lookUpBy === 'email') {
      const users = await pooled(ids, PARALLEL, (id) =>
        isEmailKey(id) ? userByEmail(id, call.signal) : Promise.resolve(null),
      );
      return ids.map((id, i) => ({id, record: users[i] ? toCustomer(users[i]!, id) : null}));
    }
    const asked = ids.filter(isUserId);
    const found = new Map<string, ZendeskUser>();
    if (asked.length > 0) {
      const body = await get<{users: ZendeskUser[]}>(
        '/api/v2/users/show_many.json',
        {ids: asked.join(',')},
        call.signal,
      );
      for (const user of body.users) found.set(String(user.id), user);
    }
    return ids.map((id) => {
      const user = found.get(id);
      return {id, record: user ? toCustomer(user, id) : null};
    });
  };

  // --- tickets -------------------------------------------------------------------------------
  const statusOfTicket = (status: string, tags: readonly string[]): ComplaintStatus => {
    const mapped = checked.statusOf[status as ZendeskStatus] ?? 'in_progress';
    return status === 'closed' && tags.includes(REJECTED_TAG) ? 'rejected' : mapped;
  };
  const customFieldOf = (ticket: ZendeskTicket, id: number) =>
    ticket.custom_fields.find((f) => f.id === id)?.value;
  const channelOf = (ticket: ZendeskTicket): Channel => {
    const tagged = ticket.tags.find((t) => t.startsWith(CHANNEL_TAG))?.slice(CHANNEL_TAG.length);
    if (tagged && (channels as readonly string[]).includes(tagged)) return tagged as Channel;
    return channelOfVia[ticket.via?.channel ?? ''] ?? 'web';
  };
  const categoryOf = (ticket: ZendeskTicket): string => {
    if (checked.categoryField !== undefined) {
      const value = customFieldOf(ticket, checked.categoryField);
      return typeof value === 'string' && value !== '' ? value : 'other';
    }
    return (
      ticket.tags.find((t) => t.startsWith(CATEGORY_TAG))?.slice(CATEGORY_TAG.length) || 'other'
    );
  };
  const toComplaint = (
    ticket: ZendeskTicket,
    customerId: string | null,
    contact?: ComplaintContact,
  ): Complaint => {
    const severity = checked.severityOf.get(ticket.priority ?? '') ?? 'medium';
    const status = statusOfTicket(ticket.status, ticket.tags);
    const customFields: Record<string, FieldValue> = {};
    for (const [key, id] of checked.customFields) {
      const value = asFieldValue(customFieldOf(ticket, id));
      if (value !== undefined && value !== null) customFields[key] = value;
    }
    return {
      id: String(ticket.id),
      reference: `ZD-${ticket.id}`,
      customerId,
      ...(contact && {contact}),
      channel: channelOf(ticket),
      category: categoryOf(ticket),
      severity,
      subject: ticket.subject ?? '',
      description: ticket.description ?? '',
      status,
      createdAt: ticket.created_at,
      updatedAt: ticket.updated_at,
      // A ticket carries no solve time without its metrics: its last change, at or after the solve,
      // stops the resolution clock so a solved ticket does not count as running late.
      ...((status === 'resolved' || status === 'closed') && {resolvedAt: ticket.updated_at}),
      ...((status === 'closed' || status === 'rejected') && {closedAt: ticket.updated_at}),
      ...slaDueDates(ticket.created_at, severity, policy),
      customFields,
      history: [],
    };
  };

  /** A page of the tickets a user requested, newest first (ids grow with creation time). */
  const requested = (userId: number | string, size: number, after?: string, signal?: AbortSignal) =>
    get<{tickets: ZendeskTicket[]} & ZendeskCursorPage>(
      `/api/v2/users/${userId}/tickets/requested.json`,
      {'page[size]': size, sort: '-id', ...(after !== undefined && {'page[after]': after})},
      signal,
    );
  /** The Zendesk user id to list for, or a not_found error. */
  const listedUser = async (customerId: string, signal?: AbortSignal): Promise<string> => {
    if (checked.lookUpBy === 'id') {
      if (!isUserId(customerId)) throw notFound();
      return customerId; // the list itself answers 404 for an unknown user: one call, not two
    }
    const user = await userOf(customerId, signal);
    if (!user) throw notFound();
    return String(user.id);
  };
  const withNotFound = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isRapportError(error, 'not_found')) throw notFound();
      throw error;
    }
  };

  const listComplaints = async (
    customerId: string,
    request?: PageRequest,
    call: CallOptions = {},
  ): Promise<Page<Complaint>> => {
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    call.signal?.throwIfAborted();
    return withNotFound(async () => {
      const userId = await listedUser(id, call.signal);
      const page = await requested(userId, limit, cursor, call.signal);
      // Ids grow with creation, so "-id" is newest first; sorting the page again costs nothing and
      // keeps the order right should Zendesk ignore the sort for a cursor page.
      const tickets = [...page.tickets].sort((a, b) => b.id - a.id);
      return {
        items: tickets.map((ticket) => toComplaint(ticket, id)),
        nextCursor: page.meta.has_more && page.meta.after_cursor ? page.meta.after_cursor : null,
      };
    });
  };

  /**
   * Every ticket, oldest first (ids grow with creation, so tickets added meanwhile come at the end),
   * for the complaints reports: Zendesk's cursor pages of `tickets.json`, at most 100 a page. A
   * ticket sent without an account (tagged rapport_anonymous) has no customer.
   */
  const scanComplaints = async (
    request?: PageRequest,
    call: CallOptions = {},
  ): Promise<Page<Complaint>> => {
    const {cursor, limit} = validatePage(request, limits.maxScanPageSize);
    call.signal?.throwIfAborted();
    const page = await get<{tickets: ZendeskTicket[]} & ZendeskCursorPage>(
      '/api/v2/tickets.json',
      {
        'page[size]': Math.min(limit, 100),
        sort: 'id',
        ...(cursor !== undefined && {'page[after]': cursor}),
      },
      call.signal,
    );
    const tickets = [...page.tickets].sort((a, b) => a.id - b.id);
    const owned = tickets.filter((t) => !t.tags.includes(ANONYMOUS_TAG));
    const emails = new Map<number, string>();
    if (checked.lookUpBy === 'email' && owned.length > 0) {
      const {users} = await get<{users: ZendeskUser[]}>(
        '/api/v2/users/show_many.json',
        {ids: [...new Set(owned.map((t) => t.requester_id))].join(',')},
        call.signal,
      );
      for (const user of users) if (user.email) emails.set(user.id, user.email.toLowerCase());
    }
    const ownerOf = (ticket: ZendeskTicket): string | null =>
      ticket.tags.includes(ANONYMOUS_TAG)
        ? null
        : checked.lookUpBy === 'email'
          ? (emails.get(ticket.requester_id) ?? null)
          : String(ticket.requester_id);
    return {
      items: tickets.map((ticket) => toComplaint(ticket, ownerOf(ticket))),
      nextCursor: page.meta.has_more && page.meta.after_cursor ? page.meta.after_cursor : null,
    };
  };

  const createComplaint = async (
    input: ComplaintInput,
    write: WriteOptions,
  ): Promise<Complaint> => {
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const checkedInput = validateComplaintInput(input);
    const problems: Record<string, string> = {};
    const customFields: {id: number; value: FieldValue}[] = [];
    for (const [name, value] of Object.entries(checkedInput.customFields ?? {})) {
      const id = checked.customFields.get(name);
      if (id === undefined)
        problems[`customFields.${name}`] =
          'is not a complaint field of this Zendesk adapter (map it in options.customFields)';
      else customFields.push({id, value});
    }
    if (checked.categoryField !== undefined) {
      const field = fieldById(checked.categoryField);
      const allowed = (field?.custom_field_options ?? []).map((o) => o.value);
      if (field?.type === 'tagger' && !allowed.includes(checkedInput.category))
        problems.category = `must be one of ${allowed.join(', ')}`;
    }
    refuseComplaint(problems);
    const signal = write.signal;
    signal?.throwIfAborted();
    const customerId = checkedInput.customerId ?? null;
    const contact = customerId === null ? checkedInput.contact : undefined;
    const print = FINGERPRINT_TAG + (await fingerprint(checkedInput));
    const externalId = externalIdOf(key);

    // A retry of a create whose answer was lost finds the first ticket here, even after Zendesk's
    // Idempotency-Key window has passed.
    const found = await get<{tickets: ZendeskTicket[]}>(
      '/api/v2/tickets.json',
      {external_id: externalId},
      signal,
    );
    const first = found.tickets.find((t) => t.external_id === externalId);
    if (first) {
      if (!first.tags.includes(print))
        throw new RapportError(
          'conflict',
          `Idempotency key ${JSON.stringify(key)} was used for another complaint (Zendesk ticket ${first.id}); use a new key for a new submission`,
          {details: {idempotencyKey: key, ticketId: first.id}},
        );
      return toComplaint(first, customerId, contact);
    }

    let requester: Record<string, unknown>;
    if (customerId !== null) {
      const user = await userOf(customerId, signal);
      if (!user)
        throw invalidInput('customerId', `is not a user of the Zendesk account ${checked.baseUrl}`);
      requester = {requester_id: user.id};
    } else {
      requester = {requester: {name: contact!.name, email: contact!.email}};
    }
    const tags = [
      'rapport',
      CHANNEL_TAG + checkedInput.channel,
      print,
      ...(checked.categoryField === undefined
        ? [CATEGORY_TAG + tagSafe(checkedInput.category)]
        : []),
      ...(customerId === null ? [ANONYMOUS_TAG] : []),
    ];
    if (checked.categoryField !== undefined)
      customFields.push({id: checked.categoryField, value: checkedInput.category});
    const ticket = {
      subject: checkedInput.subject,
      comment: {body: checkedInput.description, public: true},
      ...requester,
      priority: checked.priorityOf[checkedInput.severity],
      ...(checked.ticketType !== null && {type: checked.ticketType}),
      external_id: externalId,
      tags,
      ...(customFields.length > 0 && {custom_fields: customFields}),
    };
    const created = await http.request<{ticket: ZendeskTicket}>('POST', '/api/v2/tickets.json', {
      body: {ticket},
      // Zendesk answers a repeated key within its window with the first ticket instead of a new one:
      // the guard against two concurrent attempts that both found nothing above.
      headers: {'idempotency-key': key},
      signal,
    });
    return toComplaint(created.body.ticket, customerId, contact);
  };

  // --- interactions --------------------------------------------------------------------------
  const encodeCursor = (item: {at: string; id: string}) => btoa(JSON.stringify([item.at, item.id]));
  const decodeCursor = (cursor: string): [string, string] => {
    try {
      const value: unknown = JSON.parse(atob(cursor));
      if (
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((part) => typeof part === 'string')
      )
        return value as [string, string];
    } catch {
      // falls through to the error below
    }
    throw invalidInput('cursor', 'is not a cursor this backend gave out');
  };
  /** Newest first; ties broken by id so that a cursor names one place. */
  const newer = (a: {at: string; id: string}, b: {at: string; id: string}) =>
    a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

  const interactionsOf = (
    ticket: ZendeskTicket,
    audits: readonly ZendeskAudit[],
    customerId: string,
  ) => {
    const items: Interaction[] = [];
    const channel = channelOf(ticket);
    // The summary is the ticket's subject, never a comment's text: the gateway shows a summary to
    // whoever may see complaint subjects, and comments can say far more.
    const summary = `ZD-${ticket.id}: ${ticket.subject ?? ''}`;
    const oldest = audits.reduce<ZendeskAudit | undefined>(
      (min, a) => (min === undefined || a.created_at < min.created_at ? a : min),
      undefined,
    );
    for (const audit of audits) {
      const agent = audit.author_id !== ticket.requester_id ? String(audit.author_id) : undefined;
      const comment = audit.events.find((e) => e.type === 'Comment');
      const status = audit.events.find((e) => e.type === 'Change' && e.field_name === 'status');
      if (!comment && !status) continue;
      items.push({
        id: `zd-${ticket.id}-${audit.id}`,
        customerId,
        channel,
        type:
          audit === oldest
            ? 'complaint'
            : comment
              ? comment.public === false
                ? 'note'
                : audit.author_id === ticket.requester_id
                  ? 'message'
                  : 'email'
              : 'note',
        at: audit.created_at,
        summary:
          status && !comment
            ? `${summary} (status ${String(status.previous_value)} → ${String(status.value)})`
            : summary,
        ...(agent && {agentId: agent}),
      });
    }
    return items;
  };

  /**
   * A page of what the customer's newest tickets hold (interactions, thread lines, survey answers),
   * newest first by `dateOf`: `perTicket` reads one ticket's items; the cursor is the last item's
   * time and id.
   */
  const listFromTickets = async <T extends {readonly id: string}>(
    customerId: string,
    request: PageRequest | undefined,
    call: CallOptions,
    perTicket: (ticket: ZendeskTicket, customerId: string, signal?: AbortSignal) => Promise<T[]>,
    dateOf: (item: T) => string,
  ): Promise<Page<T>> => {
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    call.signal?.throwIfAborted();
    return withNotFound(async () => {
      const userId = await listedUser(id, call.signal);
      const {tickets} = await requested(userId, checked.interactionTickets, undefined, call.signal);
      const perTickets = await pooled(tickets, PARALLEL, (ticket) =>
        perTicket(ticket, id, call.signal),
      );
      const all = perTickets
        .flat()
        .map((item) => ({item, at: dateOf(item), id: item.id}))
        .sort(newer);
      const start =
        after === undefined
          ? 0
          : all.findIndex((item) => newer(item, {at: after[0], id: after[1]}) > 0);
      const from = start < 0 ? all.length : start;
      const page = all.slice(from, from + limit);
      return {
        items: page.map((p) => p.item),
        nextCursor: from + limit < all.length ? encodeCursor(page[page.length - 1]!) : null,
      };
    });
  };

  const listInteractions = (customerId: string, request?: PageRequest, call: CallOptions = {}) =>
    listFromTickets(
      customerId,
      request,
      call,
      async (ticket, id, signal) => {
        const body = await get<{audits: ZendeskAudit[]}>(
          `/api/v2/tickets/${ticket.id}/audits.json`,
          {'page[size]': 100},
          signal,
        );
        return interactionsOf(ticket, body.audits, id);
      },
      (item) => item.at,
    );

  // --- complaint updates ---------------------------------------------------------------------
  /** Busy, not wrong: the ticket kept changing under `safe_update`; a retry with the same key is safe. */
  const ticketBusy = (ticketId: number, what: string, cause: unknown) =>
    new RapportError(
      'unavailable',
      `Ticket ${ticketId} kept changing while the ${what} was written (${UPDATE_ATTEMPTS} attempts); try again with the same idempotency key`,
      {retryAfterMs: 500, details: {ticketId, reason: 'ticket_busy'}, cause},
    );
  const complaintPolicy = options.complaintPolicy ?? defaultComplaintPolicy;
  if (
    typeof complaintPolicy !== 'object' ||
    complaintPolicy === null ||
    typeof complaintPolicy.actions !== 'object' ||
    !Number.isFinite(complaintPolicy.reopenWithinDays)
  )
    throw optionError(
      'complaintPolicy',
      'must be {actions: {<role>: [actions]}, reopenWithinDays} like core’s defaultComplaintPolicy',
    );
  /** What Rapport keeps in an audit's custom metadata, which end users never see. */
  interface UpdateMetadata {
    readonly rapport_key?: unknown;
    readonly rapport_fp?: unknown;
    readonly rapport_kind?: unknown;
    readonly rapport_role?: unknown;
    readonly rapport_action?: unknown;
    readonly rapport_author?: unknown;
  }
  const metadataOf = (audit: ZendeskAudit): UpdateMetadata =>
    (audit.metadata?.custom ?? {}) as UpdateMetadata;
  const isAction = (value: unknown): value is ComplaintAction =>
    (complaintActions as readonly unknown[]).includes(value);

  /**
   * The public thread of a ticket, oldest first: each audit after the one that created the ticket
   * (its first comment is the complaint's description) with a public comment or a change of the
   * complaint's status. Internal notes are never listed; an audit with a note and a status change
   * lists the change alone.
   */
  const updatesOf = (
    ticket: ZendeskTicket,
    audits: readonly ZendeskAudit[],
    customerId: string,
  ): ComplaintUpdate[] => {
    const sorted = [...audits].sort((a, b) => a.id - b.id);
    const updates: ComplaintUpdate[] = [];
    let status: ComplaintStatus = 'new';
    sorted.forEach((audit, n) => {
      const change = audit.events.find((e) => e.type === 'Change' && e.field_name === 'status');
      const created = n === 0 || audit.events.some((e) => e.type === 'Create');
      const meta = metadataOf(audit);
      const before = status;
      if (change) {
        const to = String(change.value);
        status =
          to === 'closed' && meta.rapport_action === 'reject'
            ? 'rejected'
            : to === 'closed' && n === sorted.length - 1
              ? statusOfTicket(to, ticket.tags)
              : (checked.statusOf[to as ZendeskStatus] ?? 'in_progress');
      }
      if (created) return;
      const comment = audit.events.find((e) => e.type === 'Comment' && e.public !== false);
      if (!comment && status === before) return;
      const derived = (Object.keys(complaintTransitions[before]) as ComplaintAction[]).find(
        (action) => complaintTransitions[before][action] === status,
      );
      const action = isAction(meta.rapport_action)
        ? meta.rapport_action
        : status !== before
          ? (derived ?? null)
          : null;
      // A customer's action alone has no comment to carry the requester as author: the metadata
      // says who acted.
      const byCustomer =
        meta.rapport_kind === 'customer' ||
        (meta.rapport_kind !== 'staff' && audit.author_id === ticket.requester_id);
      const role =
        typeof meta.rapport_role === 'string' && meta.rapport_role !== ''
          ? meta.rapport_role
          : byCustomer
            ? 'customer'
            : 'agent';
      const staffId =
        typeof meta.rapport_author === 'string' ? meta.rapport_author : String(audit.author_id);
      updates.push({
        id: `zd-${ticket.id}-${audit.id}`,
        complaintId: String(ticket.id),
        customerId,
        author: byCustomer
          ? {kind: 'customer', role, id: customerId}
          : {kind: 'staff', role, id: staffId},
        body: comment ? (comment.plain_body ?? comment.body ?? '') : null,
        action,
        status,
        at: audit.created_at,
      });
    });
    return updates;
  };

  /** Every audit of a ticket (up to MAX_AUDIT_PAGES pages of 100). */
  const auditsOf = async (ticketId: number, signal?: AbortSignal): Promise<ZendeskAudit[]> => {
    const audits: ZendeskAudit[] = [];
    let after: string | undefined;
    for (let n = 0; n < MAX_AUDIT_PAGES; n++) {
      const page = await get<{audits: ZendeskAudit[]} & ZendeskCursorPage>(
        `/api/v2/tickets/${ticketId}/audits.json`,
        {'page[size]': 100, ...(after !== undefined && {'page[after]': after})},
        signal,
      );
      audits.push(...page.audits);
      if (!page.meta.has_more || !page.meta.after_cursor) break;
      after = page.meta.after_cursor;
    }
    return audits;
  };

  const listUpdates = (customerId: string, request?: PageRequest, call: CallOptions = {}) =>
    listFromTickets(
      customerId,
      request,
      call,
      async (ticket, id, signal) => updatesOf(ticket, await auditsOf(ticket.id, signal), id),
      (update) => update.at,
    );

  /** The Zendesk status and tags that read back as `status`. */
  const ticketStatusFor = (status: ComplaintStatus): {status: ZendeskStatus; tags: string[]} => {
    const found = statusPreference.find((s) => checked.statusOf[s] === status);
    if (found) return {status: found, tags: []};
    if (status === 'rejected') return {status: 'closed', tags: [REJECTED_TAG]};
    throw new RapportError(
      'unsupported',
      `zendeskAdapter: no ticket status maps to the complaint status ${status}, so the action cannot be written; map one of ${zendeskStatuses.join(', ')} to it in option statuses`,
      {details: {option: 'statuses', status}},
    );
  };
  const noComplaint = (complaintId: string) =>
    new RapportError(
      'not_found',
      `Zendesk has no ticket of this customer for complaintId ${JSON.stringify(complaintId)}`,
      {fields: {complaintId: 'names no complaint of this customer'}, details: {complaintId}},
    );

  /**
   * Writes to a customer's ticket with `safe_update`: reads the ticket and its audits, and runs `write`
   * on them; a write Zendesk refuses because the ticket changed since it was read (another attempt
   * with the same key, or an agent) reads it again and runs once more, up to UPDATE_ATTEMPTS times.
   * Someone else's ticket is answered as no ticket: the caller learns nothing about it.
   */
  const writeTicket = async <T>(
    complaintId: string,
    requesterId: number,
    what: string,
    signal: AbortSignal | undefined,
    write: (ticket: ZendeskTicket, audits: ZendeskAudit[]) => Promise<T>,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      let ticket: ZendeskTicket;
      try {
        ({ticket} = await get<{ticket: ZendeskTicket}>(
          `/api/v2/tickets/${complaintId}.json`,
          {},
          signal,
        ));
      } catch (error) {
        if (isRapportError(error, 'not_found')) throw noComplaint(complaintId);
        throw error;
      }
      if (ticket.requester_id !== requesterId) throw noComplaint(complaintId);
      const audits = await auditsOf(ticket.id, signal);
      try {
        return await write(ticket, audits);
      } catch (error) {
        if (isRapportError(error, 'conflict') && error.details.zendesk === 'UpdateConflict') {
          if (attempt < UPDATE_ATTEMPTS) continue;
          throw ticketBusy(ticket.id, what, error);
        }
        throw error;
      }
    }
  };

  const createUpdate = async (
    input: ComplaintUpdateInput,
    write: WriteOptions,
  ): Promise<ComplaintUpdate> => {
    write?.signal?.throwIfAborted();
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const update = validateComplaintUpdateInput(input);
    const signal = write.signal;
    const print = (await inputFingerprint(update)).slice(0, 16);
    if (!isUserId(update.complaintId)) throw noComplaint(update.complaintId);
    const customer = await userOf(update.customerId, signal);
    if (!customer) throw noComplaint(update.complaintId);

    return writeTicket(
      update.complaintId,
      customer.id,
      'update',
      signal,
      async (ticket, audits) => {
        // A retry of an update whose answer was lost finds the audit its key is kept in.
        const first = audits.find((a) => metadataOf(a).rapport_key === key);
        if (first) {
          if (metadataOf(first).rapport_fp !== print)
            throw new RapportError(
              'conflict',
              `Idempotency key ${JSON.stringify(key)} was used for another update of complaint ${update.complaintId}; use a new key for a new submission`,
              {details: {idempotencyKey: key, ticketId: ticket.id}},
            );
          const made = updatesOf(ticket, audits, update.customerId).find(
            (u) => u.id === `zd-${ticket.id}-${first.id}`,
          );
          if (made) return made;
        }

        // Zendesk takes nothing more on a closed ticket (it would answer 422 naming its status).
        if (ticket.status === 'closed')
          throw new RapportError(
            'invalid_transition',
            `Complaint ZD-${ticket.id} is closed in Zendesk, which takes no more replies or changes on it; a new complaint can follow it up`,
            {details: {from: statusOfTicket(ticket.status, ticket.tags), ticketId: ticket.id}},
          );
        // Core's rules before Zendesk sees anything: the role's actions, the reopen window, the
        // state machine. Zendesk's clock may run ahead of ours; an update is never before the
        // ticket's last change.
        const complaint = toComplaint(ticket, update.customerId);
        const at = Math.max(checked.now(), Date.parse(complaint.updatedAt));
        const applied = applyComplaintUpdate(complaint, update, {
          id: 'pending',
          at,
          policy: complaintPolicy,
        });
        const target =
          update.action === undefined ? undefined : ticketStatusFor(applied.complaint.status);
        const author = applied.update.author;
        const text =
          update.body ??
          (update.action === 'resolve' || update.action === 'reject'
            ? update.resolution
            : undefined);
        const body = {
          ticket: {
            ...(text !== undefined && {
              comment: {
                body: text,
                public: true,
                // The customer's reply is the requester's; staff write as the API user.
                ...(author.kind === 'customer' && {author_id: ticket.requester_id}),
              },
            }),
            ...(target && {status: target.status}),
            ...(target && target.tags.length > 0 && {additional_tags: target.tags}),
            // Refused with 409 when the ticket changed since it was read: two attempts with one key
            // cannot both write.
            safe_update: true,
            updated_stamp: ticket.updated_at,
            metadata: {
              rapport_key: key,
              rapport_fp: print,
              rapport_kind: author.kind,
              rapport_role: author.role,
              ...(update.action !== undefined && {rapport_action: update.action}),
              ...(author.kind === 'staff' &&
                author.id !== undefined && {rapport_author: author.id}),
            },
          },
        };
        signal?.throwIfAborted();
        const answer = await http.request<{ticket: ZendeskTicket; audit: ZendeskAudit}>(
          'PUT',
          `/api/v2/tickets/${ticket.id}.json`,
          {body, signal},
        );
        const made = updatesOf(
          answer.body.ticket,
          [...audits, answer.body.audit],
          update.customerId,
        ).find((u) => u.id === `zd-${ticket.id}-${answer.body.audit.id}`);
        if (made) return made;
        throw new RapportError(
          'unavailable',
          `Zendesk did not return the audit of the update of ticket ${ticket.id}`,
          {details: {ticketId: ticket.id}},
        );
      },
    );
  };

  // --- survey answers ------------------------------------------------------------------------
  // An answer given through Rapport is an internal note on the complaint's ticket (agents see it in
  // Zendesk, end users never), with the answer and its idempotency key in the audit's custom
  // metadata. A satisfaction rating the requester gave in Zendesk (good or bad) reads as a CSAT
  // answer of 5 or 1, so CSAT's share of satisfied customers is Zendesk's own. One answer per ticket.
  interface SurveyMetadata {
    readonly rapport_key?: unknown;
    readonly rapport_fp?: unknown;
    readonly rapport_survey?: unknown;
    readonly rapport_score?: unknown;
    readonly rapport_comment?: unknown;
  }
  const surveyOf = (audit: ZendeskAudit) => (audit.metadata?.custom ?? {}) as SurveyMetadata;
  const isSurveyKind = (value: unknown): value is SurveyKind =>
    (surveyKinds as readonly unknown[]).includes(value);
  /** The ticket's answer: the one Rapport wrote, else the requester's rating in Zendesk. */
  const answerOfTicket = (
    ticket: ZendeskTicket,
    audits: readonly ZendeskAudit[],
    customerId: string,
  ): SurveyAnswer | undefined => {
    const own = [...audits]
      .sort((a, b) => a.id - b.id)
      .find((a) => isSurveyKind(surveyOf(a).rapport_survey));
    if (own) {
      const meta = surveyOf(own);
      const kind = meta.rapport_survey as SurveyKind;
      const score = Number(meta.rapport_score);
      return {
        id: `zd-${ticket.id}-${own.id}`,
        customerId,
        complaintId: String(ticket.id),
        kind,
        score:
          Number.isInteger(score) &&
          score >= surveyScales[kind].min &&
          score <= surveyScales[kind].max
            ? score
            : surveyScales[kind].min,
        ...(typeof meta.rapport_comment === 'string' && {comment: meta.rapport_comment}),
        createdAt: own.created_at,
      };
    }
    const rating = ticket.satisfaction_rating;
    if (rating?.score !== 'good' && rating?.score !== 'bad') return undefined;
    const rated = [...audits]
      .reverse()
      .find((a) => a.events.some((e) => e.type === 'SatisfactionRating'));
    return {
      id: `zd-csat-${ticket.id}`,
      customerId,
      complaintId: String(ticket.id),
      kind: 'csat',
      score: rating.score === 'good' ? 5 : 1,
      ...(typeof rating.comment === 'string' &&
        rating.comment.trim() !== '' && {comment: rating.comment.trim()}),
      createdAt: rated?.created_at ?? ticket.updated_at,
    };
  };

  const listSurveyAnswers = (customerId: string, request?: PageRequest, call: CallOptions = {}) =>
    listFromTickets(
      customerId,
      request,
      call,
      async (ticket, id, signal) => {
        const answer = answerOfTicket(ticket, await auditsOf(ticket.id, signal), id);
        return answer ? [answer] : [];
      },
      (answer) => answer.createdAt,
    );

  const createSurveyAnswer = async (
    input: SurveyAnswerInput,
    write: WriteOptions,
  ): Promise<SurveyAnswer> => {
    write?.signal?.throwIfAborted();
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const answer = validateSurveyAnswerInput(input);
    const signal = write.signal;
    if (answer.complaintId === undefined)
      throw invalidInput(
        'complaintId',
        'is required: Zendesk keeps a survey answer on the ticket it is about, so a standalone survey needs another backend (compose one for surveyAnswers)',
      );
    const complaintId = answer.complaintId;
    const print = (await inputFingerprint(answer)).slice(0, 16);
    if (!isUserId(complaintId)) throw noComplaint(complaintId);
    const customer = await userOf(answer.customerId, signal);
    if (!customer) throw noComplaint(complaintId);
    return writeTicket(complaintId, customer.id, 'answer', signal, async (ticket, audits) => {
      // A retry whose answer was lost finds the audit its key is kept in.
      const first = audits.find(
        (a) => surveyOf(a).rapport_key === key && isSurveyKind(surveyOf(a).rapport_survey),
      );
      if (first) {
        if (surveyOf(first).rapport_fp !== print)
          throw new RapportError(
            'conflict',
            `Idempotency key ${JSON.stringify(key)} was used for another survey answer; use a new key for a new answer`,
            {details: {idempotencyKey: key, ticketId: ticket.id}},
          );
        return answerOfTicket(ticket, audits, answer.customerId)!;
      }
      const earlier = answerOfTicket(ticket, audits, answer.customerId);
      if (earlier)
        throw new RapportError(
          'conflict',
          `Customer ${answer.customerId} has already answered the survey about complaint ZD-${ticket.id}: one answer per complaint`,
          {details: {reason: 'already_answered', complaintId, answerId: earlier.id}},
        );
      if (ticket.status === 'closed')
        throw new RapportError(
          'conflict',
          `Complaint ZD-${ticket.id} is closed in Zendesk, which takes nothing more on it, so the answer cannot be kept there`,
          {details: {reason: 'ticket_closed', ticketId: ticket.id}},
        );
      const scale = surveyScales[answer.kind];
      const body = {
        ticket: {
          comment: {
            body: `Survey answer (${answer.kind.toUpperCase()}): ${answer.score} on a scale of ${scale.min} to ${scale.max}.${answer.comment ? `\n“${answer.comment}”` : ''}`,
            public: false,
          },
          safe_update: true,
          updated_stamp: ticket.updated_at,
          metadata: {
            rapport_key: key,
            rapport_fp: print,
            rapport_survey: answer.kind,
            rapport_score: answer.score,
            ...(answer.comment !== undefined && {rapport_comment: answer.comment}),
          },
        },
      };
      signal?.throwIfAborted();
      const answered = await http.request<{ticket: ZendeskTicket; audit: ZendeskAudit}>(
        'PUT',
        `/api/v2/tickets/${ticket.id}.json`,
        {body, signal},
      );
      const made = answerOfTicket(
        answered.body.ticket,
        [...audits, answered.body.audit],
        answer.customerId,
      );
      if (made) return made;
      throw new RapportError(
        'unavailable',
        `Zendesk did not return the audit of the survey answer on ticket ${ticket.id}`,
        {details: {ticketId: ticket.id}},
      );
    });
  };

  // --- fields --------------------------------------------------------------------------------
  const describeFields = async (entity: Entity, call: CallOptions = {}): Promise<FieldCatalog> => {
    validateEntity(entity, entities);
    call.signal?.throwIfAborted();
    if (entity === 'complaint')
      return {
        entity,
        fields: complaintDescriptors(checked, await loadTicketFields(call.signal)),
      };
    const userFields = await allFields('/api/v2/user_fields.json', 'user_fields', call.signal);
    return {entity, fields: customerDescriptors(userFields)};
  };

  return {
    name: 'zendesk',
    capabilities: {
      maxBatchSize: MAX_BATCH,
      entities,
      // Only mapped ticket fields are written; without any, custom values are refused.
      customFieldsWritable: checked.customFields.size > 0,
    },
    resources: {
      customers: {read: readCustomers},
      complaints: {list: listComplaints, create: createComplaint, scan: scanComplaints},
      interactions: {list: listInteractions},
      complaintUpdates: {list: listUpdates, create: createUpdate},
      surveyAnswers: {list: listSurveyAnswers, create: createSurveyAnswer},
    },
    describeFields,
    // Unless Zendesk answered lately, one ticket field: a small read that needs the credentials.
    async ping(call = {}) {
      if (!http.answeredWithin(30_000))
        await get('/api/v2/ticket_fields.json', {per_page: 1}, call.signal);
    },
  };
}
