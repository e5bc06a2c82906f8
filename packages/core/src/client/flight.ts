import {abortable} from './abort.js';

/**
 * One load shared by everyone who asks for the same thing while it runs. Each caller may abort its
 * own wait without disturbing the others; when the last caller has gone, `onIdle` runs so the owner
 * can cancel the work nobody wants any more.
 */
export class Flight<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  private waiters = 0;
  private settled = false;

  constructor(private readonly onIdle: () => void) {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = (value) => {
        this.settled = true;
        resolve(value);
      };
      this.reject = (error) => {
        this.settled = true;
        reject(error);
      };
    });
    // A flight everyone left may still reject; nobody is listening then.
    this.promise.catch(() => {});
  }

  /** Whether nobody waits for the result any more. */
  get idle(): boolean {
    return this.waiters === 0;
  }

  /** Waits for the result; `signal` ends this caller's wait only. */
  join(signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    this.waiters++;
    return signal ? abortable(this.promise, signal, () => this.leave()) : this.promise;
  }

  private leave(): void {
    this.waiters--;
    if (this.waiters === 0 && !this.settled) this.onIdle();
  }
}
