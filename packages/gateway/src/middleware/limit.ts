import type {MiddlewareHandler} from 'hono';
import type {GatewayEnv} from './identify.js';

/** Limits requests per caller (after {@link identify}): `admit` throws `429` once its limit is used up. */
export function limit(admit: (key: string) => Promise<void>): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (caller) await admit(caller.key);
    return next();
  };
}
