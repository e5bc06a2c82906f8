import type {BatchResult} from '../adapter/contract.js';
import {RapportError} from '../errors.js';
import {Flight} from './flight.js';

/**
 * Answers kept for `ttlMs`, at most `maxEntries` of them: an expired answer is never returned and is
 * dropped at the latest one time-to-live later; past the bound the least recently stored goes first.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, {readonly value: T; readonly expiresAt: number}>();
  private sweptAt = Date.now();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** How many answers are kept (expired ones not yet swept included). */
  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key`, or `undefined` when there is none or it expired. */
  get(key: string): {readonly value: T} | undefined {
    this.sweep();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, {value, expiresAt: Date.now() + this.ttlMs});
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets the answers whose key `matches` says (all by default). */
  delete(matches: (key: string) => boolean = () => true): void {
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }

  /** Drops expired answers, at most once per time-to-live. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.sweptAt < this.ttlMs) return;
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/** Abort reason of work nobody waits for any more. */
const abandoned = (): Error =>
  new DOMException('No caller waits for this request any more', 'AbortError');

/**
 * Runs `callback` once, after the current task, at the first of the next timer task and the next
 * frame's start. Not a microtask: widgets render over several microtasks of one task, and all of their
 * ids belong in the same batch. Not a timer alone: a page busy creating a thousand widgets would paint
 * them all loading before the timer ran, where data that answers at once (the embedded adapter, the
 * cache) now arrives before that frame is painted. The timer keeps it going where frames do not come
 * (a hidden tab or frame, Node).
 */
function afterThisTask(callback: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    callback();
  };
  const timer = setTimeout(once, 0);
  const frame =
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : undefined;
}

/**
 * Loads records by id in batches: every id asked for in the same task (see afterThisTask) goes
 * into one call, split at `maxBatchSize`; an id already on its way is not asked for again; answers
 * are cached in `cache`, including "not found" (`null`); an id the batch refused (its entry's `error`)
 * rejects on its own and is not cached.
 */
export class BatchLoader<T> {
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
    private readonly cache: TtlCache<T | null>,
  ) {}

  load(id: string, signal?: AbortSignal): Promise<T | null> {
    signal?.throwIfAborted();
    const hit = this.cache.get(id);
    if (hit) return Promise.resolve(hit.value);
    let flight = this.flights.get(id);
    if (!flight) {
      const created: Flight<T | null> = new Flight(() => this.abandon(id, created));
      flight = created;
      this.flights.set(id, flight);
      this.queue.set(id, flight);
      if (!this.scheduled) {
        this.scheduled = true;
        afterThisTask(() => this.flush());
      }
    }
    return flight.join(signal);
  }

  /** Forgets cached answers (all, or one id); loads under way will not be cached. */
  invalidate(id?: string): void {
    this.generation++;
    if (id === undefined) {
      this.cache.delete();
      this.flights.clear();
    } else {
      this.cache.delete((key) => key === id);
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
      const answers = new Map(entries.map((entry) => [entry.id, entry]));
      for (const [id, flight] of chunk) {
        done(id, flight);
        const entry = answers.get(id);
        if (!entry) {
          flight.reject(
            new RapportError(
              'unavailable',
              `The adapter's batch answer has no entry for id ${JSON.stringify(id)}`,
            ),
          );
          continue;
        }
        if (entry.error) {
          flight.reject(entry.error);
          continue;
        }
        if (generation === this.generation) this.cache.set(id, entry.record);
        flight.resolve(entry.record);
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
  private readonly flights = new Map<string, Flight<unknown>>();
  private generation = 0;

  constructor(private readonly cache: TtlCache<unknown>) {}

  load<T>(
    key: string,
    fetch: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit.value as T);
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
          if (generation === this.generation) this.cache.set(key, value);
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
    this.cache.delete((key) => key.startsWith(prefix));
    for (const key of [...this.flights.keys()])
      if (key.startsWith(prefix)) this.flights.delete(key);
  }
}
