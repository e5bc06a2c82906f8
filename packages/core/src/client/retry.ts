import {isRapportError, RapportError} from '../errors.js';
import {abortable, sleep} from './abort.js';
import type {ClientHooks, RequestDetail} from './events.js';

/** How the client retries transient failures (`rate_limited`, `unavailable`, `timeout`). */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 4. */
  readonly attempts?: number;
  /** Backoff base: the n-th retry waits a random time up to `baseDelayMs × 2^(n−1)`. Default 250. */
  readonly baseDelayMs?: number;
  /** Cap of the backoff before jitter. Default 8000. */
  readonly maxDelayMs?: number;
  /** Deadline of one operation, retries included; then it fails with `timeout`. Default 20000. */
  readonly timeoutMs?: number;
  /** Source of randomness for the jitter, for reproducible tests. Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the deadline passes. Only retryable
 * `RapportError`s are retried (never `invalid_input`, `forbidden`, `conflict`...), with exponential
 * backoff and full jitter, and never sooner than a `rate_limited` error's `retryAfterMs`.
 */
export async function withRetry<T>(
  detail: RequestDetail,
  attempt: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
  policy: RetryPolicy,
  hooks: ClientHooks,
): Promise<T> {
  const attempts = Math.max(1, policy.attempts ?? 4);
  const base = policy.baseDelayMs ?? 250;
  const cap = policy.maxDelayMs ?? 8000;
  const timeoutMs = policy.timeoutMs ?? 20_000;
  const random = policy.random ?? Math.random;
  const deadline = Date.now() + timeoutMs;

  // One controller for the whole operation: the caller's abort or the deadline stops it.
  const controller = new AbortController();
  // The error is made when the deadline passes: a stack trace per call would cost every fast call.
  const timer = setTimeout(
    () =>
      controller.abort(
        new RapportError(
          'timeout',
          `${detail.operation} ${detail.resource} did not finish within ${timeoutMs} ms`,
        ),
      ),
    timeoutMs,
  );
  const forward = (): void => controller.abort(signal!.reason);
  signal?.addEventListener('abort', forward, {once: true});
  try {
    for (let n = 1; ; n++) {
      controller.signal.throwIfAborted();
      const started = Date.now();
      call(hooks.onRequest, {...detail, attempt: n});
      try {
        const result = await abortable(attempt(controller.signal), controller.signal);
        call(hooks.onResponse, {...detail, attempt: n, durationMs: Date.now() - started});
        return result;
      } catch (error) {
        const durationMs = Date.now() - started;
        if (controller.signal.aborted) {
          call(hooks.onError, {
            ...detail,
            attempt: n,
            durationMs,
            error: asError(controller.signal.reason),
            willRetry: false,
          });
          throw controller.signal.reason;
        }
        const backoff = random() * Math.min(cap, base * 2 ** (n - 1));
        const wait = Math.max(backoff, isRapportError(error) ? (error.retryAfterMs ?? 0) : 0);
        const willRetry =
          isRapportError(error) && error.retryable && n < attempts && Date.now() + wait < deadline;
        call(hooks.onError, {
          ...detail,
          attempt: n,
          durationMs,
          error: asError(error),
          willRetry,
          ...(willRetry && {retryInMs: Math.round(wait)}),
        });
        if (!willRetry) throw error;
        await sleep(wait, controller.signal);
      }
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

function call<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    hook(event);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
