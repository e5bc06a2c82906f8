// What the fronts before the gateway (`@rapport/gateway/zendesk`, `@rapport/gateway/hubspot`) share: a
// host proves who is calling in its own way, the front turns that into a Rapport agent. Internal: the
// subpaths export what they need of it.
import {isRapportError, RapportError} from '@rapport/core';
import type {SigningKey} from './auth/tokens.js';

/**
 * Who the host's user is to Rapport: the agent id the gateway sees and the customization roles they
 * act as (the first is the one masking follows).
 */
export interface AgentIdentity {
  readonly agentId: string;
  readonly roles: readonly string[];
}

/**
 * A mistake of the deployment found only on use (an unusable key, a malformed `agentFor` answer): the
 * request gets a 500 that says nothing, the log gets `reason`.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    readonly reason: string,
    message: string,
    options?: {cause?: unknown},
  ) {
    super(message, options);
  }
}

/**
 * A refusal: `unauthorized` with the reason in `details.reason`, for the log. A refused page never
 * shows it; a JSON answer carries it, as the gateway's own errors do.
 */
export const refusal = (reason: string, message: string): RapportError =>
  new RapportError('unauthorized', message, {details: {reason}});

/** The reason of a refusal made by {@link refusal}. */
export function reasonOf(error: RapportError): string {
  const reason = error.details.reason;
  return typeof reason === 'string' ? reason : error.code;
}

/** Whether an error is a refusal (and not a bug or a misconfiguration). */
export const isRefusal = (error: unknown): error is RapportError =>
  isRapportError(error) && error.code === 'unauthorized';

/**
 * The identity `agentFor` returned, checked: a malformed one is the deployment's bug, not a viewer.
 * `front` names the handler in the message (`zendeskApp`, `hubspotCard`).
 */
export function checkIdentity(identity: AgentIdentity | undefined, front: string): AgentIdentity {
  const {agentId, roles} = (identity ?? {}) as {agentId?: unknown; roles?: unknown};
  if (
    typeof agentId !== 'string' ||
    agentId === '' ||
    !Array.isArray(roles) ||
    roles.length === 0 ||
    !roles.every((role) => typeof role === 'string' && role !== '')
  )
    throw new ConfigurationError(
      'agent_invalid',
      `${front}: agentFor must return {agentId: a non-empty string, roles: non-empty strings, at least one} or null`,
    );
  return {agentId, roles: [...(roles as string[])]};
}

/**
 * The body as text, or `undefined` when it is over `maxBytes` (read no further than that, whatever
 * Content-Length claims).
 */
export async function readBody(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Checks a front's `tokens` option: the key, audience and issuer its minted tokens carry, which must be
 * the gateway's `auth`.
 */
export function checkTokens(
  tokens:
    {readonly key?: SigningKey; readonly audience?: string; readonly issuer?: string} | undefined,
  invalid: (option: string, message: string) => Error,
): void {
  if (typeof tokens !== 'object' || tokens === null)
    throw invalid('tokens', 'is required: the key, audience and issuer of the gateway');
  checkKey(tokens.key, invalid);
  if (typeof tokens.audience !== 'string' || tokens.audience === '')
    throw invalid('tokens.audience', "is required: the gateway's auth.audience");
  if (tokens.issuer !== undefined && (typeof tokens.issuer !== 'string' || tokens.issuer === ''))
    throw invalid('tokens.issuer', "must be a non-empty string (the gateway's auth.issuer)");
}

/**
 * Checks the key agent tokens are signed with, as the gateway will want it. `invalid` makes the
 * front's own error naming the option.
 */
export function checkKey(
  key: SigningKey | undefined,
  invalid: (option: string, message: string) => Error,
): void {
  if (typeof key !== 'object' || key === null)
    throw invalid('tokens.key', 'is required: {secret} or {privateKey, kid, alg}');
  if ('secret' in key) {
    if (typeof key.secret !== 'string' || key.secret.length < 32)
      throw invalid('tokens.key.secret', 'must be at least 32 characters long (HS256)');
    return;
  }
  if (key.alg !== 'ES256' && key.alg !== 'RS256')
    throw invalid('tokens.key.alg', `must be ES256 or RS256; got ${JSON.stringify(key.alg)}`);
  if (typeof key.kid !== 'string' || key.kid === '')
    throw invalid('tokens.key.kid', "is required: the key id the gateway's publicKeys list");
  if (typeof key.privateKey !== 'object' || key.privateKey === null)
    throw invalid('tokens.key.privateKey', 'is required with kid and alg');
}

/** An option that is wrong, as a RapportError naming it: `{front}: options.{option} {message}`. */
export function invalidOption(front: string, option: string, message: string): RapportError {
  return new RapportError('invalid_input', `${front}: options.${option} ${message}`, {
    fields: {[option]: message},
  });
}

/** A whole number of seconds, at least `least`, or `fallback` when not given. */
export function wholeSeconds(
  invalid: (option: string, message: string) => Error,
  option: string,
  value: number | undefined,
  fallback: number,
  least: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least)
    throw invalid(
      option,
      `must be a whole number of seconds, at least ${least}; got ${String(value)}`,
    );
  return value;
}
