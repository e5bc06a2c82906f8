import {
  complaintTransitions,
  type Complaint,
  type ComplaintAction,
  type ComplaintUpdate,
  type Customer,
  type SurveyAnswer,
  type UpdateAuthor,
} from '@rapport/core';
import type {Random} from './random.js';
import {owners, surveyComments, threadTexts} from './vocabulary.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The public thread of a seeded complaint, oldest first: one update per step of its history, by the
 * role the default complaint policy lets take it (the customer reopens, a supervisor closes, an agent
 * does the rest), and now and then a customer's reply between two steps. Replies never come after the
 * last step, so the complaint's `updatedAt` stays the time of its last change.
 */
export function threadOf(
  random: Random,
  complaint: Complaint,
  locale: Customer['locale'],
): ComplaintUpdate[] {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const customerId = complaint.customerId!;
  const agent: UpdateAuthor = {kind: 'staff', role: 'agent', id: random.pick(owners)};
  const updates: ComplaintUpdate[] = [];
  const add = (
    author: UpdateAuthor,
    body: string | null,
    action: ComplaintAction | null,
    status: Complaint['status'],
    at: string,
  ) =>
    updates.push({
      id: `u-${complaint.id}-${updates.length + 1}`,
      complaintId: complaint.id,
      customerId,
      author,
      body,
      action,
      status,
      at,
    });
  complaint.history.forEach((step, i) => {
    const action = actionOf(step.from, step.to);
    const author: UpdateAuthor =
      action === 'reopen'
        ? {kind: 'customer', role: 'customer', id: customerId}
        : action === 'close'
          ? {kind: 'staff', role: 'supervisor', id: 'agent-ana'}
          : agent;
    add(author, bodyOf(action, complaint, lang), action, step.to, step.at);
    const next = complaint.history[i + 1];
    if (action === 'acknowledge' && next && random.chance(0.4)) {
      const at = (Date.parse(step.at) + Date.parse(next.at)) / 2;
      add(
        {kind: 'customer', role: 'customer', id: customerId},
        threadTexts.customerReply[lang],
        null,
        step.to,
        new Date(Math.round(at)).toISOString(),
      );
    }
  });
  return updates;
}

/** The action that leads from one status to another (each pair has exactly one). */
function actionOf(from: Complaint['status'], to: Complaint['status']): ComplaintAction {
  const transitions = complaintTransitions[from];
  return (Object.keys(transitions) as ComplaintAction[]).find((a) => transitions[a] === to)!;
}

function bodyOf(action: ComplaintAction, complaint: Complaint, lang: 'en' | 'zh'): string | null {
  switch (action) {
    case 'acknowledge':
      return threadTexts.acknowledge[lang];
    case 'resolve':
    case 'reject':
      return complaint.resolution ?? threadTexts.resolve[lang];
    case 'reopen':
      return threadTexts.reopen[lang];
    default:
      return null;
  }
}

/**
 * Survey answers: about two in five resolved complaints got a satisfaction answer (CSAT, 1 to 5) a
 * day or two after their resolution, and one customer in ten answered the standalone "would you
 * recommend us" question (NPS, 0 to 10). None is dated after `asOf`.
 */
export function surveyAnswersOf(
  random: Random,
  complaints: readonly Complaint[],
  customers: readonly Customer[],
  asOf: number,
): SurveyAnswer[] {
  const locales = new Map(customers.map((c) => [c.id, c.locale]));
  const answers: SurveyAnswer[] = [];
  const add = (
    customerId: string,
    complaintId: string | null,
    kind: SurveyAnswer['kind'],
    score: number,
    at: number,
  ) => {
    const lang = locales.get(customerId) === 'zh-CN' ? 'zh' : 'en';
    const comment = random.chance(0.5) ? random.pick(surveyComments[lang]) : undefined;
    answers.push({
      id: `s-${String(answers.length + 1).padStart(4, '0')}`,
      customerId,
      complaintId,
      kind,
      score,
      ...(comment !== undefined && {comment}),
      createdAt: new Date(at).toISOString(),
    });
  };
  for (const complaint of complaints) {
    if (complaint.resolvedAt === undefined || !random.chance(0.4)) continue;
    const at = Date.parse(complaint.resolvedAt) + random.int(1, 48) * HOUR;
    if (at < asOf)
      add(complaint.customerId!, complaint.id, 'csat', random.pick([5, 5, 4, 4, 4, 3, 2, 1]), at);
  }
  for (const customer of customers) {
    if (random.chance(0.1))
      add(
        customer.id,
        null,
        'nps',
        random.pick([10, 10, 9, 9, 8, 7, 6, 3]),
        asOf - random.int(1, 120) * DAY,
      );
  }
  return answers;
}
