import type {Hono} from 'hono';
import type {Catalogue, CrmAdapter, IdempotencyStore} from '@rapport/core';
import type {GatewayEnv} from '../middleware/identify.js';
import type {RateLimitStore} from '../rate-limit.js';
import {json} from '../respond.js';

/** What `GET /readyz` checks. */
export interface ReadinessParts {
  readonly adapter: Pick<CrmAdapter<Catalogue>, 'ping'>;
  readonly idempotencyStore: IdempotencyStore;
  readonly rateLimitStore: RateLimitStore | undefined;
}

/** How long one readiness check may take, and how long its answer is reused. */
const checkTimeoutMs = 2000;
const reuseMs = 1000;

/**
 * `GET /healthz` (the process answers) and `GET /readyz` (its stores and its adapter answer their
 * `ping`), beside the versioned routes and without a token, for load balancers and orchestrators.
 * Neither says more than `ok`, `ready` or `unavailable`; what failed goes to the console. A readiness
 * answer is reused for a second, so a flood of checks costs the backends one ping a second.
 */
export function healthRoutes(app: Hono<GatewayEnv>, parts: ReadinessParts): void {
  app.get('/healthz', () => json({status: 'ok'}));
  let last: {at: number; ready: Promise<boolean>} | undefined;
  let wasReady = true;
  const check = async (): Promise<boolean> => {
    // Not AbortSignal.timeout, whose timer does not keep the process alive while the check waits.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${checkTimeoutMs} ms`)),
      checkTimeoutMs,
    );
    const {signal} = controller;
    const pings: [string, Promise<void> | undefined][] = [
      ['adapter', parts.adapter.ping?.({signal})],
      ['idempotency store', parts.idempotencyStore.ping?.()],
      ['rate-limit store', parts.rateLimitStore?.ping?.()],
    ];
    const outcomes = await Promise.allSettled(
      pings.map(([, ping]) => withTimeout(ping ?? Promise.resolve(), signal)),
    );
    clearTimeout(timer);
    const failed = outcomes.flatMap((outcome, i) =>
      outcome.status === 'rejected' ? [[pings[i]![0], outcome.reason] as const] : [],
    );
    const ready = failed.length === 0;
    if (!ready && wasReady)
      for (const [part, reason] of failed)
        console.error(`@rapport/gateway: not ready: the ${part} did not answer`, reason);
    if (ready && !wasReady) console.error('@rapport/gateway: ready again');
    wasReady = ready;
    return ready;
  };
  app.get('/readyz', async () => {
    const now = Date.now();
    if (!last || now - last.at >= reuseMs) last = {at: now, ready: check()};
    return (await last.ready)
      ? json({status: 'ready'})
      : json({status: 'unavailable'}, 503, {'retry-after': '1'});
  });
}

/** `promise`, or a rejection once `signal` aborts (a ping that ignores its signal still times out). */
function withTimeout(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
