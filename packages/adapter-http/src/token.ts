/** How long before a token's `exp` a new one is asked for, in milliseconds. */
export const refreshBeforeExpiryMs = 30_000;

type GetToken = (options: {refresh: boolean}) => string | null | Promise<string | null>;

/** Gives the token to send, asking `getToken` once per token lifetime. */
export interface TokenSource {
  /** The token to send now: the one held, or a new one when none is held or it expires soon. */
  current(): Promise<string | null>;
  /** A new token after the gateway refused `refused`; callers refused together share one ask. */
  refresh(refused: string | null): Promise<string | null>;
}

/**
 * Holds the token `getToken` gave until shortly before its `exp` (read from a JWT's payload; a token
 * that is not a JWT, or has no `exp`, is held until the gateway refuses it). Concurrent requests share
 * one pending ask. `null` (anonymous) is never held: `getToken` is asked again next time.
 */
export function tokenSource(getToken: GetToken, now: () => number = Date.now): TokenSource {
  let held: {token: string; refreshAt: number} | null = null;
  let pending: Promise<string | null> | null = null;

  const ask = (refresh: boolean): Promise<string | null> => {
    pending ??= (async () => {
      try {
        const token = await getToken({refresh});
        held = token ? {token, refreshAt: expiresAt(token) - refreshBeforeExpiryMs} : null;
        return token;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };

  return {
    current() {
      if (pending) return pending;
      if (held && now() < held.refreshAt) return Promise.resolve(held.token);
      // A held token about to expire is replaced as a refresh: a host's cache must not hand it back.
      return ask(held !== null);
    },
    refresh(refused) {
      if (pending) return pending;
      if (held && held.token !== refused) return Promise.resolve(held.token);
      held = null;
      return ask(true);
    },
  };
}

/** When a JWT expires, in epoch milliseconds; `Infinity` for anything without a readable `exp`. */
function expiresAt(token: string): number {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return Infinity;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const {exp} = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown;
    };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}
