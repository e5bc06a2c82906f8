import {ownValue, type FieldValue, type LocalizedText} from '@rapport/core';
import type {
  Condition,
  CustomizationDocument,
  FieldDefinition,
  FieldType,
  LayoutElement,
  MaskMode,
  Rule,
  Validation,
  WidgetLayout,
  WidgetName,
} from './document.js';
import {MAX_LAYOUT_DEPTH} from './limits.js';
import {maskFor} from './mask.js';
import {documentText} from './translations.js';

/** A field as a widget renders it for one role and locale: texts resolved, masking decided. */
export interface PlanField {
  /** The field's id in the document; form values are keyed by it. */
  readonly id: string;
  readonly entity: FieldDefinition['entity'];
  /** Path of the value in the record. */
  readonly source: string;
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly type: FieldType;
  readonly currency?: string;
  readonly dateStyle?: FieldDefinition['dateStyle'];
  readonly options?: readonly {readonly value: string; readonly label: string}[];
  readonly validation: Omit<Validation, 'message'>;
  /** The message shown when the pattern does not match, in the plan's locale. */
  readonly patternMessage?: string;
  readonly readOnly: boolean;
  /** How much of the value this role sees (hidden fields are not in the plan). */
  readonly mask: Exclude<MaskMode, 'hidden'>;
}

/** A container of the plan: a column, a row, a titled group or a grid. */
export interface PlanSection {
  readonly kind: 'vertical' | 'horizontal' | 'group' | 'grid';
  /** The group's heading. */
  readonly label?: string;
  /** The grid's number of columns. */
  readonly columns?: number;
  readonly rule?: Rule;
  readonly children: readonly PlanNode[];
}

/** One field at its place in the plan. */
export interface PlanControl {
  readonly kind: 'control';
  readonly field: PlanField;
  readonly rule?: Rule;
}

/** A node of the plan's tree. */
export type PlanNode = PlanSection | PlanControl;

/** What a widget renders: its layout for one role and locale, without what the role may not see. */
export interface RenderPlan {
  readonly widget: WidgetName;
  readonly role: string;
  readonly locale: string;
  /** The layout tree, or `null` when nothing is left to show. */
  readonly root: PlanNode | null;
  /** Every field of the tree, in reading order, each once. */
  readonly fields: readonly PlanField[];
}

/** Options of {@link resolveLayout}. */
export interface ResolveOptions {
  /** The role of the person looking. A role the document does not define gets each field's default mask. */
  readonly role: string;
  /** BCP 47 locale; default the document's defaultLocale. */
  readonly locale?: string;
}

const KINDS = {
  VerticalLayout: 'vertical',
  HorizontalLayout: 'horizontal',
  Group: 'group',
  Grid: 'grid',
} as const;

/**
 * Resolves a widget's layout for a role and locale into a render plan: the role's own layout if it
 * has one, labels in the locale (falling back along its chain, then to the document's default), and
 * each field's masking for the role. Fields hidden for the role, fields placed a second time, and
 * sections left empty are dropped, and so is anything nested deeper than {@link MAX_LAYOUT_DEPTH}
 * levels (which validation refuses). Pure: the same input gives the same plan.
 */
export function resolveLayout(
  document: CustomizationDocument,
  widget: WidgetName,
  options: ResolveOptions,
): RenderPlan {
  const fallback = document.defaultLocale ?? 'en';
  const locale = options.locale ?? fallback;
  const text = (value: LocalizedText | undefined): string | undefined =>
    value === undefined ? undefined : documentText(value, locale, fallback);
  const widgetLayout = Object.hasOwn(document.widgets, widget)
    ? document.widgets[widget]
    : undefined;
  const layout = layoutFor(widgetLayout, options.role);
  const fields: PlanField[] = [];
  const placed = new Set<string>();

  const field = (id: string, labelOverride?: LocalizedText): PlanField | null => {
    const definition = Object.hasOwn(document.fields, id) ? document.fields[id] : undefined;
    if (!definition || placed.has(id)) return null;
    const mask = maskFor(definition, options.role);
    if (mask === 'hidden') return null;
    placed.add(id);
    const {message, ...validation} = definition.validation ?? {};
    const plan: PlanField = {
      id,
      entity: definition.entity,
      source: definition.source,
      label: text(labelOverride ?? definition.label)!,
      type: definition.type,
      validation,
      readOnly: definition.readOnly ?? false,
      mask,
      ...(definition.help !== undefined && {help: text(definition.help)!}),
      ...(definition.placeholder !== undefined && {placeholder: text(definition.placeholder)!}),
      ...(definition.currency !== undefined && {currency: definition.currency}),
      ...(definition.dateStyle !== undefined && {dateStyle: definition.dateStyle}),
      ...(definition.options && {
        options: definition.options.map((o) => ({value: o.value, label: text(o.label)!})),
      }),
      ...(message !== undefined && {patternMessage: text(message)!}),
    };
    fields.push(plan);
    return plan;
  };

  const node = (element: LayoutElement, depth: number): PlanNode | null => {
    // Deeper than validation allows: left out, so no document can exhaust the stack.
    if (depth > MAX_LAYOUT_DEPTH) return null;
    const rule = element.rule ? {rule: element.rule} : {};
    if (element.type === 'Control') {
      const resolved = field(element.field, element.label);
      return resolved ? {kind: 'control', field: resolved, ...rule} : null;
    }
    const children = element.elements
      .map((child) => node(child, depth + 1))
      .filter((child): child is PlanNode => child !== null);
    if (children.length === 0) return null;
    return {
      kind: KINDS[element.type],
      children,
      ...rule,
      ...(element.type === 'Group' && {label: text(element.label)!}),
      ...(element.type === 'Grid' && {columns: element.columns}),
    };
  };

  return {widget, role: options.role, locale, root: layout ? node(layout, 1) : null, fields};
}

/**
 * The layout a role sees in a widget: its own, if the widget has one for it (an own key: a role named
 * "constructor" has none), else the widget's layout.
 */
export function layoutFor(
  widgetLayout: WidgetLayout | undefined,
  role: string,
): LayoutElement | undefined {
  if (!widgetLayout) return undefined;
  const roles = widgetLayout.roles;
  return (roles && Object.hasOwn(roles, role) ? roles[role] : undefined) ?? widgetLayout.layout;
}

/** Field values keyed by field id, as a form holds them. */
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>;

/** Whether a value counts as given: not absent, not blank text, not an empty list. */
export function isFilled(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether a condition holds for the current values. Numbers and their text compare equal ("3" and 3). */
export function conditionHolds(condition: Condition, values: FieldValues): boolean {
  const value = ownValue(values, condition.field);
  if (condition.filled !== undefined) return isFilled(value) === condition.filled;
  const same = (expected: string | number | boolean): boolean =>
    typeof expected === 'boolean'
      ? value === expected
      : value !== null &&
        value !== undefined &&
        !Array.isArray(value) &&
        String(value) === String(expected);
  if (condition.equals !== undefined) return same(condition.equals);
  if (condition.oneOf !== undefined) return condition.oneOf.some(same);
  return true;
}

/** Whether a plan node is shown for the current values, by its rule (a node without a rule is shown). */
export function isShown(node: {readonly rule?: Rule}, values: FieldValues): boolean {
  if (!node.rule) return true;
  const holds = conditionHolds(node.rule.condition, values);
  return node.rule.effect === 'SHOW' ? holds : !holds;
}

/** The fields of a plan that are shown for the current values: a field under a hidden section is hidden too. */
export function shownFields(plan: RenderPlan, values: FieldValues): PlanField[] {
  const shown: PlanField[] = [];
  const walk = (node: PlanNode): void => {
    if (!isShown(node, values)) return;
    if (node.kind === 'control') shown.push(node.field);
    else node.children.forEach(walk);
  };
  if (plan.root) walk(plan.root);
  return shown;
}
