import {invalidInput, RapportError} from '../errors.js';
import {toEpochMs, toIso, type Instant} from '../time.js';
import type {Complaint, ComplaintStatus} from './complaint.js';

/** What an agent can do to a complaint. */
export const complaintActions = [
  'acknowledge',
  'start',
  'resolve',
  'reopen',
  'close',
  'reject',
] as const;
/** One of {@link complaintActions}. */
export type ComplaintAction = (typeof complaintActions)[number];

/**
 * The life cycle: which action leads from which status to which. `closed` and `rejected` are final;
 * a resolved complaint can be reopened (back to `in_progress`) until it is closed.
 */
export const complaintTransitions: Readonly<
  Record<ComplaintStatus, Readonly<Partial<Record<ComplaintAction, ComplaintStatus>>>>
> = {
  new: {acknowledge: 'acknowledged', start: 'in_progress', resolve: 'resolved', reject: 'rejected'},
  acknowledged: {start: 'in_progress', resolve: 'resolved', reject: 'rejected'},
  in_progress: {resolve: 'resolved', reject: 'rejected'},
  resolved: {reopen: 'in_progress', close: 'closed'},
  closed: {},
  rejected: {},
};

/** The actions allowed from `status`. */
export function allowedActions(status: ComplaintStatus): ComplaintAction[] {
  return Object.keys(complaintTransitions[status]) as ComplaintAction[];
}

/** Options of {@link transitionComplaint}. */
export interface TransitionOptions {
  /** When the action happens. */
  readonly at: Instant;
  /** Required for `resolve` and `reject`: what was done, or why not. */
  readonly resolution?: string;
}

/**
 * Applies an action to a complaint and returns the updated complaint (the input is not changed).
 * Leaving `new` records the first response; resolving records the resolution time and text; reopening
 * removes both, so the resolution clock runs again (against the same `resolutionDueAt`) until the next
 * resolve. The earlier resolve stays in `history`.
 *
 * @throws RapportError `invalid_transition` when the action is not allowed from the current status;
 *   `invalid_input` when a resolution text is missing or the time is before the last change.
 */
export function transitionComplaint(
  complaint: Complaint,
  action: ComplaintAction,
  options: TransitionOptions,
): Complaint {
  const to = complaintTransitions[complaint.status][action];
  if (to === undefined) {
    const allowed = allowedActions(complaint.status);
    throw new RapportError(
      'invalid_transition',
      `Complaint ${complaint.reference} is ${complaint.status}: it cannot ${action}` +
        (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ' (this status is final)'),
      {details: {from: complaint.status, action, allowed}},
    );
  }
  const at = toEpochMs(options.at, 'at');
  if (at < Date.parse(complaint.updatedAt)) {
    throw invalidInput('at', `is before the complaint's last change (${complaint.updatedAt})`);
  }
  const resolution = options.resolution?.trim();
  if ((action === 'resolve' || action === 'reject') && !resolution) {
    throw invalidInput('resolution', `is required to ${action} a complaint`);
  }
  const when = toIso(at);
  return {
    ...(action === 'reopen' ? withoutResolution(complaint) : complaint),
    status: to,
    updatedAt: when,
    history: [...complaint.history, {from: complaint.status, to, at: when}],
    ...(complaint.firstResponseAt === undefined && {firstResponseAt: when}),
    ...(action === 'resolve' && {resolvedAt: when, resolution: resolution!}),
    ...(action === 'reject' && {closedAt: when, resolution: resolution!}),
    ...(action === 'close' && {closedAt: when}),
  };
}

/** A reopened complaint is not resolved: its old resolution time and text would end the SLA clock. */
function withoutResolution(complaint: Complaint): Complaint {
  const {resolvedAt: _resolvedAt, resolution: _resolution, ...unresolved} = complaint;
  return unresolved;
}
