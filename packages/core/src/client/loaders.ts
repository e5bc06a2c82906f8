import type {BatchResult} from '../adapter/contract.js';
import {RapportError} from '../errors.js';
import {Flight} from './flight.js';

interface Cached<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/** Abort reason of work nobody waits for any more. */
const abandoned = (): Error =>
  new DOMException('No caller waits for this request any more', 'AbortError');

/**
 * Loads records by id in batches: every id asked for in the same task (before a timer fires) goes
 * into one call, split at `maxBatchSize`; an id already on its way is not asked for again; answers
 * are cached for `ttlMs`, including "not found" (`null`).
 */
export class BatchLoader<T> {
  private readonly cache = new Map<string, Cached<T | null>>();
  private readonly flights = new Map<string, Flight<T | null>>();
  private readonly chunks = new WeakMap<
    Flight<T | null>,
    {controller: AbortController; flights: Flight<T | null>[]}
  >();
  private queue = new Map<string, Flight<T | null>>();
  private scheduled = false;
  private generation = 0;

  constructor(
    private readonly fetch: (ids: string[], signal: AbortSignal) => Promise<BatchResult<T>>,
    private readonly maxBatchSize: () => number,
    private readonly ttlMs: number,
  ) {}

  load(id: string, signal?: AbortSignal): Promise<T | null> {
    signal?.throwIfAborted();
    const hit = this.cache.get(id);
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value);
    let flight = this.flights.get(id);
    if (!flight) {
      const created: Flight<T | null> = new Flight(() => this.abandon(id, created));
      flight = created;
      this.flights.set(id, flight);
      this.queue.set(id, flight);
      if (!this.scheduled) {
        this.scheduled = true;
        // A timer, not a microtask: widgets render over several microtasks of one task, and all of
        // their ids belong in the same batch.
        setTimeout(() => this.flush(), 0);
      }
    }
    return flight.join(signal);
  }

  /** Forgets cached answers (all, or one id); loads under way will not be cached. */
  invalidate(id?: string): void {
    this.generation++;
    if (id === undefined) {
      this.cache.clear();
      this.flights.clear();
    } else {
      this.cache.delete(id);
      this.flights.delete(id);
    }
  }

  private flush(): void {
    this.scheduled = false;
    const queued = [...this.queue];
    this.queue = new Map();
    const size = Math.max(1, this.maxBatchSize());
    for (let i = 0; i < queued.length; i += size) void this.send(queued.slice(i, i + size));
  }

  private async send(chunk: [string, Flight<T | null>][]): Promise<void> {
    const controller = new AbortController();
    const generation = this.generation;
    const flights = chunk.map(([, flight]) => flight);
    for (const flight of flights) this.chunks.set(flight, {controller, flights});
    const done = (id: string, flight: Flight<T | null>): void => {
      if (this.flights.get(id) === flight) this.flights.delete(id);
    };
    try {
      const entries = await this.fetch(
        chunk.map(([id]) => id),
        controller.signal,
      );
      const answers = new Map(entries.map((entry) => [entry.id, entry.record]));
      for (const [id, flight] of chunk) {
        done(id, flight);
        if (!answers.has(id)) {
          flight.reject(
            new RapportError(
              'unavailable',
              `The adapter's batch answer has no entry for id ${JSON.stringify(id)}`,
            ),
          );
          continue;
        }
        const record = answers.get(id)!;
        if (generation === this.generation)
          this.cache.set(id, {value: record, expiresAt: Date.now() + this.ttlMs});
        flight.resolve(record);
      }
    } catch (error) {
      for (const [id, flight] of chunk) {
        done(id, flight);
        flight.reject(error);
      }
    }
  }

  private abandon(id: string, flight: Flight<T | null>): void {
    if (this.queue.get(id) === flight) {
      // Not sent yet: drop it from the next batch.
      this.queue.delete(id);
      if (this.flights.get(id) === flight) this.flights.delete(id);
      flight.reject(abandoned());
      return;
    }
    const chunk = this.chunks.get(flight);
    if (chunk && chunk.flights.every((f) => f.idle)) chunk.controller.abort(abandoned());
  }
}

/**
 * Loads one value per key (a page of a list, a field catalog), sharing a load under way and caching
 * the answer for `ttlMs`. Keys are `customerId`-prefixed so one customer's lists can be dropped at once.
 */
export class KeyedLoader {
  private readonly cache = new Map<string, Cached<unknown>>();
  private readonly flights = new Map<string, Flight<unknown>>();
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  load<T>(
    key: string,
    fetch: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value as T);
    let flight = this.flights.get(key) as Flight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const created = new Flight<T>(() => {
        if (this.flights.get(key) === created) this.flights.delete(key);
        controller.abort(abandoned());
      });
      flight = created;
      this.flights.set(key, flight as Flight<unknown>);
      const generation = this.generation;
      fetch(controller.signal).then(
        (value) => {
          if (this.flights.get(key) === created) this.flights.delete(key);
          if (generation === this.generation)
            this.cache.set(key, {value, expiresAt: Date.now() + this.ttlMs});
          created.resolve(value);
        },
        (error: unknown) => {
          if (this.flights.get(key) === created) this.flights.delete(key);
          created.reject(error);
        },
      );
    }
    return flight.join(signal);
  }

  /** Forgets the answers whose key starts with `prefix`; loads under way will not be cached. */
  invalidate(prefix = ''): void {
    this.generation++;
    for (const key of [...this.cache.keys(), ...this.flights.keys()]) {
      if (key.startsWith(prefix)) {
        this.cache.delete(key);
        this.flights.delete(key);
      }
    }
  }
}
