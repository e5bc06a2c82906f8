import type {RapportError} from '../errors.js';
import type {ResourceOperation} from '../resources/catalogue.js';

/** What a request was about: the resource and operation, the keys of a read, the key of a create. */
export interface RequestDetail {
  /** The catalogue resource, `fields` for a field catalogue, or `reports` for a report. */
  readonly resource: string;
  readonly operation: ResourceOperation | 'describe' | 'report';
  /** The report's name, for a report. */
  readonly report?: string;
  /** Keys of a batch read. */
  readonly ids?: readonly string[];
  /** Customer of a list or a create. */
  readonly customerId?: string;
  /** Key of a create, the same for every attempt of one submission. */
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
export interface RequestErrorEvent extends RequestEvent {
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
  readonly onError?: (event: RequestErrorEvent) => void;
}

/** Which cached data changed, so widgets showing it can load it again. */
export interface DataChange<TResource extends string = string> {
  /** The catalogue resource. */
  readonly resource: TResource;
  /** The customer concerned; absent when every customer's data of that resource changed. */
  readonly customerId?: string;
}
