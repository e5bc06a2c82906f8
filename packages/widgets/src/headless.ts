/**
 * @rapport/widgets/headless: what the widgets know without Lit or the DOM, for renderers of the same
 * render plan that cannot run custom elements (a HubSpot card runs in a web worker): the widgets'
 * words in every registered language (import `@rapport/widgets/translations/zh-CN.js` for Simplified
 * Chinese), the formatting of values, and the idempotent submission of a form.
 *
 * @packageDocumentation
 */
export {stringsFor} from './shared/strings.js';
export type {Strings} from './shared/strings.js';
export {optionLabel, valueText} from './shared/value-text.js';
export {formatDate, formatMoney, formatNumber, formatRelative} from './shared/format.js';
export {ownSources} from './shared/own-sources.js';
export {Submission} from './form/submission.js';
export type {SubmissionPhase} from './form/submission.js';
