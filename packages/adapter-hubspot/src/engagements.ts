// Interactions are the contact's engagements (notes, e-mails, calls, meetings) and its tickets (a
// complaint is an interaction too), newest first.
import {
  validateCustomerId,
  validatePage,
  type CallOptions,
  type Interaction,
  type Page,
} from '@rapport/core';
import type {HubSpotApi} from './client.js';
import type {Customers} from './customers.js';
import {pageOf} from './pages.js';
import {parseValue, type HubSpotProperty} from './properties.js';
import type {Tickets} from './tickets.js';

/** Engagement objects an interactions list reads, with what Rapport calls them. */
const engagementKinds = [
  {object: 'notes', type: 'note', channel: 'web', summary: 'hs_note_body'},
  {object: 'emails', type: 'email', channel: 'email', summary: 'hs_email_subject'},
  {object: 'calls', type: 'call', channel: 'phone', summary: 'hs_call_title'},
  // A meeting is face to face as often as not; HubSpot does not say which.
  {object: 'meetings', type: 'meeting', channel: 'store', summary: 'hs_meeting_title'},
] as const;

/** A note's HTML body as one line of text, for a timeline (it is shown as text, never as HTML). */
function plain(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** `interactions.list`. */
export function engagements(api: HubSpotApi, contacts: Customers, tickets: Tickets) {
  return async (
    customerId: string,
    request: {cursor?: string; limit?: number} | undefined,
    o: CallOptions = {},
  ): Promise<Page<Interaction>> => {
    o.signal?.throwIfAborted();
    const id = validateCustomerId(customerId);
    const {cursor, limit} = validatePage(request);
    const contactId = await contacts.needContact(id, o.signal);
    const items: Interaction[] = [];
    await Promise.all(
      engagementKinds.map(async (kind) => {
        const ids = await api.associated(
          {object: 'contacts', id: contactId},
          kind.object,
          o.signal,
        );
        const objects = await api.batchRead(
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
    const ticketIds = await api.associated(
      {object: 'contacts', id: contactId},
      'tickets',
      o.signal,
    );
    for (const ticket of await api.batchRead(
      'tickets',
      ticketIds,
      tickets.ticketRequest,
      o.signal,
    )) {
      const complaint = tickets.toComplaint(ticket, id);
      items.push({
        id: `complaint-${ticket.id}`,
        customerId: id,
        channel: complaint.channel,
        type: 'complaint',
        at: complaint.createdAt,
        summary: `${complaint.reference}: ${complaint.subject}`,
      });
    }
    return pageOf(items, (i) => i.at, cursor, limit);
  };
}
