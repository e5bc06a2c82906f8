// Shared by the gateway's tests; lives beside src/ so the package never ships it.
import {memoryAdapter, type MemoryAdapterOptions} from '@rapport/adapter-memory';
import {
  createGateway,
  signAgentToken,
  signCustomerToken,
  type GatewayOptions,
} from '@rapport/gateway';

export const secret = 'a-test-secret-that-is-long-enough-for-hs256!';
export const audience = 'https://gateway.test';
export const asOf = new Date('2026-11-01T00:00:00Z');

export function setup(options: Partial<GatewayOptions> = {}, memory: MemoryAdapterOptions = {}) {
  const adapter = memoryAdapter({asOf, size: 30, ...memory});
  const logs: unknown[] = [];
  const gateway = createGateway({
    adapter,
    auth: {secret, audience},
    rateLimit: false,
    log: (e) => logs.push(e),
    ...options,
  });
  const call = async (
    path: string,
    init: {
      token?: string | null;
      method?: string;
      body?: unknown;
      headers?: Record<string, string>;
      /** The client's address, as serveGateway passes it. */
      address?: string;
    } = {},
  ) => {
    const headers: Record<string, string> = {...init.headers};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await gateway(
      new Request(`http://gateway.test${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers,
        ...(init.body !== undefined && {
          body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        }),
      }),
      init.address === undefined ? undefined : {clientAddress: init.address},
    );
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return {adapter, gateway, call, logs};
}

export const customerToken = (
  customerId: string,
  extra: {expiresIn?: string | number; audience?: string} = {},
) =>
  signCustomerToken({
    customerId,
    key: {secret},
    audience: extra.audience ?? audience,
    ...(extra.expiresIn !== undefined && {expiresIn: extra.expiresIn}),
  });
export const agentToken = (roles: string[] = ['agent']) =>
  signAgentToken({agentId: 'agent-ana', roles, key: {secret}, audience});

export const complaint = (customerId?: string) => ({
  ...(customerId !== undefined && {customerId}),
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'Ordered two weeks ago.',
});
