import {hubspot} from '@hubspot/ui-extensions';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, type RapportClient} from '@rapport/core';
import {headers as protocolHeaders} from '@rapport/core/protocol';

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
    const key = new Headers(init?.headers).get(protocolHeaders.idempotencyKey);
    if (key) url.searchParams.set('rapport-idempotency-key', key);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : undefined;
    return send(url.href, {
      method: init?.method === 'POST' ? 'POST' : 'GET',
      ...(body && {body: body as Record<string, unknown>}),
    });
  };
}

/** One client for the card's widgets, talking to the gateway's HubSpot front at `url`. */
export function hubspotClient(url: string, send?: HubSpotFetch): RapportClient {
  return createClient(httpAdapter({url, fetch: viaHubSpot(send)}));
}
