import type {Entity} from '@rapport/core';
import {
  conditionHolds,
  deleteSource,
  maskValue,
  readSource,
  writeSource,
  type CustomizationDocument,
  type FieldDefinition,
  type LayoutElement,
  type MaskMode,
} from '@rapport/schema';

const STRICTNESS: Record<MaskMode, number> = {none: 0, partial: 1, full: 2, hidden: 3};

/**
 * Values that would give a masked or hidden field away: hiding a tier id must hide its name too.
 * Listed per entity by the field's source.
 */
const COMPANIONS: Partial<Record<Entity, Record<string, readonly string[]>>> = {
  loyalty: {
    tierId: ['tierName', 'tierColor'],
    nextTierId: ['nextTierName'],
    toNextTier: ['tierProgress'],
    balance: ['expiringSoon'],
  },
};

/** The mask a role gets for a field. */
export function maskFor(field: FieldDefinition, role: string): MaskMode {
  return (
    (field.access && Object.hasOwn(field.access, role) ? field.access[role] : undefined) ??
    field.mask ??
    'none'
  );
}

/**
 * Applies a customization's masking for one role to records before they leave the server: hidden
 * fields (and their companions) are removed, masked ones replaced by their mask. When several fields
 * share a source, the strictest mask wins. Records are copied, never changed.
 */
export function createRedactor(
  doc: CustomizationDocument,
): <T>(entity: Entity, record: T, role: string) => T {
  const cache = new Map<string, [string, MaskMode][]>();
  const rules = (entity: Entity, role: string): [string, MaskMode][] => {
    const key = `${entity}\u0000${role}`;
    let list = cache.get(key);
    if (!list) {
      const strictest = new Map<string, MaskMode>();
      for (const field of Object.values(doc.fields)) {
        if (field.entity !== entity) continue;
        const mask = maskFor(field, role);
        const before = strictest.get(field.source);
        if (before === undefined || STRICTNESS[mask] > STRICTNESS[before])
          strictest.set(field.source, mask);
      }
      list = [...strictest].filter(([, mask]) => mask !== 'none');
      cache.set(key, list);
    }
    return list;
  };
  return (entity, record, role) => {
    const list = rules(entity, role);
    if (list.length === 0 || record === null || typeof record !== 'object') return record;
    const copy = structuredClone(record) as Record<string, unknown>;
    for (const [source, mask] of list) {
      const companions = COMPANIONS[entity]?.[source] ?? [];
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

/**
 * The customization as one role may see it: fields hidden for the role left out (with their places in
 * layouts and the rules that test them, decided as the widget would decide them without the value),
 * other roles and their layouts removed. The result is still a valid document.
 */
export function documentForRole(doc: CustomizationDocument, role: string): CustomizationDocument {
  const fields = Object.fromEntries(
    Object.entries(doc.fields)
      .filter(([, field]) => maskFor(field, role) !== 'hidden')
      .map(([id, {access: _access, mask: _mask, ...field}]) => [
        id,
        {...field, mask: maskFor(doc.fields[id]!, role)},
      ]),
  );
  const prune = (element: LayoutElement): LayoutElement | null => {
    let rule = element.rule;
    if (rule && !Object.hasOwn(fields, rule.condition.field)) {
      // The role cannot see the tested field: decide the rule now, as the widget would without a value.
      const shown = conditionHolds(rule.condition, {}) === (rule.effect === 'SHOW');
      if (!shown) return null;
      rule = undefined;
    }
    const base = {...element};
    delete base.rule;
    const withRule = rule ? {...base, rule} : base;
    if (withRule.type === 'Control') return Object.hasOwn(fields, withRule.field) ? withRule : null;
    return {
      ...withRule,
      elements: withRule.elements.map(prune).filter((e): e is LayoutElement => e !== null),
    };
  };
  const widgets: CustomizationDocument['widgets'] = {};
  for (const [name, config] of Object.entries(doc.widgets) as [
    keyof CustomizationDocument['widgets'],
    NonNullable<CustomizationDocument['widgets'][keyof CustomizationDocument['widgets']]>,
  ][]) {
    const layout = prune(config.roles?.[role] ?? config.layout);
    if (layout) widgets[name] = {layout};
  }
  return {
    ...doc,
    roles:
      doc.roles.filter((r) => r.id === role).length > 0
        ? doc.roles.filter((r) => r.id === role)
        : [{id: role, label: role}],
    fields,
    widgets,
  };
}
