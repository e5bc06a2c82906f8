// Complaints are tickets in one pipeline, associated with the contact, created exactly once: the
// idempotency key is a unique ticket property, so HubSpot itself holds what was stored, and any
// retry, concurrent attempt or second gateway finds the ticket by its key.
import {
  RapportError,
  inputFingerprint,
  invalidInput,
  slaDueDates,
  validateComplaintInput,
  validateCustomerId,
  validateIdempotencyKey,
  validatePage,
  type CallOptions,
  type Channel,
  type Complaint,
  type ComplaintContact,
  type ComplaintInput,
  type ComplaintStatus,
  type Page,
  type Severity,
  refuseComplaint,
} from '@rapport/core';
import type {HubSpotApi, HubSpotObject} from './client.js';
import type {Customers} from './customers.js';
import type {Portal} from './options.js';
import {pageOf} from './pages.js';
import {formatValue, isCustom, parseValue, type HubSpotProperty} from './properties.js';

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

/** Association type ticket → contact (HUBSPOT_DEFINED). */
const TICKET_TO_CONTACT = 16;

/** What the adapter keeps in the submission property. */
interface Submission {
  readonly v: 1;
  readonly fingerprint: string;
  readonly channel: Channel;
  readonly category: string;
  readonly customerId: string | null;
  readonly contact?: ComplaintContact;
}

/** Whether HubSpot refused a call with a 4xx (the request was understood and not carried out). */
const refused = (error: unknown): error is RapportError => {
  if (!(error instanceof RapportError)) return false;
  const status = (error.details as {status?: unknown} | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/** Complaints as tickets, for the other resources too. */
export interface Tickets {
  /** Custom ticket properties read as custom fields (not the adapter's own). */
  readonly customTicket: readonly string[];
  /** The ticket properties every read asks for. */
  readonly ticketRequest: readonly string[];
  toComplaint(ticket: HubSpotObject, customerId: string | null): Complaint;
  /** `complaints.create`, exactly once per idempotency key. */
  create(
    input: ComplaintInput,
    write: {idempotencyKey: string; signal?: AbortSignal},
  ): Promise<Complaint>;
  /** `complaints.list`: the contact's tickets in the pipeline, newest first. */
  list(
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o?: CallOptions,
  ): Promise<Page<Complaint>>;
}

export function tickets(portal: Portal, api: HubSpotApi, contacts: Customers): Tickets {
  const {
    pipelineId,
    pipeline,
    stages,
    newStage,
    priorities,
    categories,
    idempotencyProperty,
    submissionProperty,
    threadProperty,
    slaPolicy,
    ticketProps,
  } = portal;
  const internal = new Set([idempotencyProperty, submissionProperty, threadProperty]);
  const customTicket = [...ticketProps.values()]
    .filter((p) => isCustom(p) && !internal.has(p.name))
    .map((p) => p.name);
  const ticketRequest = [
    ...standardTicketProperties,
    idempotencyProperty,
    submissionProperty,
    ...customTicket,
  ];

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

  const ticketByKey = async (key: string, signal?: AbortSignal) => {
    try {
      return await api.get<HubSpotObject>(
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
    refuseComplaint(problems);
    const print = await inputFingerprint(checked);
    // Exactly once, kept by HubSpot itself: the key is a unique ticket property, so a retry finds
    // the ticket an earlier attempt stored, even when that attempt's answer was lost.
    const existing = await ticketByKey(key, signal);
    if (existing) return replay(existing, print);
    let contactId: string | undefined;
    if (checked.customerId !== undefined) {
      contactId = await contacts.contactIdOf(checked.customerId, signal);
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
      const ticket = await api.post<HubSpotObject>(
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
      // Refused: a concurrent or earlier attempt may hold the key. HubSpot does not promise a 409 for
      // a taken unique value (a 400 VALIDATION_ERROR is as likely), so after any 4xx the ticket is
      // looked for by its key; only when there is none is the refusal the answer. A look-up that
      // fails throws its own error (a 5xx is retryable), never the refusal, which may be about a
      // ticket that exists.
      if (refused(error)) {
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
    const contactId = await contacts.needContact(id, o.signal);
    const ids = await api.associated({object: 'contacts', id: contactId}, 'tickets', o.signal);
    const listed = (await api.batchRead('tickets', ids, ticketRequest, o.signal))
      .filter((t) => t.properties.hs_pipeline === pipelineId || !t.properties.hs_pipeline)
      .map((t) => toComplaint(t, id))
      // Listed under this customer: an anonymous ticket an agent linked to the contact is theirs now.
      .map((c) => (c.customerId === id ? c : {...c, customerId: id}));
    return pageOf(listed, (c) => c.createdAt, cursor, limit);
  };

  return {
    customTicket,
    ticketRequest,
    toComplaint,
    create: createComplaint,
    list: listComplaints,
  };
}
