import {isRecord, nestedBeyond, type FieldCatalog} from '@rapport/core';
import type {CustomizationDocument} from './document.js';
import {defaultCustomization, extendDefault, missingParts} from './default-document.js';
import {JsonSyntaxError, parseJson, pointerSegment, type TextPosition} from './json-text.js';
import {MAX_JSON_DEPTH} from './limits.js';
import {schemaProblems, type Problem} from './problems.js';
import {referenceProblems} from './references.js';
import validateSchema from './generated/standalone-validator.js';

/** The document format version this library reads. */
export const SCHEMA_VERSION = 1;

/** Options of {@link validateCustomization}. */
export interface ValidationOptions {
  /**
   * The backend's field catalogs (`describeFields`), to check that custom fields exist there. Without
   * them, any `customFields.<key>` source is accepted.
   */
  readonly fieldCatalogs?: readonly FieldCatalog[];
}

/** The outcome of {@link validateCustomization}: the typed document, or every problem found. */
export type ValidationResult =
  | {readonly valid: true; readonly document: CustomizationDocument; readonly problems: readonly []}
  | {readonly valid: false; readonly document?: undefined; readonly problems: readonly Problem[]};

/**
 * Checks a customization document, given as JSON text or as a parsed value, and returns every problem
 * at once: malformed JSON (with line and column), an unknown or missing `schemaVersion`, what the JSON
 * Schema forbids (theme tokens outside their grammar among them), and what it cannot say (fields,
 * roles and sources that do not exist, fields placed twice, rules without a test, patterns that could
 * backtrack catastrophically...). A document nested deeper than `customizationLimits` allows is one
 * problem, `too-deep`, never a stack overflow. Each problem has a JSON pointer, a plain message, and a
 * suggestion when a typo is likely; with text input, also its line and column.
 *
 * A document may leave out all of `roles`, `fields` and `widgets`, or give `widgets` alone: the valid
 * result is the document extended with the built-in one's (see {@link extendDefault}).
 *
 * Runs the validator compiled ahead of time (src/generated/, from the JSON Schema): no schema
 * compilation and no `eval` at run time, so it is safe under a strict Content Security Policy.
 */
export function validateCustomization(
  input: unknown,
  options: ValidationOptions = {},
): ValidationResult {
  let data = input;
  let positions: ReadonlyMap<string, TextPosition> | undefined;
  const problems: Problem[] = [];
  if (typeof input === 'string') {
    try {
      const parsed = parseJson(input);
      data = parsed.value;
      positions = parsed.positions;
      for (const pointer of parsed.duplicateKeys) {
        problems.push({
          pointer,
          code: 'duplicate-key',
          message: 'this key appears more than once in the same object; only the last one counts',
        });
      }
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      return invalid([{pointer: '', code: error.code, message: error.reason, ...error.position}]);
    }
  }

  const version = versionProblem(data);
  if (version) return invalid(locate([version], positions));
  // Before the schema and the reference checks, which recurse: a value may be nested without bound.
  // (Text has been held to the same limit as it was parsed.)
  const deep =
    typeof input === 'string'
      ? undefined
      : nestedBeyond(data, MAX_JSON_DEPTH)
          ?.map((key) => `/${pointerSegment(key)}`)
          .join('');
  if (deep !== undefined)
    return invalid([
      {
        pointer: deep,
        code: 'too-deep',
        message: `is nested more than ${MAX_JSON_DEPTH} levels deep; a document may nest objects and lists ${MAX_JSON_DEPTH} levels`,
      },
    ]);

  // What the document may leave out comes from the built-in one (after the depth check: the default is
  // shallow); a part it may not leave out is a problem of its own.
  const missing = isRecord(data) ? missingParts(data) : [];
  data = extendDefault(data, defaultCustomization);
  for (const part of missing) {
    problems.push({
      pointer: '',
      code: 'missing-property',
      message: `is missing "${part}": a document that gives roles or fields gives all of roles, fields and widgets (only a document with none of them, or with widgets alone, takes the others from the built-in one)`,
    });
  }
  if (!validateSchema(data)) problems.push(...schemaProblems(validateSchema.errors ?? [], data));
  problems.push(...referenceProblems(data as Record<string, unknown>, options.fieldCatalogs));
  if (problems.length > 0) return invalid(locate(problems, positions));
  return {valid: true, document: data as CustomizationDocument, problems: []};
}

function versionProblem(data: unknown): Problem | undefined {
  if (!isRecord(data)) {
    return {
      pointer: '',
      code: 'wrong-type',
      message: 'a customization document must be a JSON object',
    };
  }
  const version = (data as Record<string, unknown>).schemaVersion;
  const known = `this version of @rapport/schema reads schemaVersion ${SCHEMA_VERSION}`;
  if (version === undefined) {
    return {
      pointer: '',
      code: 'schema-version',
      message: `is missing "schemaVersion"; ${known}`,
      suggestion: `"schemaVersion": ${SCHEMA_VERSION}`,
    };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return {
      pointer: '/schemaVersion',
      code: 'schema-version',
      message: `is ${version}, but ${known}: upgrade @rapport/schema to read this document`,
    };
  }
  return undefined;
}

function invalid(problems: Problem[]): ValidationResult {
  return {valid: false, problems};
}

/**
 * Adds line and column to each problem (of its pointer, or of the nearest enclosing value) and puts
 * the problems in the order of the text.
 */
function locate(
  problems: Problem[],
  positions: ReadonlyMap<string, TextPosition> | undefined,
): Problem[] {
  if (!positions) return problems;
  const located = problems.map((problem) => {
    for (let pointer = problem.pointer; ; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
      const at = positions.get(pointer);
      if (at) return {...problem, ...at};
      if (pointer === '') return problem;
    }
  });
  return located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
