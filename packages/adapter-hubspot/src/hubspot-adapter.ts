// The adapter's factory: checks the options, reads the portal, and wires the resources, each in its
// own file (customers.ts, tickets.ts, threads.ts, engagements.ts, loyalty.ts, fields.ts; options.ts for the
// options and start-up checks, client.ts for HTTP, pages.ts for cursors).
import type {CrmAdapter} from '@rapport/core';
import {BATCH, hubspotApi} from './client.js';
import {customers} from './customers.js';
import {engagements} from './engagements.js';
import {fieldCatalogs} from './fields.js';
import {loyaltyAccounts} from './loyalty.js';
import {checkOptions, readPortal, type HubSpotAdapterOptions} from './options.js';
import {threads} from './threads.js';
import {tickets} from './tickets.js';

export type {HubSpotAdapterOptions} from './options.js';

/**
 * A Rapport adapter for HubSpot CRM: customers from contacts (custom properties as custom fields),
 * complaints as tickets in a pipeline (created exactly once through a unique ticket property),
 * complaint updates as the ticket's notes and stage (with a thread property keeping their authors),
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
  checkOptions(options);
  const baseUrl = (options.baseUrl ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const api = hubspotApi(options, baseUrl, now);
  const portal = await readPortal(options, api, baseUrl, now);

  const contacts = customers(portal, api);
  const complaints = tickets(portal, api, contacts);
  const {entities, describeFields} = fieldCatalogs(portal, contacts, complaints);
  const {threadProperty} = portal;
  const thread =
    threadProperty === null
      ? undefined
      : threads({...portal, threadProperty}, api, contacts, complaints, options.complaintPolicy);
  return {
    name: 'hubspot',
    capabilities: {maxBatchSize: BATCH, entities, customFieldsWritable: true},
    resources: {
      customers: {read: contacts.read, scan: contacts.scan},
      ...(options.loyalty && {
        loyaltyAccounts: {read: loyaltyAccounts(portal, contacts, options.loyalty)},
      }),
      complaints: {list: complaints.list, create: complaints.create},
      interactions: {list: engagements(api, contacts, complaints)},
      ...(thread && {complaintUpdates: {list: thread.list, create: thread.create}}),
    },
    describeFields,
    // Unless HubSpot answered lately, the ticket pipelines: a small read that needs the token.
    async ping(call = {}) {
      if (!api.answeredWithin(30_000))
        await api.get('/crm/v3/pipelines/tickets', undefined, call.signal);
    },
  };
}
