// The parts of Zendesk's JSON the adapter reads, as the recorded bodies show them (src/fake/recorded).
// Internal: the public surface is the adapter and its options.

/** Ticket priorities, lowest first. */
export const zendeskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** One of {@link zendeskPriorities}. */
export type ZendeskPriority = (typeof zendeskPriorities)[number];

/** Ticket statuses, in the order a ticket usually moves through them. */
export const zendeskStatuses = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
/** One of {@link zendeskStatuses}. */
export type ZendeskStatus = (typeof zendeskStatuses)[number];

/** Ticket types. */
export const zendeskTicketTypes = ['problem', 'incident', 'question', 'task'] as const;
/** One of {@link zendeskTicketTypes}. */
export type ZendeskTicketType = (typeof zendeskTicketTypes)[number];

export interface ZendeskUser {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly phone?: string | null;
  readonly locale?: string | null;
  readonly photo?: {readonly content_url?: string | null} | null;
  readonly tags?: readonly string[];
  readonly role?: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly user_fields?: Readonly<Record<string, unknown>>;
}

export interface ZendeskCustomFieldValue {
  readonly id: number;
  readonly value: unknown;
}

export interface ZendeskTicket {
  readonly id: number;
  readonly external_id: string | null;
  readonly via?: {readonly channel?: string} | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly type: string | null;
  readonly subject: string | null;
  readonly description: string | null;
  readonly priority: string | null;
  readonly status: string;
  readonly requester_id: number;
  readonly assignee_id?: number | null;
  readonly tags: readonly string[];
  readonly custom_fields: readonly ZendeskCustomFieldValue[];
  /** The requester's rating (legacy CSAT): `offered`, `unoffered`, `good` or `bad`, with a comment. */
  readonly satisfaction_rating?: {
    readonly id?: number;
    readonly score?: string;
    readonly comment?: string | null;
  } | null;
}

export interface ZendeskFieldOption {
  readonly name: string;
  readonly value: string;
}

/** A ticket field (`GET /api/v2/ticket_fields.json`) or a user field (`GET /api/v2/user_fields.json`). */
export interface ZendeskField {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly active: boolean;
  /** User fields only: the key their values go under in `user_fields`. */
  readonly key?: string | null;
  readonly custom_field_options?: readonly ZendeskFieldOption[] | null;
  readonly system_field_options?: readonly ZendeskFieldOption[] | null;
  /** Ticket fields: false for the system fields (subject, status...). */
  readonly removable?: boolean;
}

export interface ZendeskAuditEvent {
  readonly id: number;
  readonly type: string;
  readonly body?: string;
  readonly public?: boolean;
  readonly author_id?: number;
  readonly field_name?: string;
  readonly plain_body?: string;
  readonly value?: unknown;
  readonly previous_value?: unknown;
}

export interface ZendeskAudit {
  readonly id: number;
  readonly ticket_id: number;
  readonly created_at: string;
  readonly author_id: number;
  /** `custom` holds what the update that made the audit sent as the ticket's `metadata`. */
  readonly metadata?: {
    readonly custom?: Readonly<Record<string, unknown>> | null;
    readonly system?: Readonly<Record<string, unknown>> | null;
  } | null;
  readonly events: readonly ZendeskAuditEvent[];
}

/** What cursor-paginated lists add (`page[size]`, `page[after]`). */
export interface ZendeskCursorPage {
  readonly meta: {
    readonly has_more: boolean;
    readonly after_cursor: string | null;
    readonly before_cursor: string | null;
  };
  readonly links?: {readonly next: string | null; readonly prev: string | null};
}
