import type {FieldValue} from '@rapport/core';
import type {FieldDefinition, MaskMode} from './document.js';

/** What a fully masked value shows, whatever its length, so even the length stays secret. */
export const FULL_MASK = '••••••';

/**
 * How much of a field a role sees: the field's `access` entry for the role, else its `mask`, else
 * `none`. The one place this is decided: `resolveLayout`, `documentForRole` and the gateway's
 * redaction all ask here.
 */
export function maskFor(field: FieldDefinition, role: string): MaskMode {
  return (
    (field.access && Object.hasOwn(field.access, role) ? field.access[role] : undefined) ??
    field.mask ??
    'none'
  );
}

/**
 * A value as a role may see it. `none` keeps it; `partial` keeps only the end (`****1234`; for an
 * e-mail address, its first letter and domain: `m***@example.com`); `full` replaces it with a fixed
 * `••••••`; `hidden` removes it (`undefined`). Lists are masked item by item; empty values stay empty.
 */
export function maskValue(value: FieldValue | undefined, mask: MaskMode): FieldValue | undefined {
  if (mask === 'hidden') return undefined;
  if (mask === 'none' || value === null || value === undefined || value === '') return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask) as string);
  if (mask === 'full') return FULL_MASK;
  const text = String(value);
  const at = text.lastIndexOf('@');
  if (at > 0) return `${Array.from(text)[0]}***${text.slice(at)}`;
  const characters = Array.from(text);
  return characters.length <= 4 ? '****' : `****${characters.slice(-4).join('')}`;
}
