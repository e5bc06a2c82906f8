import type {RapportError} from '../errors.js';
import type {AdapterOperation} from '../adapter/contract.js';

/** What a request was about: the ids of a batch read, the customer of a list, the key of a write. */
export interface RequestDetail {
  readonly operation: AdapterOperation;
  /** Ids of a batch read. */
  readonly ids?: readonly string[];
  /** Customer of a list read or a write. */
  readonly customerId?: string;
  /** Key of a write, the same for every attempt of one submission. */
  readonly idempotencyKey?: string;
}

/** An attempt is about to reach the adapter. */
export interface RequestEvent extends RequestDetail {
  /** 1 for the first attempt, 2 for the first retry... */
  readonly attempt: number;
}

/** An attempt succeeded. */
export interface ResponseEvent extends RequestEvent {
  readonly durationMs: number;
}

/** An attempt failed. */
export interface ErrorEvent extends RequestEvent {
  readonly durationMs: number;
  readonly error: RapportError | Error;
  /** Whether the client will try again, after `retryInMs`. */
  readonly willRetry: boolean;
  readonly retryInMs?: number;
}

/**
 * Hooks to watch what goes over the wire, for a page's network panel, logs or a test. They must not
 * throw; if one does, the error is reported asynchronously and the request goes on.
 */
export interface ClientHooks {
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onResponse?: (event: ResponseEvent) => void;
  readonly onError?: (event: ErrorEvent) => void;
}

/** Which cached data changed, so widgets showing it can load it again. */
export interface DataChange {
  readonly entity: 'customer' | 'loyalty' | 'complaint' | 'interaction';
  /** The customer concerned; absent when every customer's data of that entity changed. */
  readonly customerId?: string;
}
