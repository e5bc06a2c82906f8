import {invalidInput, RapportError} from '../errors.js';
import {toEpochMs, toIso, type Instant} from '../time.js';
import type {Account, Contact, Lead, Opportunity} from './sales.js';

/** What {@link convertLead} needs besides the lead. */
export interface LeadConversion {
  readonly at: Instant;
  /** Ids for the records created (the function is pure, so the caller chooses them). */
  readonly ids: {readonly contact: string; readonly account: string; readonly opportunity?: string};
  /** Attach the contact to this existing account instead of creating one. */
  readonly existingAccount?: Account;
  /** Also open a deal. */
  readonly opportunity?: Pick<
    Opportunity,
    'name' | 'stageId' | 'amount' | 'currency' | 'expectedCloseDate'
  >;
}

/** The records a conversion produces. */
export interface ConvertedLead {
  /** The lead, now `converted`. */
  readonly lead: Lead;
  readonly contact: Contact;
  /** The existing account, or a new one (a person account when the lead has no company). */
  readonly account: Account;
  /** Present when a deal was requested. */
  readonly opportunity?: Opportunity;
}

/**
 * Converts a qualified lead into a contact at an account (new or existing), optionally with an
 * opportunity. The lead's owner owns what is created.
 *
 * @throws RapportError `invalid_transition` unless the lead is `qualified`; `invalid_input` when an
 *   opportunity is requested without an id for it.
 */
export function convertLead(lead: Lead, conversion: LeadConversion): ConvertedLead {
  if (lead.status !== 'qualified') {
    throw new RapportError(
      'invalid_transition',
      `Lead ${lead.id} is ${lead.status}; only a qualified lead can be converted`,
      {details: {from: lead.status, action: 'convert'}},
    );
  }
  const at = toIso(toEpochMs(conversion.at, 'at'));
  const owner = lead.ownerId === undefined ? {} : {ownerId: lead.ownerId};
  const personName = [lead.name.given, lead.name.family].filter(Boolean).join(' ');
  const account: Account = conversion.existingAccount ?? {
    id: conversion.ids.account,
    name: lead.company?.trim() || personName || lead.email || lead.id,
    kind: lead.company?.trim() ? 'organization' : 'person',
    createdAt: at,
    customFields: {},
    ...owner,
  };
  const contact: Contact = {
    id: conversion.ids.contact,
    accountId: account.id,
    name: lead.name,
    createdAt: at,
    customFields: lead.customFields,
    ...(lead.email !== undefined && {email: lead.email}),
    ...(lead.phone !== undefined && {phone: lead.phone}),
    ...owner,
  };
  let opportunity: Opportunity | undefined;
  if (conversion.opportunity) {
    if (conversion.ids.opportunity === undefined) {
      throw invalidInput('ids.opportunity', 'is required when an opportunity is requested');
    }
    opportunity = {
      ...conversion.opportunity,
      id: conversion.ids.opportunity,
      accountId: account.id,
      contactId: contact.id,
      createdAt: at,
      ...owner,
    };
  }
  return {
    lead: {...lead, status: 'converted', convertedAt: at},
    contact,
    account,
    ...(opportunity && {opportunity}),
  };
}
