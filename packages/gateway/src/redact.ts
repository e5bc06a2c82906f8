import {
  catalogue as rapportCatalogue,
  essentialsOf,
  RapportError,
  type Catalogue,
  type FieldValue,
} from '@rapport/core';
import {
  maskFor,
  maskValue,
  readSource,
  writeSource,
  type CustomizationDocument,
  type MaskMode,
} from '@rapport/schema';

const isPlain = (value: unknown): boolean => value === null || typeof value !== 'object';
const STRICTNESS: Record<MaskMode, number> = {none: 0, partial: 1, full: 2, hidden: 3};

/** Redacts one record of a resource for a role; see {@link createRedactor}. */
export type Redactor = <T>(resource: string, record: T, role: string) => T;

/**
 * What a role receives of a resource's records, by property path: an allow-list. A property is sent
 * when a document field visible to the role names it (as its `source`, or through the catalogue's
 * `repeats`), when it goes with such a property (`reveals`), or when the catalogue counts it among the
 * resource's `essentials` (its key and owner always are). When several fields name a property, the
 * strictest mask wins; a hidden property takes the properties it `reveals` along.
 */
function allowList(
  customization: CustomizationDocument,
  resources: Catalogue,
  resource: string,
  role: string,
): [path: string, mask: Exclude<MaskMode, 'hidden'>][] {
  if (!Object.hasOwn(resources, resource)) return [];
  const definition = resources[resource]!;
  const masks = new Map<string, MaskMode>();
  const name = (path: string, mask: MaskMode): void => {
    const before = masks.get(path);
    if (before === undefined || STRICTNESS[mask] > STRICTNESS[before]) masks.set(path, mask);
  };
  const repeats = Object.entries(definition.repeats ?? {});
  for (const field of Object.values(customization.fields)) {
    const mask = maskFor(field, role);
    if (definition.entity !== undefined && field.entity === definition.entity)
      name(field.source, mask);
    for (const [path, repeated] of repeats)
      if (field.entity === repeated.entity && field.source === repeated.source) name(path, mask);
  }
  const reveals = definition.reveals ?? {};
  for (const [path, mask] of [...masks]) {
    const companions = Object.hasOwn(reveals, path) ? reveals[path]! : [];
    for (const companion of companions) name(companion, mask);
  }
  for (const path of essentialsOf(definition)) if (!masks.has(path)) masks.set(path, 'none');
  return [...masks].filter(
    (entry): entry is [string, Exclude<MaskMode, 'hidden'>] => entry[1] !== 'hidden',
  );
}

/**
 * Whether a role receives a resource's property whole (unmasked): what a report may count for it. The
 * same allow-list as {@link createRedactor}: a property no visible field names is not received.
 */
export function receivesWhole(
  customization: CustomizationDocument,
  resources: Catalogue,
  resource: string | undefined,
  path: string,
  role: string,
): boolean {
  if (resource === undefined) return false;
  return allowList(customization, resources, resource, role).some(
    ([allowed, mask]) => allowed === path && mask === 'none',
  );
}

/**
 * Applies a customization to records before they leave the server, for one role: a new record with
 * only the properties the role may receive (see the allow-list in docs/gateway.md), masked ones
 * replaced by their mask. Records are copied, never changed. A role the document does not define
 * receives nothing: `unauthorized`.
 */
export function createRedactor(
  customization: CustomizationDocument,
  resources: Catalogue = rapportCatalogue,
): Redactor {
  const roles = new Set(customization.roles.map((r) => r.id));
  const cache = new Map<string, [string, Exclude<MaskMode, 'hidden'>][]>();
  return (resource, record, role) => {
    if (!roles.has(role))
      throw new RapportError('unauthorized', `The role "${role}" is not in the customization`, {
        details: {reason: 'token_claims'},
      });
    if (record === null || typeof record !== 'object') return record;
    const cacheKey = `${resource}\u0000${role}`;
    let list = cache.get(cacheKey);
    if (!list) cache.set(cacheKey, (list = allowList(customization, resources, resource, role)));
    const copy: Record<string, unknown> = {};
    for (const [path, mask] of list) {
      const value = readSource(record, path);
      if (value === undefined) continue;
      if (mask === 'none') writeSource(copy, path, structuredClone(value));
      else if (isPlain(value) || (Array.isArray(value) && value.every(isPlain)))
        writeSource(copy, path, maskValue(value as FieldValue, mask) ?? null);
      // A masked property that holds objects has no masked form: it is left out.
    }
    return copy as typeof record;
  };
}
