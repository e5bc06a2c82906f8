/**
 * Every failure Rapport reports carries one of these codes. The list is closed: a caller can switch on
 * `error.code` exhaustively.
 *
 * - `invalid_input`: the input breaks a rule; `fields` maps each offending field id to a message.
 * - `not_found`: the record does not exist (or the caller may not know that it does).
 * - `unauthorized`: no valid credentials. `forbidden`: valid credentials, not allowed.
 * - `conflict`: the request contradicts the current state (for example an idempotency key reused with
 *   another input).
 * - `rate_limited`: too many requests; `retryAfterMs` says when to try again.
 * - `unavailable`, `timeout`: transient backend failures, safe to retry.
 * - `unsupported`: the backend does not offer this operation.
 * - `insufficient_points`: a redemption asks for more points than are available.
 * - `invalid_transition`: a complaint or lead cannot move from its current status that way.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'rate_limited',
  'unavailable',
  'timeout',
  'unsupported',
  'insufficient_points',
  'invalid_transition',
] as const;

/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** The codes a caller may retry: the same request can succeed later without any change. */
export const retryableErrorCodes: readonly ErrorCode[] = ['rate_limited', 'unavailable', 'timeout'];

/** What a {@link RapportError} can carry besides its code and message. */
export interface RapportErrorOptions {
  /** For `invalid_input`: a message per field id (a model path such as `description`). */
  readonly fields?: Readonly<Record<string, string>>;
  /** For `rate_limited`: how long to wait before the next attempt, in milliseconds. */
  readonly retryAfterMs?: number;
  /** Structured facts about the failure, safe to show to a developer (never personal data). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error type of Rapport. `message` says what went wrong and where, in plain words; `code`
 * says what kind of failure it is, for code that reacts to it.
 */
export class RapportError extends Error {
  override readonly name = 'RapportError';
  /** What kind of failure this is. */
  readonly code: ErrorCode;
  /** For `invalid_input`: a message per offending field id. */
  readonly fields: Readonly<Record<string, string>>;
  /** For `rate_limited`: milliseconds to wait before retrying, when the backend said so. */
  readonly retryAfterMs: number | undefined;
  /** Structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: RapportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.code = code;
    this.fields = options.fields ?? {};
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details ?? {};
  }

  /** Whether the same request may succeed if tried again later. */
  get retryable(): boolean {
    return retryableErrorCodes.includes(this.code);
  }

  /** A plain object for logs and wire formats (JSON.stringify of an Error loses its message). */
  toJSON(): {
    code: ErrorCode;
    message: string;
    fields?: Readonly<Record<string, string>>;
    retryAfterMs?: number;
    details?: Readonly<Record<string, unknown>>;
  } {
    return {
      code: this.code,
      message: this.message,
      ...(Object.keys(this.fields).length > 0 && {fields: this.fields}),
      ...(this.retryAfterMs !== undefined && {retryAfterMs: this.retryAfterMs}),
      ...(Object.keys(this.details).length > 0 && {details: this.details}),
    };
  }
}

/**
 * The error a {@link RapportError.toJSON} object describes, as a wire format or a store carries it; an
 * unknown code becomes `unavailable`.
 */
export function errorFromJson(json: ReturnType<RapportError['toJSON']>): RapportError {
  const code: ErrorCode = (errorCodes as readonly string[]).includes(json.code)
    ? json.code
    : 'unavailable';
  return new RapportError(code, String(json.message), {
    ...(json.fields && {fields: json.fields}),
    ...(json.retryAfterMs !== undefined && {retryAfterMs: json.retryAfterMs}),
    ...(json.details && {details: json.details}),
  });
}

/**
 * Whether `value` is a {@link RapportError}, optionally of the given code. It checks the shape, not the
 * class, so an error thrown by another copy of Rapport on the page (a second bundle) still counts.
 */
export function isRapportError(value: unknown, code?: ErrorCode): value is RapportError {
  if (!(value instanceof Error) || value.name !== 'RapportError') return false;
  const actual = (value as {code?: unknown}).code;
  return (
    (errorCodes as readonly unknown[]).includes(actual) && (code === undefined || actual === code)
  );
}

/** Refuses a submission (`what`: "complaint", "redemption") that is not an object at all. */
export function requireObject(
  what: string,
  input: unknown,
): asserts input is Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new RapportError('invalid_input', `A ${what} must be an object`, {
      fields: {'': 'must be an object'},
    });
}

/**
 * Refuses a submission with problems: `invalid_input` whose `fields` map each field path to what is
 * wrong with it, and whose message lists them. Does nothing when `problems` is empty.
 */
export function refuseInput(what: string, problems: Readonly<Record<string, string>>): void {
  const fields = Object.keys(problems);
  if (fields.length === 0) return;
  throw new RapportError(
    'invalid_input',
    `The ${what} is not valid: ${fields.map((f) => `${f} ${problems[f]}`).join('; ')}`,
    {fields: problems},
  );
}

/** Shorthand for an `invalid_input` error about one field. */
export function invalidInput(field: string, message: string): RapportError {
  return new RapportError('invalid_input', `${field}: ${message}`, {fields: {[field]: message}});
}
