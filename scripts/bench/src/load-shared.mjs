// What the load benchmark's driver (load.mjs) and its servers (load-server.mjs) agree on.
import {signAgentToken, signCustomerToken} from '@rapport/gateway';

export const secret = 'bench-load-secret-that-is-long-enough-for-hs256';
export const audience = 'rapport-bench-load';
/** A batched read of ten customers; the agent role sees them masked as the default document says. */
export const readPath = `/v1/customers?id=${Array.from({length: 10}, (_, i) => `c-${String(i + 1).padStart(3, '0')}`).join(',')}`;
export const readToken = () =>
  signAgentToken({agentId: 'bench', roles: ['agent'], key: {secret}, audience, expiresIn: '1h'});
export const submitToken = () =>
  signCustomerToken({customerId: 'c-001', key: {secret}, audience, expiresIn: '1h'});
/** The origin of a page on another site that embeds the widgets (CORS). */
export const pageOrigin = 'https://shop.example';
