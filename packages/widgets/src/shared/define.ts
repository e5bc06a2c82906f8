import {DEV_MODE} from '#mode';

/**
 * Registers a custom element unless its tag is taken. A page may load Rapport twice (an IIFE and an
 * npm bundle, or two versions): the first definition wins and the second never throws. In development
 * builds, a warning says so when the tag belongs to another class.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
  } else if (existing !== element && DEV_MODE) {
    console.warn(
      `<${tag}> is already defined by another copy of Rapport on this page; this copy's definition is not used.`,
    );
  }
}

/**
 * Hands a value set on an element before its class was defined to the class's accessor. Lit does this
 * for reactive properties only; a plain accessor (a deprecated alias) would stay shadowed by the
 * element's own property and never see the value.
 */
export function upgradeProperty(element: object, name: string): void {
  if (!Object.hasOwn(element, name)) return;
  const record = element as Record<string, unknown>;
  const value = record[name];
  delete record[name];
  record[name] = value;
}
