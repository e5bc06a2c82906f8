import {isRecord} from './fields.js';
/**
 * Checks on text that every part of Rapport must agree on (the browser form, the gateway, adapters),
 * so they live once, here.
 */

/** Length in Unicode code points, the way people count characters ("😀" is one, not two). */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Stricter checks reject real addresses.
// What it refuses is what would turn a mailto: link into more than one address: "?" starts headers
// (?bcc=…&subject=…), "%" escapes any character (%40 is another @), "&" and "#" end it, "," lists
// recipients; and a domain is labels of letters, digits and "-" (any script), nothing else.
// Made on first use (below): building a Unicode-mode expression costs a page's start-up about a
// millisecond.
let email: RegExp | undefined;

/**
 * Whether `text` looks like an e-mail address that is safe to put in a `mailto:` link as it is: one
 * plain address that no character can turn into headers (`?bcc=`, `&subject=`), escapes (`%40`) or
 * further recipients.
 */
export function isEmail(text: string): boolean {
  email ??=
    /^[^\s\p{Cc}@<>()[\]\\,;:"?%&#]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*\.[\p{L}\p{M}\p{N}-]{2,}$/u;
  return text.length <= 254 && email.test(text);
}

// E.164-like: an optional +, then digits with optional spaces, dots, dashes or brackets; 5 to 15 digits.
const PHONE = /^\+?[0-9 ().-]+$/;

/** Whether `text` looks like a phone number that is safe to put in a `tel:` link. */
export function isPhone(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15;
}

/** Whether `text` is an https: address without spaces, safe to put in a link or an image. */
export function isHttpsUrl(text: string): boolean {
  return /^https:\/\/[^\s]+$/.test(text);
}

/**
 * JSON with object keys sorted, so two values that are equal as data give the same string whatever
 * the order their keys were written in. Used to compare an idempotent request with its first try.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The path (property names and list indexes) to the first value of `value` nested more than
 * `maxDepth` levels deep (the value itself is level 1), or `undefined` when none is. Walks with a list
 * of its own rather than recursion, so depth cannot exhaust the stack, and stops at the limit, so a
 * value that refers to itself ends too.
 */
export function nestedBeyond(value: unknown, maxDepth: number): string[] | undefined {
  // Each entry links to its parent, so a path is built only for the value that is too deep.
  interface Step {
    readonly value: unknown;
    readonly depth: number;
    readonly key?: string;
    readonly parent?: Step;
  }
  if (value === null || typeof value !== 'object') return undefined;
  // Only objects and lists are pushed: a document's thousands of texts and numbers cost no step each.
  const stack: Step[] = [{value, depth: 1}];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.depth > maxDepth) {
      const path: string[] = [];
      for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent)
        path.push(at.key);
      return path.reverse();
    }
    for (const key in step.value as object) {
      if (!Object.hasOwn(step.value as object, key)) continue;
      const child = (step.value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({value: child, depth: step.depth + 1, key, parent: step});
    }
  }
  return undefined;
}
