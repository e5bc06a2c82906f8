// The HTTP side: credentials (a private app token, or OAuth with a refresh on a 401), vendorHttp with
// HubSpot's errors, and the two reads every resource makes: associated record ids and batch reads.
import {RapportError, vendorHttp} from '@rapport/core';
import {hubspotErrors} from './errors.js';

/** A HubSpot CRM object as the objects API returns it. */
export interface HubSpotObject {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}
interface BatchResponse {
  readonly results: readonly HubSpotObject[];
  readonly numErrors?: number;
}
interface AssociationsPage {
  readonly results: readonly {readonly toObjectId: number | string}[];
  readonly paging?: {readonly next?: {readonly after?: string}};
}

/** The most records a batch read takes (HubSpot's limit). */
export const BATCH = 100;
/** The most associated records a list reads: lists are bounded like everything else. */
export const MAX_LISTED = 1000;

export const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** HubSpot's API as the resources use it. */
export interface HubSpotApi {
  get<T>(path: string, query?: Record<string, string>, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
  patch<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
  /** Whether HubSpot answered a request with success in the last `ms` milliseconds. */
  answeredWithin(ms: number): boolean;
  /**
   * Record ids of the `object`s associated with a record (a contact's tickets, a ticket's notes), up
   * to {@link MAX_LISTED}.
   */
  associated(
    from: {readonly object: string; readonly id: string},
    object: string,
    signal?: AbortSignal,
  ): Promise<string[]>;
  /** The records with these ids (any number, read 100 at a time); unknown ids are left out. */
  batchRead(
    object: string,
    ids: readonly string[],
    properties: readonly string[],
    signal?: AbortSignal,
  ): Promise<HubSpotObject[]>;
}

/** How the adapter reaches HubSpot: the part of `hubspotAdapter`'s options the connection uses. */
export interface HubSpotConnection {
  /** A private app's access token (`pat-…`). */
  readonly accessToken?: string;
  /** An OAuth app's credentials: the adapter gets access tokens with the refresh token, and again once on a 401. */
  readonly oauth?: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly refreshToken: string;
  };
  /**
   * The portal's time zone (IANA, as in Settings → Account defaults): HubSpot resets a DAILY rate
   * limit at midnight there, and the adapter sends nothing until then. Default `UTC`.
   */
  readonly timeZone?: string;
  /** The fetch to use. Default the global one. */
  readonly fetch?: typeof fetch;
  /** Milliseconds one HubSpot call may take. Default 15,000. */
  readonly timeoutMs?: number;
}

/** The HTTP client of one adapter. */
export function hubspotApi(
  options: HubSpotConnection,
  baseUrl: string,
  now: () => number,
): HubSpotApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let token = options.accessToken;
  let refreshing: Promise<string> | undefined;
  const refresh = (): Promise<string> =>
    (refreshing ??= (async () => {
      const oauth = options.oauth!;
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/oauth/v1/token`, {
          method: 'POST',
          headers: {'content-type': 'application/x-www-form-urlencoded'},
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: oauth.clientId,
            client_secret: oauth.clientSecret,
            refresh_token: oauth.refreshToken,
          }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        // A failed refresh is transient like any unreachable HubSpot: the next call tries again.
        throw new RapportError(
          'unavailable',
          `HubSpot's token endpoint could not be reached (${(error as Error).message})`,
          {cause: error, details: {vendor: 'HubSpot'}},
        );
      }
      const body = (await response.json().catch(() => ({}))) as {
        access_token?: string;
        message?: string;
      };
      if (!response.ok || !body.access_token)
        throw new RapportError(
          'unauthorized',
          `hubspotAdapter: option oauth: HubSpot refused the refresh token (${response.status}${body.message ? `: ${body.message}` : ''}); check oauth.clientId, oauth.clientSecret and oauth.refreshToken`,
          {details: {option: 'oauth', status: response.status}},
        );
      token = body.access_token;
      return token;
    })().finally(() => {
      refreshing = undefined;
    }));

  const http = vendorHttp({
    vendor: 'HubSpot',
    baseUrl,
    authorization: async ({refresh: again}) => {
      if (options.oauth && (again || token === undefined)) return `Bearer ${await refresh()}`;
      return `Bearer ${token}`;
    },
    refreshes: options.oauth !== undefined,
    toError: hubspotErrors(now, options.timeZone),
    ...(options.timeoutMs !== undefined && {timeoutMs: options.timeoutMs}),
    fetch: doFetch,
    now,
  });
  const get = async <T>(path: string, query?: Record<string, string>, signal?: AbortSignal) =>
    (await http.request<T>('GET', path, {...(query && {query}), signal})).body;
  const post = async <T>(path: string, body: unknown, signal?: AbortSignal) =>
    (await http.request<T>('POST', path, {body, signal})).body;
  const patch = async <T>(path: string, body: unknown, signal?: AbortSignal) =>
    (await http.request<T>('PATCH', path, {body, signal})).body;

  const api: HubSpotApi = {
    get,
    post,
    patch,
    answeredWithin: http.answeredWithin,
    async associated(from, object, signal) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await get<AssociationsPage>(
          `/crm/v4/objects/${from.object}/${encodeURIComponent(from.id)}/associations/${object}`,
          {limit: '500', ...(after && {after})},
          signal,
        );
        ids.push(...page.results.map((r) => String(r.toObjectId)));
        after = page.paging?.next?.after;
      } while (after && ids.length < MAX_LISTED);
      return ids.slice(0, MAX_LISTED);
    },
    async batchRead(object, ids, properties, signal) {
      const out: HubSpotObject[] = [];
      for (const chunk of chunks(ids, BATCH))
        out.push(
          ...(
            await post<BatchResponse>(
              `/crm/v3/objects/${object}/batch/read`,
              {inputs: chunk.map((id) => ({id})), properties, propertiesWithHistory: []},
              signal,
            )
          ).results,
        );
      return out;
    },
  };
  return api;
}
