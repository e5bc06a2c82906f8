import {catalogue as rapportCatalogue, type Catalogue} from '@rapport/core';
import {
  deleteSource,
  maskFor,
  maskValue,
  readSource,
  writeSource,
  type CustomizationDocument,
  type MaskMode,
} from '@rapport/schema';

const STRICTNESS: Record<MaskMode, number> = {none: 0, partial: 1, full: 2, hidden: 3};

/** Redacts one record of a resource for a role; see {@link createRedactor}. */
export type Redactor = <T>(resource: string, record: T, role: string) => T;

/**
 * Applies a customization's masking for one role to records before they leave the server: hidden
 * fields are removed, masked ones replaced by their mask, and so are the properties the resource's
 * catalogue entry says `reveals` them (a hidden tier takes its name along). When several fields share
 * a source, the strictest mask wins. Resources without an entity (interactions) have no fields to
 * mask and pass through. Records are copied, never changed.
 */
export function createRedactor(
  customization: CustomizationDocument,
  resources: Catalogue = rapportCatalogue,
): Redactor {
  const cache = new Map<string, [string, MaskMode][]>();
  const rules = (resource: string, role: string): [string, MaskMode][] => {
    const cacheKey = `${resource}\u0000${role}`;
    let list = cache.get(cacheKey);
    if (!list) {
      const entity = resources[resource]?.entity;
      const strictest = new Map<string, MaskMode>();
      for (const field of Object.values(customization.fields)) {
        if (entity === undefined || field.entity !== entity) continue;
        const mask = maskFor(field, role);
        const before = strictest.get(field.source);
        if (before === undefined || STRICTNESS[mask] > STRICTNESS[before])
          strictest.set(field.source, mask);
      }
      list = [...strictest].filter(([, mask]) => mask !== 'none');
      cache.set(cacheKey, list);
    }
    return list;
  };
  return (resource, record, role) => {
    const list = rules(resource, role);
    if (list.length === 0 || record === null || typeof record !== 'object') return record;
    const reveals = resources[resource]?.reveals ?? {};
    const copy = structuredClone(record) as Record<string, unknown>;
    for (const [source, mask] of list) {
      const companions = Object.hasOwn(reveals, source) ? reveals[source]! : [];
      if (mask === 'hidden') {
        deleteSource(copy, source);
        for (const companion of companions) deleteSource(copy, companion);
        continue;
      }
      const value = readSource(copy, source);
      if (value !== undefined) writeSource(copy, source, maskValue(value, mask) ?? null);
      for (const companion of companions) {
        const other = readSource(copy, companion);
        if (typeof other === 'string' || typeof other === 'number')
          writeSource(copy, companion, maskValue(other, mask) ?? null);
        else if (other !== undefined) deleteSource(copy, companion);
      }
    }
    return copy as typeof record;
  };
}
