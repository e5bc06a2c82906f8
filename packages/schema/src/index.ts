/**
 * @rapport/schema: the customization document. Types, the JSON Schema generated from them (exported as
 * `@rapport/schema/customization.schema.json`), validation with friendly problems, resolution into a
 * render plan per widget, role and locale, what one role may see, masking, and value validation shared
 * by forms and servers. No `eval` and no schema compilation at run time: safe under a strict Content
 * Security Policy.
 *
 * @packageDocumentation
 */
export type {
  ColorValue,
  Condition,
  Control,
  CssValue,
  CustomizationDocument,
  FieldDefinition,
  FieldOption,
  FontFamilyValue,
  Grid,
  Group,
  HorizontalLayout,
  LayoutElement,
  LengthValue,
  MaskMode,
  ReportAccess,
  Reports,
  ReportsShown,
  Role,
  Rule,
  Theme,
  ThemeTokens,
  Validation,
  VerticalLayout,
  WidgetLayout,
  WidgetName,
  Widgets,
} from './document.js';
export {validateCustomization} from './validate.js';
export type {ValidationOptions, ValidationResult} from './validate.js';
export type {Problem, ProblemCode} from './problems.js';
export {resolveLayout, isShown, conditionHolds, shownFields} from './resolve.js';
export type {
  FieldValues,
  PlanControl,
  PlanField,
  PlanNode,
  PlanSection,
  RenderPlan,
  ResolveOptions,
} from './resolve.js';
export {documentForRole} from './access.js';
export {defaultReportRoles, minimumGroupSizeOf, reportsForRole} from './reports.js';
export {
  complaintInputDefaults,
  complaintInputPlan,
  complaintInputSources,
  withoutFields,
} from './form.js';
export {maskFor, maskValue} from './mask.js';
export {coerceValue, inputFromValues, validateValues, validateValue} from './values.js';
export type {ValuesOptions, ValuesResult} from './values.js';
export {
  readSource,
  deleteSource,
  writeSource,
  widgetEntity,
  widgetNames,
  widgetResource,
} from './sources.js';
export {
  defaultableParts,
  defaultComplaintForm,
  defaultComplaintTracker,
  defaultCustomerCard,
  defaultCustomization,
  defaultLoyaltyBalance,
  defaultRewards,
  defaultSurvey,
  extendDefault,
  missingParts,
  type DefaultablePart,
} from './default-document.js';
export {isSafeTokenValue, tokenProperties} from './theme.js';
export {customizationLimits} from './limits.js';
export {
  documentText,
  plural,
  registerBuiltInTranslation,
  registerTranslation,
  translate,
  translationChain,
  translationsVersion,
  watchTranslations,
} from './translations.js';
export type {Translation} from './translations.js';
export type {ValueIssue, ValueMessages} from './messages.js';
