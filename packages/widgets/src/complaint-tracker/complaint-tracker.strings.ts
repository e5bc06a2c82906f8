// The words of <rapport-complaint-tracker> (the shared ones come with them); Simplified Chinese is in
// src/translations/zh-CN.ts with the others.
import {plural} from '@rapport/schema';
import {ownStrings} from '../shared/strings.js';

const en = {
  complaintTracker: 'Your complaints',
  complaintTrackerStaff: 'Complaints',
  noComplaints: 'You have not sent any complaints.',
  noComplaintsStaff: 'No complaints for this customer.',
  replyDue: (n: number, working: boolean) =>
    working
      ? plural('en', n, {
          one: 'Reply due within {count} working hour',
          other: 'Reply due within {count} working hours',
        })
      : plural('en', n, {
          one: 'Reply due within {count} hour',
          other: 'Reply due within {count} hours',
        }),
  replyOverdue: 'Reply overdue: we are on it.',
  thread: 'Replies',
  noReplies: 'No replies yet',
  repliesUnavailable: 'Replies are not available here.',
  repliesFailed: 'The replies could not be loaded.',
  you: 'You',
  support: 'Support',
  replyLabel: 'Your reply',
  sendReply: 'Send reply',
  replyEmpty: 'Write your reply first.',
  replySent: 'Your reply was sent.',
  replyFailed: 'Your reply could not be sent. Your text is still here.',
  replyTooLong: (max: string) => `Please shorten your reply to at most ${max} characters.`,
  needsResolution: 'First write what was done: it becomes the resolution.',
  complaintActions: {
    acknowledge: 'Acknowledge',
    start: 'Start work',
    resolve: 'Resolve',
    reject: 'Decline',
    reopen: 'Reopen',
    close: 'Close',
  } as Record<string, string>,
  complaintActionsDone: {
    acknowledge: 'Acknowledged',
    start: 'Work started',
    resolve: 'Marked as resolved',
    reject: 'Declined',
    reopen: 'Reopened',
    close: 'Closed',
  } as Record<string, string>,
  updateRefused: {
    action_not_allowed: 'Your role may not take this step.',
    reopen_window_passed: 'It is too late to reopen this complaint.',
    invalid_transition: 'The complaint has moved on: this step is no longer possible.',
  } as Partial<Record<string, string>>,
};

/** <rapport-complaint-tracker>'s words, and the shared ones, in a locale. */
export const trackerStrings = ownStrings(en);
/** <rapport-complaint-tracker>'s own words. */
export type TrackerStrings = typeof en;
