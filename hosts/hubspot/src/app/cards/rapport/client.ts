import {hubspot} from '@hubspot/ui-extensions';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, type RapportClient} from '@rapport/core';
import {headers as protocolHeaders} from '@rapport/core/protocol';
import type {CustomizationDocument} from '@rapport/schema';

/** `hubspot.fetch`, or a stand-in with its signature (tests). */
export type HubSpotFetch = (
  url: string,
  options: {method?: 'GET' | 'POST'; body?: Record<string, unknown>; timeout?: number},
) => Promise<Response>;

/**
 * The `fetch` the HTTP adapter calls, made of `hubspot.fetch`: a card can reach only the URLs of
 * `permittedUrls.fetch`, through HubSpot, which signs each request (signature v3) and sends no
 * headers of ours. So no token travels: the gateway's HubSpot front (`hubspotCard` from
 * `@rapport/gateway/hubspot`) checks HubSpot's signature instead, and the idempotency key of a
 * complaint goes in the query string (`rapport-idempotency-key`), which the signature covers. The
 * body goes as the object `hubspot.fetch` takes.
 */
export function viaHubSpot(send: HubSpotFetch = hubspot.fetch as HubSpotFetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST')
      throw new TypeError(`The Rapport card sends GET and POST only, not ${method}`);
    const key = new Headers(init?.headers).get(protocolHeaders.idempotencyKey);
    if (key) url.searchParams.set('rapport-idempotency-key', key);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : undefined;
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    // hubspot.fetch takes no signal: an aborted or timed-out read stops waiting for it.
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason), {once: true}),
    );
    return Promise.race([
      send(url.href, {
        method,
        timeout: HUBSPOT_TIMEOUT_MS,
        ...(body && {body: body as Record<string, unknown>}),
      }),
      aborted,
    ]);
  };
}

/** How long HubSpot's proxy waits for the gateway (HubSpot's default is 15 s, its most 120 s). */
const HUBSPOT_TIMEOUT_MS = 15_000;

/** The card's way to the gateway: one client for its widgets, and the document for the viewer's role. */
export interface HubSpotGateway {
  readonly client: RapportClient;
  /** The customization document as the gateway serves it to the viewer, and the viewer's role. */
  customization(): Promise<{readonly role: string; readonly document: CustomizationDocument}>;
}

/** Connects the card to the gateway's HubSpot front at `url` (in the app's `permittedUrls.fetch`). */
export function hubspotGateway(url: string, send?: HubSpotFetch): HubSpotGateway {
  const adapter = httpAdapter({url, fetch: viaHubSpot(send)});
  return {
    client: createClient(adapter),
    // The gateway validated its document at start-up and serves it for the caller's role.
    customization: async () => {
      const {role, document} = await adapter.getCustomization();
      return {role, document: document as unknown as CustomizationDocument};
    },
  };
}
