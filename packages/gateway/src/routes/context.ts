import type {Catalogue, CrmAdapter, IdempotencyStore} from '@rapport/core';
import type {CustomizationDocument} from '@rapport/schema';
import type {InputRules} from '../input-rules.js';
import type {Redactor} from '../redact.js';
import type {WriteRule} from '../write-rules.js';

/** What the routes share, made once by `createGateway`. */
export interface RouteContext {
  readonly adapter: CrmAdapter<Catalogue>;
  readonly catalogue: Catalogue;
  readonly customization: CustomizationDocument;
  readonly redact: Redactor;
  /** The document's form rules for create bodies. */
  readonly inputRules: InputRules;
  /** Each create's input check, by resource (core's `inputChecks` and the catalogue's own). */
  readonly inputChecks: Readonly<Record<string, (input: unknown) => unknown>>;
  /** The gateway's own rules for creates, by resource: who may, and what the token sets. */
  readonly writeRules: Readonly<Record<string, WriteRule>>;
  readonly idempotencyStore: IdempotencyStore;
  /** Most keys in one batch read over the wire. */
  readonly maxBatchSize: number;
  /** Largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Largest created record kept whole for replays, in characters of JSON. */
  readonly maxStoredResponseBytes: number;
}
