// Complaint threads: replies are notes on the complaint's ticket, actions move the ticket to a stage of
// the pipeline. HubSpot keeps no author on a note but the app, and no idempotency key, so each update
// Rapport writes is first an entry of the ticket's thread property (who wrote it, the action, the
// status after it, the key and a fingerprint of the input), written with the stage in one PATCH; then
// the note; then the entry names the note. A retry finds the entry of its key and finishes what the
// first attempt began. Notes written in HubSpot are the team's own and never reach the thread.
import {
  RapportError,
  applyComplaintUpdate,
  complaintActions,
  complaintStatuses,
  defaultComplaintPolicy,
  inputFingerprint,
  randomId,
  validateComplaintUpdateInput,
  validateCustomerId,
  validateIdempotencyKey,
  validatePage,
  type CallOptions,
  type ComplaintAction,
  type ComplaintPolicy,
  type ComplaintStatus,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type Page,
  type UpdateAuthor,
} from '@rapport/core';
import type {HubSpotApi, HubSpotObject} from './client.js';
import type {Customers} from './customers.js';
import type {Portal} from './options.js';
import {pageOf} from './pages.js';
import type {Tickets} from './tickets.js';

/** Association type note → ticket (HUBSPOT_DEFINED). */
const NOTE_TO_TICKET = 228;
/** Entries a thread property keeps (the oldest go first when it is full). */
const MAX_ENTRIES = 100;
/** HubSpot's limit on a text property's value, in characters. */
const MAX_PROPERTY_LENGTH = 65_536;
/** Writes of an entry that another writer's PATCH replaced before it was read back. */
const WRITE_ATTEMPTS = 5;

/**
 * One update Rapport wrote, as the ticket's thread property keeps it (short keys: the property has a
 * length): id, idempotency key, input fingerprint, when, status after, action, author kind, role,
 * staff id, whether it has a reply (`b`) and the note holding it (`n`).
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
  readonly n?: string;
}

/** The entries of a thread property; what does not parse (someone edited it) counts as none. */
function parseThread(value: string | null | undefined): ThreadEntry[] {
  if (!value) return [];
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
      (e.n === undefined || typeof e.n === 'string'),
  );
}

/** The thread as the property holds it: the newest entries that fit. */
function threadText(entries: readonly ThreadEntry[]): string {
  let kept = entries.slice(-MAX_ENTRIES);
  let text = JSON.stringify(kept);
  while (text.length > MAX_PROPERTY_LENGTH && kept.length > 1)
    text = JSON.stringify((kept = kept.slice(1)));
  return text;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** A reply as a note's HTML body: escaped, one paragraph per line. */
function noteHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${line.replace(/[&<>"']/g, (c) => escapes[c]!)}</p>`)
    .join('');
}
const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};
/** A note's HTML body as the text it says (an agent may have edited it in HubSpot). */
function noteText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .trim();
}

/** The complaint-updates resource, on the ticket's thread property and its notes. */
export function threads(
  portal: Portal & {readonly threadProperty: string},
  api: HubSpotApi,
  contacts: Customers,
  tickets: Tickets,
  policy: ComplaintPolicy = defaultComplaintPolicy,
) {
  const {threadProperty, stages, pipelineId, now} = portal;
  const ticketProperties = [...tickets.ticketRequest, threadProperty];

  const noComplaint = (complaintId: string) =>
    new RapportError(
      'not_found',
      `HubSpot has no ticket of this customer for complaintId ${JSON.stringify(complaintId)}`,
      {
        fields: {complaintId: 'names no complaint of this customer'},
        details: {vendor: 'HubSpot', complaintId},
      },
    );
  /** The ticket of an update, checked to be the customer's and in the pipeline, or not_found. */
  const ticketOf = async (update: ComplaintUpdateInput, signal?: AbortSignal) => {
    const contactId = await contacts.contactIdOf(update.customerId, signal);
    if (contactId === undefined || !/^\d{1,20}$/.test(update.complaintId))
      throw noComplaint(update.complaintId);
    const theirs = await api.associated({object: 'contacts', id: contactId}, 'tickets', signal);
    if (!theirs.includes(update.complaintId)) throw noComplaint(update.complaintId);
    const [ticket] = await api.batchRead('tickets', [update.complaintId], ticketProperties, signal);
    if (!ticket || (ticket.properties.hs_pipeline ?? pipelineId) !== pipelineId)
      throw noComplaint(update.complaintId);
    return ticket;
  };
  const threadOf = (ticket: HubSpotObject) => parseThread(ticket.properties[threadProperty]);

  /** The stage an action moves the ticket to, and the status it reads back as. */
  const stageFor = (status: ComplaintStatus): {id: string; reads: ComplaintStatus} => {
    const exact = Object.keys(stages).find((s) => stages[s] === status);
    if (exact) return {id: exact, reads: status};
    // No stage means it: the nearest one, and the thread says what the ticket now reads as.
    const nearest: ComplaintStatus | undefined =
      status === 'resolved' || status === 'rejected'
        ? 'closed'
        : status === 'acknowledged'
          ? 'in_progress'
          : undefined;
    const fallback = nearest && Object.keys(stages).find((s) => stages[s] === nearest);
    if (nearest && fallback) return {id: fallback, reads: nearest};
    throw new RapportError(
      'unsupported',
      `hubspotAdapter: no stage of pipeline "${pipelineId}" maps to the complaint status ${status}; map one to it in option stages`,
      {details: {option: 'stages', status}},
    );
  };

  const authorOf = (entry: ThreadEntry, customerId: string): UpdateAuthor =>
    entry.w === 'customer'
      ? {kind: 'customer', role: entry.r, id: customerId}
      : {kind: 'staff', role: entry.r, ...(entry.i !== undefined && {id: entry.i})};
  const lineOf = (
    ticketId: string,
    entry: ThreadEntry,
    customerId: string,
    body: string | null,
  ): ComplaintUpdate => ({
    id: entry.n ? `note-${entry.n}` : `rp-${ticketId}-${entry.d}`,
    complaintId: ticketId,
    customerId,
    author: authorOf(entry, customerId),
    body,
    action: entry.a,
    status: entry.s,
    at: entry.t,
  });

  /** The ticket's notes, with their bodies and times. */
  const notesOf = async (ticketId: string, signal?: AbortSignal) =>
    api.batchRead(
      'notes',
      await api.associated({object: 'tickets', id: ticketId}, 'notes', signal),
      ['hs_note_body', 'hs_timestamp'],
      signal,
    );
  /** The note an entry's first attempt wrote, when its answer was lost: the same time and text. */
  const noteOfEntry = (notes: readonly HubSpotObject[], entry: ThreadEntry, text: string) =>
    notes.find(
      (note) =>
        Date.parse(note.properties.hs_timestamp ?? '') === Date.parse(entry.t) &&
        noteText(note.properties.hs_note_body ?? '') === text,
    );

  /** Writes the thread (and the stage), then reads it back: HubSpot has no conditional update. */
  const writeThread = async (
    ticket: HubSpotObject,
    entries: readonly ThreadEntry[],
    key: string,
    stage: string | undefined,
    signal?: AbortSignal,
  ): Promise<boolean> => {
    signal?.throwIfAborted();
    await api.patch(
      `/crm/v3/objects/tickets/${ticket.id}`,
      {
        properties: {
          [threadProperty]: threadText(entries),
          ...(stage && {hs_pipeline_stage: stage}),
        },
      },
      signal,
    );
    const [again] = await api.batchRead('tickets', [ticket.id], [threadProperty], signal);
    return again !== undefined && threadOf(again).some((e) => e.k === key);
  };

  const busy = () =>
    new RapportError(
      'unavailable',
      `The ticket kept changing while the update was written (${WRITE_ATTEMPTS} attempts); try again with the same idempotency key`,
      {retryAfterMs: 500, details: {vendor: 'HubSpot', reason: 'ticket_busy'}},
    );

  const writeUpdate = async (
    key: string,
    update: ComplaintUpdateInput,
    signal?: AbortSignal,
  ): Promise<ComplaintUpdate> => {
    const fingerprint = await inputFingerprint(update);
    const text =
      update.body ??
      (update.action === 'resolve' || update.action === 'reject' ? update.resolution : undefined);
    let ticket: HubSpotObject;
    let entry: ThreadEntry | undefined;
    for (let attempt = 1; ; attempt++) {
      ticket = await ticketOf(update, signal);
      const thread = threadOf(ticket);
      entry = thread.find((e) => e.k === key);
      if (entry && entry.f !== fingerprint)
        throw new RapportError(
          'conflict',
          `Idempotency key ${JSON.stringify(key)} was used for another update of this complaint; use a new key for a new submission`,
          {details: {vendor: 'HubSpot', idempotencyKey: key}},
        );
      if (entry) break;
      // Core's rules before HubSpot sees anything: the role's actions, the reopen window, the state
      // machine. An update is never before the ticket's last change, whatever the clocks say.
      const complaint = tickets.toComplaint(ticket, update.customerId);
      const at = Math.max(now(), Date.parse(complaint.updatedAt));
      const applied = applyComplaintUpdate(complaint, update, {id: 'pending', at, policy});
      const target = update.action === undefined ? undefined : stageFor(applied.complaint.status);
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
        ...(text !== undefined && {b: 1}),
      };
      if (await writeThread(ticket, [...thread, entry], key, target?.id, signal)) break;
      if (attempt >= WRITE_ATTEMPTS) throw busy();
    }
    if (entry.b !== 1 || entry.n !== undefined || text === undefined)
      return lineOf(ticket.id, entry, update.customerId, text ?? null);

    // The reply: found when a lost answer wrote it already, else written now.
    let note = noteOfEntry(await notesOf(ticket.id, signal), entry, text);
    if (!note) {
      signal?.throwIfAborted();
      note = await api.post<HubSpotObject>(
        '/crm/v3/objects/notes',
        {
          properties: {hs_timestamp: entry.t, hs_note_body: noteHtml(text)},
          associations: [
            {
              to: {id: ticket.id},
              types: [{associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_TICKET}],
            },
          ],
        },
        signal,
      );
    }
    // The entry names its note; the ticket may have changed since, so it is read again first. When
    // this write is lost, the list still finds the note by its time and text.
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const current = threadOf(
        (await api.batchRead('tickets', [ticket.id], [threadProperty], signal))[0] ?? ticket,
      );
      const at = current.findIndex((e) => e.k === key);
      if (at < 0 || current[at]!.n !== undefined) break;
      current[at] = {...current[at]!, n: note.id};
      if (await writeThread(ticket, current, key, undefined, signal)) break;
    }
    return lineOf(ticket.id, {...entry, n: note.id}, update.customerId, text);
  };

  // Updates of one ticket in this process run one after another, so two never write its thread at
  // once and a retry racing its first attempt waits for it instead of writing the reply twice.
  const inFlight = new Map<string, Promise<unknown>>();
  const create = async (
    input: ComplaintUpdateInput,
    write: {idempotencyKey: string; signal?: AbortSignal},
  ): Promise<ComplaintUpdate> => {
    write?.signal?.throwIfAborted();
    const key = validateIdempotencyKey(write?.idempotencyKey);
    const update = validateComplaintUpdateInput(input);
    const before = inFlight.get(update.complaintId);
    const run = (async () => {
      await before?.catch(() => undefined);
      return writeUpdate(key, update, write.signal);
    })();
    inFlight.set(update.complaintId, run);
    try {
      return await run;
    } finally {
      if (inFlight.get(update.complaintId) === run) inFlight.delete(update.complaintId);
    }
  };

  const list = async (
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o: CallOptions = {},
  ): Promise<Page<ComplaintUpdate>> => {
    o.signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const contactId = await contacts.needContact(id, o.signal);
    const ids = await api.associated({object: 'contacts', id: contactId}, 'tickets', o.signal);
    const ticketsOf = (
      await api.batchRead('tickets', ids, ['hs_pipeline', threadProperty], o.signal)
    ).filter((t) => (t.properties.hs_pipeline ?? pipelineId) === pipelineId);
    const threadsOf = ticketsOf.map((t) => ({ticket: t, entries: threadOf(t)}));
    const replies = threadsOf.flatMap(({entries}) => entries.flatMap((e) => (e.n ? [e.n] : [])));
    const notes = new Map(
      (await api.batchRead('notes', replies, ['hs_note_body', 'hs_timestamp'], o.signal)).map(
        (n) => [n.id, n],
      ),
    );
    const lines: ComplaintUpdate[] = [];
    for (const {ticket, entries} of threadsOf) {
      // A reply whose entry does not name its note yet (its attempt's last write was lost): the
      // ticket's notes are read to find it by its time and text.
      const unnamed = entries.some((e) => e.b === 1 && e.n === undefined);
      const ticketNotes = unnamed ? await notesOf(ticket.id, o.signal) : [];
      for (const entry of entries) {
        if (entry.b !== 1) {
          lines.push(lineOf(ticket.id, entry, id, null));
          continue;
        }
        const note = entry.n
          ? notes.get(entry.n)
          : ticketNotes.find(
              (n) => Date.parse(n.properties.hs_timestamp ?? '') === Date.parse(entry.t),
            );
        // A reply whose note is gone (deleted in HubSpot, or not written yet) is not shown.
        if (note)
          lines.push(
            lineOf(
              ticket.id,
              {...entry, n: note.id},
              id,
              noteText(note.properties.hs_note_body ?? ''),
            ),
          );
      }
    }
    return pageOf(lines, (line) => line.at, cursor, limit);
  };

  return {list, create};
}
