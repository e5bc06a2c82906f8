import assert from 'node:assert/strict';
import {it} from 'node:test';
import {isRapportError, type CrmAdapter} from '@rapport/core';

/** Options of {@link runPingConformance}. */
export interface PingConformanceOptions {
  /** The adapter's name in the test title. */
  readonly name: string;
  /**
   * Starts the adapter with the given `fetch` (which reaches the vendor, or its fake, through
   * `options.fetch`) and clock.
   */
  readonly start: (connection: {
    readonly fetch: typeof globalThis.fetch;
    readonly now: () => number;
  }) => Promise<Pick<CrmAdapter, 'ping'>>;
  /** How requests reach the vendor or its fake. Default the global `fetch` (msw intercepts it). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Registers the `ping` check with Node's test runner, for a vendor adapter whose `ping` spares the
 * vendor's quota: no call while a request succeeded in the last 30 seconds, one small read after
 * that, and a `RapportError` `unavailable` when the vendor cannot be reached.
 */
export function runPingConformance(options: PingConformanceOptions): void {
  it(`${options.name}: ping answers for /readyz without a call while the vendor answered lately, and is refused when it is unreachable`, async () => {
    const reach = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let t = Date.now();
    let calls = 0;
    let down = false;
    const adapter = await options.start({
      fetch: (input, init) => {
        calls++;
        return down ? Promise.reject(new TypeError('fetch failed')) : reach(input, init);
      },
      now: () => t,
    });
    assert.equal(typeof adapter.ping, 'function', 'the adapter has ping()');
    const atStart = calls;
    await adapter.ping!();
    assert.equal(calls, atStart, 'start-up answered a moment ago: ping() must not call the vendor');
    t += 31_000;
    await adapter.ping!();
    assert.equal(calls, atStart + 1, 'nothing for 31 s: ping() must send one request');
    t += 31_000;
    down = true;
    await assert.rejects(adapter.ping!(), (error) => isRapportError(error, 'unavailable'));
  });
}
