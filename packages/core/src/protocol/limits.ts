/**
 * The limits every part of Rapport agrees on: the gateway enforces them, adapter-http and the
 * argument guards of the adapter contract check them before anything is sent.
 */
export const limits = {
  /** Most ids in one batch read over the wire (an adapter may accept fewer). */
  maxBatchSize: 100,
  /** Longest id, in characters. */
  maxIdLength: 200,
  /** Longest idempotency key, in characters. */
  maxIdempotencyKeyLength: 200,
  /** Largest request body, in bytes. */
  maxBodyBytes: 65_536,
  /** Deepest nesting of objects and arrays in a request body. */
  maxJsonDepth: 32,
  /** Items in a page when the caller does not say. */
  defaultPageSize: 20,
  /** Most items in one page. */
  maxPageSize: 100,
  /** Most items in one page of a `scan` (a report reading a backend, on the server). */
  maxScanPageSize: 1000,
} as const;
