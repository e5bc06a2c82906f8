// HubSpot's signature v3 as a test signs requests with it: written from HubSpot's documented rule
// with node:crypto, apart from the code under test (src/hubspot/signature.ts). Shared by the gateway's
// tests and the HubSpot card's (hosts/hubspot).
import {createHmac} from 'node:crypto';

/** The escapes HubSpot decodes in the URI before signing; every other stays as sent. */
const decoded: Readonly<Record<string, string>> = {
  '3A': ':',
  '2F': '/',
  '3F': '?',
  '40': '@',
  '21': '!',
  '24': '$',
  '27': "'",
  '28': '(',
  '29': ')',
  '2A': '*',
  '2C': ',',
  '3B': ';',
};

/** HMAC-SHA256 of method + URI (the 12 listed escapes decoded) + body + timestamp, base64. */
export function hubspotSignature(
  method: string,
  url: string,
  body: string,
  timestamp: number,
  clientSecret: string,
): string {
  const uri = url.replace(
    /%([0-9A-Fa-f]{2})/g,
    (escape, hex: string) => decoded[hex.toUpperCase()] ?? escape,
  );
  return createHmac('sha256', clientSecret)
    .update(method + uri + body + String(timestamp), 'utf8')
    .digest('base64');
}
