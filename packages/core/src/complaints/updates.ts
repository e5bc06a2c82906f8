import {RapportError, refuseInput, requireObject} from '../errors.js';
import {isRecord} from '../fields.js';
import {textLength} from '../text.js';
import {MS_PER_DAY, toEpochMs, toIso, type Instant, type IsoDateTime} from '../time.js';
import type {Complaint, ComplaintStatus} from './complaint.js';
import {complaintActions, transitionComplaint, type ComplaintAction} from './lifecycle.js';

/**
 * Who wrote an update: the customer, or someone of the business in a role of the customization
 * document. Behind the gateway it comes from the caller's verified token, never from the request body.
 */
export interface UpdateAuthor {
  readonly kind: 'customer' | 'staff';
  /** The customization role they acted in (`customer`, `agent`, `supervisor`). */
  readonly role: string;
  /** The customer's or the agent's id, when known. */
  readonly id?: string;
}

/** A reply on a complaint, a status change, or both: one line of the complaint's public thread. */
export interface ComplaintUpdate {
  /** Stable id. */
  readonly id: string;
  readonly complaintId: string;
  /** The complaint's customer. */
  readonly customerId: string;
  readonly author: UpdateAuthor;
  /** The reply, or `null` for a status change alone. */
  readonly body: string | null;
  /** The action taken, or `null` for a reply alone. */
  readonly action: ComplaintAction | null;
  /** The complaint's status after the update. */
  readonly status: ComplaintStatus;
  readonly at: IsoDateTime;
}

/** What a person submits: a reply, an action, or both (a resolution says what was done). */
export interface ComplaintUpdateInput {
  readonly complaintId: string;
  /** The complaint's customer. */
  readonly customerId: string;
  /** The reply. */
  readonly body?: string;
  /** An action of the complaint's life cycle. */
  readonly action?: ComplaintAction;
  /** For `resolve` and `reject`: what was done, or why not. */
  readonly resolution?: string;
  /** Who writes; behind the gateway it is set from the token. Default the customer. */
  readonly author?: UpdateAuthor;
}

/** Length limit of a reply, in characters (code points). */
export const complaintUpdateLimits = {body: 5000, resolution: 2000} as const;

/**
 * Which role may take which action, and how long after resolution a customer may reopen. Roles not
 * listed may reply but take no action: deny by default.
 */
export interface ComplaintPolicy {
  /** The actions each role may take, by customization role id. */
  readonly actions: Readonly<Record<string, readonly ComplaintAction[]>>;
  /** Days after `resolvedAt` during which the `customer` role may reopen. */
  readonly reopenWithinDays: number;
}

/**
 * Customers reply and reopen within 14 days of resolution; agents move a complaint along (and reopen
 * it); supervisors may also close it.
 */
export const defaultComplaintPolicy: ComplaintPolicy = {
  actions: {
    customer: ['reopen'],
    agent: ['acknowledge', 'start', 'resolve', 'reject', 'reopen'],
    supervisor: complaintActions,
  },
  reopenWithinDays: 14,
};

/** The actions `role` may take under `policy` (none for a role it does not list). */
export function actionsForRole(policy: ComplaintPolicy, role: string): readonly ComplaintAction[] {
  return Object.hasOwn(policy.actions, role) ? policy.actions[role]! : [];
}

/**
 * Refuses an action the author's role may not take: `forbidden`, naming the role, the action and
 * what the role may do. Gateways call it before the backend sees the update.
 */
export function checkComplaintAction(
  policy: ComplaintPolicy,
  role: string,
  action: ComplaintAction,
): void {
  const allowed = actionsForRole(policy, role);
  if (allowed.includes(action)) return;
  throw new RapportError(
    'forbidden',
    `The ${role} role may not ${action} a complaint` +
      (allowed.length > 0 ? ` (it may: ${allowed.join(', ')})` : ' (it may only reply)'),
    {details: {reason: 'action_not_allowed', role, action, allowed}},
  );
}

/**
 * Checks an update submission and returns it typed, with its texts trimmed.
 *
 * @throws RapportError `invalid_input` naming each field at fault.
 */
export function validateComplaintUpdateInput(input: unknown): ComplaintUpdateInput {
  requireObject('complaint update', input);
  const problems: Record<string, string> = {};
  const id = (field: string): string | undefined => {
    const value = input[field];
    if (typeof value === 'string' && value !== '' && value.length <= 256) return value;
    problems[field] = 'must be a non-empty id';
    return undefined;
  };
  const text = (field: string, max: number): string | undefined => {
    const value = input[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') problems[field] = 'must be text';
    else if (textLength(value) > max) problems[field] = `must be at most ${max} characters`;
    else if (value.trim() !== '') return value.trim();
    return undefined;
  };
  const complaintId = id('complaintId');
  const customerId = id('customerId');
  const body = text('body', complaintUpdateLimits.body);
  const resolution = text('resolution', complaintUpdateLimits.resolution);
  const action = input.action;
  if (action !== undefined && !(complaintActions as readonly unknown[]).includes(action))
    problems.action = `must be one of ${complaintActions.join(', ')}`;
  if (action === undefined && body === undefined && problems.body === undefined)
    problems.body = 'is required (a reply, an action, or both)';
  const author = input.author;
  if (
    author !== undefined &&
    !(
      isRecord(author) &&
      (author.kind === 'customer' || author.kind === 'staff') &&
      typeof author.role === 'string' &&
      author.role !== '' &&
      (author.id === undefined || typeof author.id === 'string')
    )
  )
    problems.author = 'must be {kind: "customer" | "staff", role, id?}';
  refuseInput('complaint update', problems);
  return {
    complaintId: complaintId!,
    customerId: customerId!,
    ...(body !== undefined && {body}),
    ...(action !== undefined && {action: action as ComplaintAction}),
    ...(resolution !== undefined && {resolution}),
    ...(author !== undefined && {author: author as unknown as UpdateAuthor}),
  };
}

/** What {@link applyComplaintUpdate} needs besides the complaint and the input. */
export interface UpdateOptions {
  /** The id of the new update. */
  readonly id: string;
  readonly at: Instant;
  /** Default {@link defaultComplaintPolicy}. */
  readonly policy?: ComplaintPolicy;
}

/**
 * Applies a reply or an action to a complaint: checks the author's role against the policy (and a
 * customer's reopen window), moves the complaint through its life cycle, and returns the changed
 * complaint with the update to add to its thread. Nothing is changed in place.
 *
 * @throws RapportError `forbidden` for an action the role may not take or a reopen past the window;
 *   `invalid_transition` for an action the status does not allow; `invalid_input` as
 *   `transitionComplaint` does (a resolve without a resolution text).
 */
export function applyComplaintUpdate(
  complaint: Complaint,
  input: ComplaintUpdateInput,
  options: UpdateOptions,
): {readonly complaint: Complaint; readonly update: ComplaintUpdate} {
  const policy = options.policy ?? defaultComplaintPolicy;
  const author: UpdateAuthor = input.author ?? {
    kind: 'customer',
    role: 'customer',
    id: input.customerId,
  };
  const at = toEpochMs(options.at, 'at');
  let changed = complaint;
  if (input.action !== undefined) {
    checkComplaintAction(policy, author.role, input.action);
    if (
      input.action === 'reopen' &&
      author.kind === 'customer' &&
      complaint.resolvedAt !== undefined &&
      at > Date.parse(complaint.resolvedAt) + policy.reopenWithinDays * MS_PER_DAY
    )
      throw new RapportError(
        'forbidden',
        `Complaint ${complaint.reference} was resolved more than ${policy.reopenWithinDays} days ago: it can no longer be reopened by the customer`,
        {details: {reason: 'reopen_window_passed', reopenWithinDays: policy.reopenWithinDays}},
      );
    changed = transitionComplaint(complaint, input.action, {
      at,
      ...((input.resolution ?? input.body) !== undefined && {
        resolution: (input.resolution ?? input.body)!,
      }),
    });
  } else if (at >= Date.parse(complaint.updatedAt)) {
    // The business's first public reply is its first response, whatever the status.
    changed = {
      ...complaint,
      updatedAt: toIso(at),
      ...(author.kind === 'staff' &&
        complaint.firstResponseAt === undefined && {firstResponseAt: toIso(at)}),
    };
  }
  return {
    complaint: changed,
    update: {
      id: options.id,
      complaintId: complaint.id,
      customerId: input.customerId,
      author,
      body: input.body ?? null,
      action: input.action ?? null,
      status: changed.status,
      at: toIso(at),
    },
  };
}
