import {unsafePatternReason} from './pattern.js';

/**
 * What a value check does with a document's `validation.pattern`: `run` it, or `refuse` every value
 * because the pattern could backtrack catastrophically (validation reports such a pattern as
 * `unsafe-pattern`, so a validated document has none).
 *
 * This is the full check (pattern.ts), used in Node and in development builds. A production browser
 * build gets pattern-check.quick.ts instead, through the `#pattern-check` import of package.json.
 */
export function patternVerdict(pattern: string): 'run' | 'refuse' | 'skip' {
  return unsafePatternReason(pattern) === undefined ? 'run' : 'refuse';
}
