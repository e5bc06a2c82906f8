/**
 * @rapport/schema: the customization document. Types, the JSON Schema generated from them (exported as
 * `@rapport/schema/customization.schema.json`), validation with friendly problems, resolution into a
 * render plan per widget, role and locale, masking, and value validation shared by forms and servers.
 * No `eval` and no schema compilation at run time: safe under a strict Content Security Policy.
 *
 * @packageDocumentation
 */
export type * from './document.js';
export {validateCustomization, SCHEMA_VERSION} from './validate.js';
export type {ValidationOptions, ValidationResult} from './validate.js';
export {problemCodes} from './problems.js';
export type {Problem, ProblemCode} from './problems.js';
export {parseJson, JsonSyntaxError} from './json-text.js';
export type {ParsedJson, TextPosition} from './json-text.js';
export {resolveLayout, isShown, isFilled, conditionHolds, shownFields} from './resolve.js';
export type {
  FieldValues,
  PlanControl,
  PlanField,
  PlanNode,
  PlanSection,
  RenderPlan,
  ResolveOptions,
} from './resolve.js';
export {maskValue, FULL_MASK} from './mask.js';
export {validateValues, checkValue} from './values.js';
export type {ValuesOptions, ValuesResult} from './values.js';
export {valueMessage, messageLocales} from './messages.js';
export type {ValueIssue} from './messages.js';
export {
  readSource,
  deleteSource,
  writeSource,
  isCustomSource,
  standardSources,
  widgetEntity,
  widgetNames,
} from './sources.js';
export {defaultCustomization} from './default-document.js';
export {tokenProperties} from './theme.js';
