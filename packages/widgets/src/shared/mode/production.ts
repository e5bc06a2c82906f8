// The production build's half of `#mode` (package.json "imports"), the default: it does not carry the
// JSON Schema validator. Documents are validated where they are written (`npx rapport validate`, the
// playground's editor, the gateway at start-up); here a cheap guard that never throws keeps a document
// the widgets cannot use from breaking the page. The development half is development.ts.
import {isRecord, nestedBeyond} from '@rapport/core';
import {
  customizationLimits,
  defaultableParts,
  missingParts,
  type CustomizationDocument,
} from '@rapport/schema';
import type {CustomizationCheck, checkCustomization as developmentCheck} from './development.js';

/** Whether this is the development build. */
export const DEV_MODE: boolean = false;

const HINT =
  'This production build checks documents only roughly: load the development build (the "development" export condition, or rapport.dev.iife.js) or run "npx rapport validate" on the document to see every problem.';

/** Checks that a document has the shape widgets read; the details were checked where it was written. */
export const checkCustomization: typeof developmentCheck = (input) => {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return refuse('it is not JSON');
    }
  }
  if (!isRecord(data)) return refuse('it is not a JSON object');
  const document = data;
  if (document.schemaVersion !== 1) return refuse('its schemaVersion is not 1');
  if (nestedBeyond(document, customizationLimits.jsonDepth) !== undefined)
    return refuse(`it nests deeper than ${customizationLimits.jsonDepth} levels`);
  const {roles = [], fields = {}, widgets = {}} = document;
  if (!Array.isArray(roles)) return refuse('its "roles" is not a list');
  if (!isRecord(fields)) return refuse('its "fields" is not an object');
  if (!isRecord(widgets)) return refuse('its "widgets" is not an object');
  // The parts left out are taken from each widget's built-in document (shared/customization.ts).
  const missing = missingParts(document);
  if (missing.length > 0) {
    const given = defaultableParts.filter((part) => Object.hasOwn(document, part));
    return refuse(`it gives ${given.join(' and ')} but not ${missing.join(' and ')}`);
  }
  for (const [id, field] of Object.entries(fields)) {
    const {source, type, entity} = isRecord(field) ? field : {};
    if (typeof source !== 'string' || typeof type !== 'string' || typeof entity !== 'string')
      return refuse(`its field "${id}" has no source, type or entity`);
  }
  return {ok: true, document: document as unknown as CustomizationDocument};
};

function refuse(reason: string): CustomizationCheck {
  return {
    ok: false,
    problems: [{pointer: '', code: 'wrong-type', message: reason}],
    message: `The customization document cannot be used: ${reason}. ${HINT}`,
  };
}
