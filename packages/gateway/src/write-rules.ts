import {
  checkComplaintAction,
  complaintActions,
  RapportError,
  type ComplaintAction,
  type ComplaintPolicy,
  type UpdateAuthor,
} from '@rapport/core';
import type {Caller} from './auth/tokens.js';

/**
 * What the gateway decides about one create before the backend sees it, from the verified caller:
 * refuses what the caller's role may not do, and sets what only the token may say. Runs after the
 * owner check (a customer token writes for its own customer), before the input is validated.
 */
export type WriteRule = (body: Record<string, unknown>, caller: Caller) => void;

/**
 * The gateway's rules for creates, by resource name; a resource without one has only the owner
 * check. A backend checks its own rules as well, but these hold whatever the backend does, and for
 * any request, also one a script sends past the widget.
 *
 * | resource           | who may create                                  | what the gateway sets or checks        |
 * | ------------------ | ----------------------------------------------- | -------------------------------------- |
 * | `complaintUpdates` | a customer (own complaints), staff (any)        | `author` from the token; the action against the policy |
 * | `surveyAnswers`    | a customer, for themselves; never staff         |                                        |
 * | `redemptions`      | a customer, for themselves; staff for anyone    | (the owner check alone)                |
 */
export function createWriteRules(policy: ComplaintPolicy): Readonly<Record<string, WriteRule>> {
  return {
    complaintUpdates(body, caller) {
      const author = authorOf(caller);
      // A body's own author is a claim anybody can make: the token's replaces it.
      body.author = author;
      const action = body.action;
      // An action that is not one is left to the input's validation, which names the field.
      if ((complaintActions as readonly unknown[]).includes(action))
        checkComplaintAction(policy, author.role, action as ComplaintAction);
    },
    surveyAnswers(_body, caller) {
      if (caller.kind === 'anonymous') throw tokenNeeded('surveyAnswers');
      if (caller.kind !== 'customer')
        throw new RapportError(
          'forbidden',
          `Only a customer may answer a survey: a staff token (role "${caller.role}") may not create surveyAnswers for a customer`,
          {details: {reason: 'customers_only'}},
        );
    },
  };
}

/** Who writes, as the verified token says: the customer, or the member of staff in their role. */
function authorOf(caller: Caller): UpdateAuthor {
  if (caller.kind === 'customer')
    return {kind: 'customer', role: caller.role, id: caller.customerId};
  if (caller.kind === 'agent') return {kind: 'staff', role: caller.role, id: caller.agentId};
  throw tokenNeeded('complaintUpdates');
}

function tokenNeeded(resource: string): RapportError {
  return new RapportError('unauthorized', `Creating ${resource} needs a customer's token`, {
    details: {reason: 'token_missing'},
  });
}

/**
 * Refuses, at start-up, a complaint policy that names roles the customization document does not
 * have: a typo there would silently leave a role unable to act.
 *
 * @throws Error naming the unknown roles.
 */
export function checkPolicyRoles(policy: ComplaintPolicy, roles: ReadonlySet<string>): void {
  const unknown = Object.keys(policy.actions).filter((role) => !roles.has(role));
  if (unknown.length > 0)
    throw new Error(
      `The gateway's complaintPolicy names ${unknown.map((r) => `"${r}"`).join(', ')}, not ${unknown.length === 1 ? 'a role' : 'roles'} of its customization document (roles: ${[...roles].join(', ')})`,
    );
  for (const [role, actions] of Object.entries(policy.actions))
    for (const action of actions)
      if (!(complaintActions as readonly string[]).includes(action))
        throw new Error(
          `The gateway's complaintPolicy gives the role "${role}" the action "${action}", which is not one of ${complaintActions.join(', ')}`,
        );
}
