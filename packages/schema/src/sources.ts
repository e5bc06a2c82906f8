import {
  catalogue,
  entities,
  resourceOfEntity,
  type Entity,
  type FieldValue,
  type ResourceName,
} from '@rapport/core';
import type {WidgetName} from './document.js';

/**
 * The standard field paths of each entity's record, from core's resource catalogue; anything else must
 * be `customFields.<key>`.
 */
export const standardSources: Readonly<Record<Entity, readonly string[]>> =
  // A pure call as a whole (arguments included), so a bundle that does not use it drops the catalogue.
  /* @__PURE__ */ (() =>
    Object.fromEntries(
      entities.map((entity) => [
        entity,
        catalogue[resourceOfEntity(entity) as ResourceName].fields,
      ]),
    ) as Record<Entity, readonly string[]>)();

/** Which entity each widget shows. */
export const widgetEntity: Readonly<Record<WidgetName, Entity>> = {
  'customer-card': 'customer',
  'loyalty-balance': 'loyalty',
  'complaint-form': 'complaint',
  rewards: 'reward',
  'complaint-tracker': 'complaint',
  survey: 'survey',
};

/**
 * The catalogue resource each widget's layout describes, written out (a test holds it to the
 * catalogue) so that a widget alone does not carry the whole catalogue.
 */
export const widgetResource: Readonly<Record<WidgetName, ResourceName>> = {
  'customer-card': 'customers',
  'loyalty-balance': 'loyaltyAccounts',
  'complaint-form': 'complaints',
  rewards: 'rewards',
  'complaint-tracker': 'complaints',
  survey: 'surveyAnswers',
};

/** The widgets, in the order they are documented. */
export const widgetNames = Object.keys(widgetEntity) as WidgetName[];

/** Whether `source` names a custom field (`customFields.<key>`). */
export function isCustomSource(source: string): boolean {
  return source.startsWith('customFields.') && source.length > 'customFields.'.length;
}

/**
 * The value at a field's source path in a record (`email`, `name.given`, `customFields.store`), or
 * `undefined`. Only the record's own data is read, never inherited properties.
 */
export function readSource(record: unknown, source: string): FieldValue | undefined {
  let current: unknown = record;
  for (const key of splitSource(source)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as FieldValue | undefined;
}

/** Sets the value at a source path in a plain object, creating the objects on the way. */
export function writeSource(
  record: Record<string, unknown>,
  source: string,
  value: FieldValue,
): void {
  const keys = splitSource(source);
  let current = record;
  for (const key of keys.slice(0, -1)) {
    if (!Object.hasOwn(current, key) || current[key] === null || typeof current[key] !== 'object') {
      Object.defineProperty(current, key, {
        value: {},
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    current = current[key] as Record<string, unknown>;
  }
  Object.defineProperty(current, keys.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Removes the value at a source path from a plain object, if it is there. */
export function deleteSource(record: Record<string, unknown>, source: string): void {
  const keys = splitSource(source);
  let current: unknown = record;
  for (const key of keys.slice(0, -1)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return;
    current = (current as Record<string, unknown>)[key];
  }
  if (current !== null && typeof current === 'object')
    delete (current as Record<string, unknown>)[keys.at(-1)!];
}

function splitSource(source: string): string[] {
  // customFields keys may contain dots of their own: everything after "customFields." is the key.
  return isCustomSource(source)
    ? ['customFields', source.slice('customFields.'.length)]
    : source.split('.');
}
