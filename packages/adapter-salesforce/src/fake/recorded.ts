// Recorded Salesforce bodies the fake answers with, byte for byte (see ../fixtures/SOURCES.txt for
// where each was recorded; a test checks these strings against the fixture files).

/** Recorded bodies, by what they answer. */
export const recorded = {
  requestLimitExceeded:
    '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]\n',
  invalidSession: '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]\n',
  notFound: '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]',
} as const;

/**
 * The concurrency cap's answer: the recorded REQUEST_LIMIT_EXCEEDED body with the message Salesforce
 * documents for it (no capture of this one was found).
 */
export const concurrentLimitExceeded =
  '[{"message":"ConcurrentPerOrgLongTxn Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]';
