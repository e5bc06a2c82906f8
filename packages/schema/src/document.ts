// The customization document: these types are the source of truth. The JSON Schema in
// src/generated/customization.schema.json, and the validator beside it, are generated from them
// (pnpm --filter @rapport/schema gen:schema), so every JSDoc line here becomes a description editors
// show, and the annotations become rules.

import type {Entity, FieldType, LocalizedText} from '@rapport/core';

export type {Entity, FieldType, LocalizedText};

/**
 * How much of a value a role sees: none (all of it), partial (the end only, such as ****1234),
 * full (a fixed mask that hides even the length) or hidden (the field is left out).
 */
export type MaskMode = 'none' | 'partial' | 'full' | 'hidden';

/** The widgets a document lays out. */
export type WidgetName =
  | 'customer-card'
  | 'loyalty-balance'
  | 'complaint-form'
  | 'rewards'
  | 'complaint-tracker'
  | 'survey';

/** A Rapport customization document: how fields are named, shown, arranged and protected, per widget and role. */
export interface CustomizationDocument {
  /** Where editors find this schema, for autocompletion. */
  $schema?: string;
  /**
   * Version of the document format. This library reads version 1.
   * @TJS-type integer
   * @minimum 1
   */
  schemaVersion: number;
  /**
   * Locale of the texts to fall back to when a translation is missing.
   * @default "en"
   * @pattern ^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$
   */
  defaultLocale?: string;
  /**
   * The roles that see widgets, each with its own visibility and masking. A document that leaves out
   * roles, fields and widgets (a theme-only one), or gives widgets alone, takes the others from the
   * built-in document; one that gives roles or fields gives all three.
   * @minItems 1
   */
  roles: Role[];
  /** The fields, keyed by a stable id that layouts and rules refer to (see `roles` for leaving them out). */
  fields: {[fieldId: string]: FieldDefinition};
  /**
   * One layout per widget. A widget without one is not customized by this document. Given alone,
   * the layouts use the built-in roles and fields.
   */
  widgets: Widgets;
  /** Design tokens that restyle every widget. */
  theme?: Theme;
  /**
   * Which roles see which reports, what the reports are called, and how small a group they may show.
   * Without it, supervisors see every report, agents the complaint and satisfaction reports, and
   * customers none.
   */
  reports?: Reports;
}

/** The reports of `<rapport-report>`: who sees them and what they are called. */
export interface Reports {
  /**
   * The fewest customers a figure may stand for: a cell that counts fewer is shown as "fewer than"
   * this, so a report cannot single a person out.
   * @TJS-type integer
   * @minimum 2
   * @maximum 1000
   * @default 5
   */
  minimumGroupSize?: number;
  /**
   * The reports shown, by name, each with the roles that see it; a report left out is shown to no
   * role. Without it, the default above applies.
   */
  show?: ReportsShown;
}

/** The reports, by name (see docs/reports.md for what each shows). */
export interface ReportsShown {
  /** RFM segment mix of the customers who bought in the range, with their revenue share. */
  customerSegments?: ReportAccess;
  /** Customers by life-cycle stage. */
  customerLifecycle?: ReportAccess;
  /** Complaints received, by category. */
  complaintsByCategory?: ReportAccess;
  /** Complaints received, by status. */
  complaintsByStatus?: ReportAccess;
  /** SLA breach rate per week, median reply and resolution times, reopened share. */
  complaintSla?: ReportAccess;
  /** CSAT and NPS per month. */
  satisfaction?: ReportAccess;
  /** Loyalty members per tier and the points the programme owes. */
  loyaltyTiers?: ReportAccess;
  /** Points issued, redeemed and expired per month. */
  loyaltyPoints?: ReportAccess;
  /** The sales pipeline by stage, with its weighted value. */
  salesPipeline?: ReportAccess;
}

/** Who sees one report, and its title. */
export interface ReportAccess {
  /** Ids of the roles that see it. */
  roles: string[];
  /** The report's title as the business calls it; default the built-in title. */
  label?: LocalizedText;
}

/** A kind of person looking at a widget. */
export interface Role {
  /**
   * Stable id, used in access rules and layouts.
   * @pattern ^[a-z][a-z0-9_-]*$
   */
  id: string;
  /** Name shown in tools. */
  label: LocalizedText;
}

/** A field: where its value comes from, what it is called, how it is checked and who sees it. */
export interface FieldDefinition {
  /** The record the value belongs to. */
  entity: Entity;
  /**
   * The value's path in the record: a standard field (email, name.given, lifecycleStage) or one of the
   * business's own fields as customFields.<key>.
   * @pattern ^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*$
   */
  source: string;
  /** The field's name as the business calls it. */
  label: LocalizedText;
  /** A hint shown under the field. */
  help?: LocalizedText;
  /** Example text shown in an empty input. */
  placeholder?: LocalizedText;
  /** The kind of value. */
  type: FieldType;
  /**
   * For money fields: the ISO 4217 currency.
   * @pattern ^[A-Z]{3}$
   */
  currency?: string;
  /** For date and datetime fields: how they are written. */
  dateStyle?: 'short' | 'medium' | 'long' | 'relative';
  /**
   * The choices of a select or multiselect field.
   * @minItems 1
   */
  options?: FieldOption[];
  /** Rules an entered value must meet. */
  validation?: Validation;
  /** Whether the field is shown but cannot be edited. */
  readOnly?: boolean;
  /** Masking for every role not listed in access. Default none. */
  mask?: MaskMode;
  /** Masking per role id; hidden leaves the field out for that role. */
  access?: {[roleId: string]: MaskMode};
}

/** One choice of a select field. */
export interface FieldOption {
  /** The value stored. */
  value: string;
  /** The text shown. */
  label: LocalizedText;
}

/** Rules for what a person enters. */
export interface Validation {
  /** A value must be given. */
  required?: boolean;
  /**
   * Fewest characters.
   * @TJS-type integer
   * @minimum 0
   */
  minLength?: number;
  /**
   * Most characters.
   * @TJS-type integer
   * @minimum 1
   */
  maxLength?: number;
  /** A regular expression (JavaScript syntax, Unicode mode) the whole value must match. */
  pattern?: string;
  /** Smallest number. */
  min?: number;
  /** Largest number. */
  max?: number;
  /** The message shown when the pattern does not match. */
  message?: LocalizedText;
}

/** The layouts of the widgets. */
export interface Widgets {
  'customer-card'?: WidgetLayout;
  'loyalty-balance'?: WidgetLayout;
  'complaint-form'?: WidgetLayout;
  rewards?: WidgetLayout;
  'complaint-tracker'?: WidgetLayout;
  survey?: WidgetLayout;
}

/** How one widget arranges its fields, with optional layouts for particular roles. */
export interface WidgetLayout {
  /** The layout every role sees, unless it has its own. */
  layout: LayoutElement;
  /** Layouts for particular roles, by role id. */
  roles?: {[roleId: string]: LayoutElement};
}

/** A piece of a layout, in the vocabulary of JSON Forms. */
export type LayoutElement = VerticalLayout | HorizontalLayout | Group | Grid | Control;

/** Elements one under the other. */
export interface VerticalLayout {
  type: 'VerticalLayout';
  elements: LayoutElement[];
  rule?: Rule;
}

/** Elements side by side. */
export interface HorizontalLayout {
  type: 'HorizontalLayout';
  elements: LayoutElement[];
  rule?: Rule;
}

/** Elements under a heading. */
export interface Group {
  type: 'Group';
  /** The heading. */
  label: LocalizedText;
  elements: LayoutElement[];
  rule?: Rule;
}

/** Elements in a grid of columns, filled row by row. */
export interface Grid {
  type: 'Grid';
  /**
   * Number of columns.
   * @TJS-type integer
   * @minimum 1
   * @maximum 4
   */
  columns: number;
  elements: LayoutElement[];
  rule?: Rule;
}

/** One field. */
export interface Control {
  type: 'Control';
  /** The id of a field in fields. */
  field: string;
  /** A label for this place only, replacing the field's label. */
  label?: LocalizedText;
  rule?: Rule;
}

/** Shows or hides an element depending on the value of another field. */
export interface Rule {
  effect: 'SHOW' | 'HIDE';
  condition: Condition;
}

/** A test on one field's value. Give exactly one of equals, oneOf and filled. */
export interface Condition {
  /** The id of the field tested. */
  field: string;
  /** True when the value is exactly this. */
  equals?: string | number | boolean;
  /**
   * True when the value is one of these.
   * @minItems 1
   */
  oneOf?: (string | number)[];
  /** True when the field has a value (or, with false, when it is empty). */
  filled?: boolean;
}

/** Design tokens for light and, optionally, dark colour schemes. */
export interface Theme {
  /** Tokens for every scheme. */
  tokens?: ThemeTokens;
  /** Tokens that replace those above when the page or the widget is dark. */
  dark?: ThemeTokens;
}

/**
 * A colour for a design token: "#0b7285" (3, 4, 6 or 8 hex digits), a name such as "rebeccapurple",
 * or rgb(), rgba(), hsl(), hsla(), hwb(), lab(), lch(), oklab() or oklch() (in lowercase) with numbers,
 * "%", "deg", "none", spaces, commas and "/" inside. Nothing else, so a token cannot fetch anything.
 * @pattern ^(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[A-Za-z]{1,40}|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\((?:[0-9 .,%/+-]|deg|g?rad|turn|none){1,100}\))$
 */
export type ColorValue = string;

/**
 * A length for a design token: "0", or a number with a unit (px, rem, em, ex, ch, %, vh, vw, vmin,
 * vmax, pt, in lowercase) such as "8px" or "0.5rem", or calc() of those such as "calc(8px + 0.5rem)".
 * @pattern ^(?:0|[+-]?(?:[0-9]{1,10}(?:\.[0-9]{1,10})?|\.[0-9]{1,10})(?:px|r?em|ex|ch|%|v(?:h|w|min|max)|pt)|calc\((?:[0-9 .+/*-]|px|r?em|ex|ch|%|v(?:h|w|min|max)|pt){1,100}\))$
 */
export type LengthValue = string;

/**
 * Font families for a design token, separated by commas: names of letters, digits, "_" and "-"
 * (words separated by one space), or names in quotes, such as "\"Segoe UI\", Georgia, serif". No
 * backslashes, parentheses, semicolons or braces.
 * @pattern ^(?:-?[\p{L}_][\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+)*|"[^"'\\;{}<>()\p{Cc}]{1,100}"|'[^"'\\;{}<>()\p{Cc}]{1,100}')(?: *, *(?:-?[\p{L}_][\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+)*|"[^"'\\;{}<>()\p{Cc}]{1,100}"|'[^"'\\;{}<>()\p{Cc}]{1,100}'))*$
 */
export type FontFamilyValue = string;

/**
 * Any design token's value.
 * @deprecated Each token has its own grammar now: {@link ColorValue}, {@link LengthValue} or
 * {@link FontFamilyValue}.
 */
export type CssValue = ColorValue | LengthValue | FontFamilyValue;

/** Design tokens; each becomes a --rapport-* custom property of the widgets. */
export interface ThemeTokens {
  /** Colour of buttons, links, focus rings and progress. */
  accent?: ColorValue;
  /** Text colour on the accent colour. */
  accentText?: ColorValue;
  /** Main text colour. */
  text?: ColorValue;
  /** Colour of secondary text such as labels and hints. */
  muted?: ColorValue;
  /** Background of the widgets. */
  surface?: ColorValue;
  /** Colour of borders and dividers. */
  border?: ColorValue;
  /** Colour of errors. */
  danger?: ColorValue;
  /** Colour of confirmations. */
  success?: ColorValue;
  /** Corner radius, such as 8px. */
  radius?: LengthValue;
  /** Base spacing unit, such as 8px. */
  spacing?: LengthValue;
  /** Font family. */
  font?: FontFamilyValue;
  /** Base font size, such as 14px. */
  fontSize?: LengthValue;
}
