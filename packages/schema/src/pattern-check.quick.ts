import {PATTERN_MAX_LENGTH} from './limits.js';
import type {patternVerdict as fullVerdict} from './pattern-check.js';

/**
 * The production browser build's pattern check, a few hundred bytes instead of pattern.ts: a
 * pattern is run only when it plainly cannot backtrack badly (no backreference or lookaround, no
 * quantified group holding a quantifier or an alternative, at most one unbounded repetition and six
 * repetitions in all), and skipped otherwise: the value is then checked by the server, which carries the full check (and
 * documents are validated where they are written, so they hold no unsafe pattern).
 */
export const patternVerdict: typeof fullVerdict = (pattern) => {
  if (pattern.length > PATTERN_MAX_LENGTH || /\\[1-9k]|\(\?<?[=!]/.test(pattern)) return 'skip';
  // Character classes and escapes say nothing about backtracking: blank them out.
  const shape = pattern.replace(/\\./g, 'a').replace(/\[(?:\\.|[^\]])*\]/g, 'a');
  // A repetition of more than 10 counts as unbounded: \d{0,999} backtracks as \d* does.
  const unbounded =
    shape.match(/[*+]|\{\d+,\}|\{(\d+),(\d+)\}/g)?.filter((q) => {
      const range = /^\{(\d+),(\d+)\}$/.exec(q);
      return !range || Number(range[2]) - Number(range[1]) > 10;
    }).length ?? 0;
  const repetitions = shape.match(/[*+?]|\{\d+(,\d*)?\}/g)?.length ?? 0;
  const quantifiedGroupWithChoices = /\((?:[^()]*[*+?{|])[^()]*\)[*+?{]/.test(shape);
  return unbounded > 1 ||
    repetitions > 6 ||
    quantifiedGroupWithChoices ||
    /\)[^(]*\)[*+{]/.test(shape)
    ? 'skip'
    : 'run';
};
