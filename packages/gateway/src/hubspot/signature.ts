import {RapportError} from '@rapport/core';
import {refusal} from '../front.js';

/** Options of {@link verifyHubSpotSignature}. */
export interface HubSpotSignatureOptions {
  /** The app's client secret (the app's Auth settings in HubSpot): the HMAC key HubSpot signs with. */
  readonly clientSecret: string;
  /**
   * How old a request may be, in seconds. Default 300, HubSpot's own rule; it bounds how long a
   * captured request can be replayed.
   */
  readonly maxAgeSeconds?: number;
  /** The time, in milliseconds since the epoch, for tests. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * The URL HubSpot called, when the server sees another one (behind a proxy that changes the scheme,
   * host or path). Default `request.url`. The signature covers it whole, query string included.
   */
  readonly url?: string;
  /**
   * The raw body, when it has already been read. Default: read from a clone of the request, so the
   * request itself can still be read.
   */
  readonly body?: string;
}

/** How far in the future a timestamp may be (clocks differ), in milliseconds. */
export const clockToleranceMs = 5_000;

const signatureHeader = 'x-hubspot-signature-v3';
const timestampHeader = 'x-hubspot-request-timestamp';

/**
 * The escapes HubSpot's v3 rule decodes in the URI before signing; every other escape (`%20`, `%26`,
 * `%3D`, …) stays as sent, or the two sides would sign different strings.
 */
const decodedEscapes = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** The request URI as HubSpot's v3 source string has it: only the 12 listed escapes decoded. */
export function signedUri(url: string): string {
  return url.replace(decodedEscapes, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** A signature of HMAC-SHA256: 32 bytes, so 43 base64 characters and one `=`. */
const base64Signature = /^[A-Za-z0-9+/]{43}=$/;

const encoder = new TextEncoder();

/**
 * A verifier bound to one client secret: the HMAC key is imported once (Web Crypto, so any fetch
 * runtime can run it), then each request is checked against it.
 */
export function hubSpotVerifier(options: {
  readonly clientSecret: string;
  readonly maxAgeSeconds: number;
  readonly now: () => number;
}): (
  request: Request,
  signed: {readonly url: string; readonly body: string | (() => Promise<string>)},
) => Promise<void> {
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () =>
    (key ??= crypto.subtle.importKey(
      'raw',
      encoder.encode(options.clientSecret),
      {name: 'HMAC', hash: 'SHA-256'},
      false,
      ['verify'],
    ));
  const maxAgeMs = options.maxAgeSeconds * 1000;

  return async (request, signed) => {
    const signature = request.headers.get(signatureHeader)?.trim() ?? '';
    if (signature === '')
      throw refusal('signature_missing', 'The request carries no X-HubSpot-Signature-v3');
    const timestamp = request.headers.get(timestampHeader)?.trim() ?? '';
    // Milliseconds since the epoch, digits only: anything else is no timestamp HubSpot sends.
    if (!/^\d{1,16}$/.test(timestamp))
      throw refusal(
        'timestamp_missing',
        'The request carries no X-HubSpot-Request-Timestamp in milliseconds',
      );
    const age = options.now() - Number(timestamp);
    if (age > maxAgeMs || age < -clockToleranceMs)
      throw refusal(
        'timestamp_stale',
        age > 0
          ? `The request is ${Math.round(age / 1000)} seconds old; at most ${options.maxAgeSeconds} are accepted`
          : 'The request is dated in the future',
      );
    // A well-formed signature is 32 bytes; anything else cannot match, and need not be decoded.
    if (!base64Signature.test(signature))
      throw refusal('signature_mismatch', 'The signature is not one of this app');
    // The body is read only for a request that could pass.
    const body = typeof signed.body === 'string' ? signed.body : await signed.body();
    const source = request.method + signedUri(signed.url) + body + timestamp;
    // `verify` compares in constant time, so the comparison tells an attacker nothing.
    const valid = await crypto.subtle.verify(
      'HMAC',
      await hmacKey(),
      Uint8Array.from(atob(signature), (c) => c.charCodeAt(0)),
      encoder.encode(source),
    );
    if (!valid) throw refusal('signature_mismatch', 'The signature is not one of this app');
  };
}

/**
 * Checks that a request came from HubSpot for this app, as its signature v3 says: HubSpot signs
 * `method + URI + body + timestamp` with the app's client secret, so only HubSpot (and whoever holds
 * the secret) can produce it, and the timestamp bounds replays. The URI signed is the full URL with
 * the query string; only the 12 escapes HubSpot lists (`%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C
 * %3B`) are decoded before signing.
 *
 * It proves the request passed through HubSpot for this app, not that parameters the card code put
 * in the URL are true: card code chooses its URL.
 *
 * @throws RapportError `unauthorized` with `details.reason` `signature_missing`, `timestamp_missing`
 *   (absent, or not milliseconds), `timestamp_stale` (older than `maxAgeSeconds`, or more than 5
 *   seconds in the future) or `signature_mismatch`; `invalid_input` when the options are wrong.
 */
export async function verifyHubSpotSignature(
  request: Request,
  options: HubSpotSignatureOptions,
): Promise<void> {
  const {clientSecret, maxAgeSeconds = 300} = options ?? {};
  if (typeof clientSecret !== 'string' || clientSecret === '')
    throw new RapportError(
      'invalid_input',
      "verifyHubSpotSignature: options.clientSecret is required: the app's client secret",
      {fields: {clientSecret: 'required'}},
    );
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 1)
    throw new RapportError(
      'invalid_input',
      `verifyHubSpotSignature: options.maxAgeSeconds must be a whole number of seconds, at least 1; got ${String(maxAgeSeconds)}`,
      {fields: {maxAgeSeconds: 'invalid'}},
    );
  const verify = hubSpotVerifier({clientSecret, maxAgeSeconds, now: options.now ?? Date.now});
  await verify(request, {
    url: options.url ?? request.url,
    body: options.body ?? (() => request.clone().text()),
  });
}
