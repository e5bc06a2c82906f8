/** How long before a token's `exp` a new one is asked for, at most, in milliseconds. */
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
 * Holds the token `getToken` gave until shortly before its `exp` (read from a JWT's payload): 30 s
 * before, or halfway through a shorter life. A token without a readable `exp`, or one that looks
 * expired already (this clock runs ahead of the server's), is held until the gateway refuses it.
 * Concurrent requests share one pending ask. `null` (anonymous) is never held: `getToken` is asked
 * again next time.
 */
export function tokenSource(getToken: GetToken, now: () => number = Date.now): TokenSource {
  let held: {token: string; refreshAt: number} | null = null;
  let pending: {refresh: boolean; token: Promise<string | null>} | null = null;

  const ask = (refresh: boolean): Promise<string | null> => {
    const token = (async () => {
      try {
        const token = await getToken({refresh});
        held = token ? {token, refreshAt: refreshTime(token, now())} : null;
        return token;
      } finally {
        pending = null;
      }
    })();
    pending = {refresh, token};
    return token;
  };

  return {
    current() {
      if (pending) return pending.token;
      if (held && now() < held.refreshAt) return Promise.resolve(held.token);
      // A held token about to expire is replaced as a refresh: a host's cache must not hand it back.
      return ask(held !== null);
    },
    async refresh(refused) {
      // An ask already on its way: a refresh serves every refused caller; a plain one may bring the
      // refused token back from a host's cache, and then a refresh follows.
      if (pending) {
        const {refresh, token} = pending;
        const next = await token;
        if (refresh || next !== refused) return next;
        return pending ? pending.token : ask(true);
      }
      if (held && held.token !== refused) return held.token;
      held = null;
      return ask(true);
    },
  };
}

/** When to ask for the next token, in epoch milliseconds; `Infinity` to hold it until refused. */
function refreshTime(token: string, fetchedAt: number): number {
  const expiresAt = expiryOf(token);
  if (expiresAt <= fetchedAt) return Infinity;
  return expiresAt - Math.min(refreshBeforeExpiryMs, (expiresAt - fetchedAt) / 2);
}

/** When a JWT expires, in epoch milliseconds; `Infinity` for anything without a readable `exp`. */
function expiryOf(token: string): number {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return Infinity;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const {exp} = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown;
    };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}
