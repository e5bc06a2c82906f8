import {
  applyComplaintUpdate,
  RapportError,
  validateComplaintUpdateInput,
  validateSurveyAnswerInput,
  type Complaint,
  type ComplaintPolicy,
  type ComplaintUpdate,
  type SurveyAnswer,
} from '@rapport/core';

/** Where the threads find a customer's complaints and put a changed one back. */
export interface ComplaintAccess {
  /** The customer's complaint `complaintId`, or `undefined`. */
  find(customerId: string, complaintId: string): Complaint | undefined;
  /** Puts `complaint` in place of the customer's complaint with its id. */
  replace(complaint: Complaint): void;
}

/**
 * The public threads of complaints and the survey answers: what customers and the business say after
 * a complaint is filed. Changes are synchronous, so two parallel answers about one complaint cannot
 * both pass the "answered once" check.
 */
export interface ComplaintThreads {
  /** The customer's updates, on all their complaints, newest first. */
  updates(customerId: string): readonly ComplaintUpdate[];
  /** The customer's survey answers, newest first. */
  answers(customerId: string): readonly SurveyAnswer[];
  /**
   * Applies a reply or an action at `at` (or at the complaint's last change, when that is later).
   *
   * @throws RapportError `not_found` for a complaint that is not the customer's; those of
   *   `applyComplaintUpdate` (`forbidden`, `invalid_transition`, `invalid_input`).
   */
  update(input: unknown, at: number): ComplaintUpdate;
  /**
   * Records a survey answer at `at`.
   *
   * @throws RapportError `invalid_input`; `not_found` for a complaint that is not the customer's;
   *   `conflict` with `details.reason` `already_answered` for a second answer about one complaint.
   */
  answer(input: unknown, at: number): SurveyAnswer;
  /** Records an update or an answer made before (from a snapshot). */
  restoreUpdate(update: ComplaintUpdate): void;
  restoreAnswer(answer: SurveyAnswer): void;
  /** What was added through the threads, oldest first. */
  readonly added: {readonly updates: ComplaintUpdate[]; readonly answers: SurveyAnswer[]};
}

/** Options of {@link complaintThreads}. */
export interface ThreadOptions {
  readonly complaints: ComplaintAccess;
  /** Whether `customerId` is a customer of the backend. */
  readonly isCustomer: (customerId: string) => boolean;
  readonly policy: ComplaintPolicy;
  /** The seeded threads and answers. */
  readonly updates: readonly ComplaintUpdate[];
  readonly answers: readonly SurveyAnswer[];
}

export function complaintThreads(options: ThreadOptions): ComplaintThreads {
  const updates = newestFirst(
    options.updates,
    (u) => u.customerId,
    (u) => u.at,
  );
  const answers = newestFirst(
    options.answers,
    (a) => a.customerId,
    (a) => a.createdAt,
  );
  const added = {updates: [] as ComplaintUpdate[], answers: [] as SurveyAnswer[]};
  let updateCount = options.updates.length;
  let answerCount = options.answers.length;

  const complaintOf = (customerId: string, complaintId: string): Complaint => {
    const complaint = options.complaints.find(customerId, complaintId);
    if (!complaint)
      throw new RapportError(
        'not_found',
        `No complaint ${JSON.stringify(complaintId)} of customer ${JSON.stringify(customerId)} (complaintId)`,
        {details: {complaintId, customerId}},
      );
    return complaint;
  };
  const restoreUpdate = (update: ComplaintUpdate): void => {
    prepend(updates, update.customerId, update);
    added.updates.push(update);
    updateCount++;
  };
  const restoreAnswer = (answer: SurveyAnswer): void => {
    prepend(answers, answer.customerId, answer);
    added.answers.push(answer);
    answerCount++;
  };

  return {
    updates: (customerId) => updates.get(customerId) ?? [],
    answers: (customerId) => answers.get(customerId) ?? [],
    update(input, at) {
      const checked = validateComplaintUpdateInput(input);
      const complaint = complaintOf(checked.customerId, checked.complaintId);
      const changed = applyComplaintUpdate(complaint, checked, {
        id: `u-${String(updateCount + 1).padStart(6, '0')}`,
        // The clock of a demo may stand before the seeded data's last change; an update never does.
        at: Math.max(at, Date.parse(complaint.updatedAt)),
        policy: options.policy,
      });
      options.complaints.replace(changed.complaint);
      restoreUpdate(changed.update);
      return changed.update;
    },
    answer(input, at) {
      const checked = validateSurveyAnswerInput(input);
      if (!options.isCustomer(checked.customerId))
        throw new RapportError(
          'invalid_input',
          `The survey answer is not valid: customerId is not a customer of this backend`,
          {fields: {customerId: 'is not a customer of this backend'}},
        );
      const complaintId = checked.complaintId ?? null;
      if (complaintId !== null) {
        const complaint = complaintOf(checked.customerId, complaintId);
        const earlier = (answers.get(checked.customerId) ?? []).find(
          (a) => a.complaintId === complaintId,
        );
        if (earlier)
          throw new RapportError(
            'conflict',
            `Customer ${checked.customerId} has already answered the survey about complaint ${complaint.reference}: one answer per complaint`,
            {details: {reason: 'already_answered', complaintId, answerId: earlier.id}},
          );
      }
      const answer: SurveyAnswer = {
        id: `s-${String(answerCount + 1).padStart(6, '0')}`,
        customerId: checked.customerId,
        complaintId,
        kind: checked.kind,
        score: checked.score,
        ...(checked.comment !== undefined && {comment: checked.comment}),
        createdAt: new Date(at).toISOString(),
      };
      restoreAnswer(answer);
      return answer;
    },
    restoreUpdate,
    restoreAnswer,
    added,
  };
}

/** Items grouped by `key`, each group newest first by `at`. */
export function newestFirst<T>(
  items: readonly T[],
  key: (item: T) => string,
  at: (item: T) => string,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  for (const list of map.values()) list.sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
  return map;
}

export function prepend<T>(map: Map<string, T[]>, key: string, item: T): void {
  map.set(key, [item, ...(map.get(key) ?? [])]);
}
