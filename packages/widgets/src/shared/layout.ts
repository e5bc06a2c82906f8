import {html, nothing, type TemplateResult} from 'lit';
import type {DirectiveResult} from 'lit/directive.js';
import {
  isShown,
  readSource,
  withoutFields,
  type FieldValues,
  type PlanField,
  type PlanNode,
  type PlanSection,
  type RenderPlan,
} from '@rapport/schema';
import type {Shown} from './value.js';

type Rendered = TemplateResult | DirectiveResult | typeof nothing;
type Control = (field: PlanField) => Rendered;

let groups = 0;

/**
 * Renders a plan's layout tree: columns, rows, labelled groups and grids (CSS classes, no inline
 * styles, so a strict Content Security Policy is fine), hiding what rules hide for the current values.
 * `control` renders one field (a template, or a directive such as `guard`). Each section is one
 * element: a group holding only a grid is that grid.
 */
export function renderLayout(node: PlanNode, values: FieldValues, control: Control): Rendered {
  if (!isShown(node, values)) return nothing;
  if (node.kind === 'control') return control(node.field);
  if (node.kind !== 'group')
    return html`<div class=${sectionClass(node)}>${renderChildren(node, values, control)}</div>`;
  const inner = gridOf(node);
  return renderGroup(node, inner ? sectionClass(inner) : 'stack', inner ?? node, values, control);
}

/** A titled group: its own box of class `className`, or none inside a merged section (`merged`). */
function renderGroup(
  group: PlanSection,
  className: string,
  inner: PlanSection,
  values: FieldValues,
  control: Control,
): Rendered {
  const id = `group-${++groups}`;
  return html`<div class="group ${className}" role="group" aria-labelledby=${id}><p class="group-label" id=${id}>${group.label}</p>${renderChildren(inner, values, control)}</div>`;
}

/**
 * The children of a section, without the section's own element: for a widget whose container
 * (`sectionClass(node)`) already is that section, such as a card's body holding a vertical layout.
 */
export function renderChildren(
  node: PlanSection,
  values: FieldValues,
  control: Control,
): Rendered[] {
  const children: Rendered[] = [];
  const merged = mergedColumns(node) !== undefined;
  for (const child of node.children)
    children.push(
      // Each group of a merged section adds no box: its heading and fields are the grid's items.
      merged && isShown(child, values)
        ? renderGroup(child as PlanSection, 'merged', gridOf(child)!, values, control)
        : renderLayout(child, values, control),
    );
  return children;
}

/** The CSS classes of a section's element. */
export function sectionClass(node: PlanSection): string {
  switch (node.kind) {
    case 'horizontal':
      return 'row';
    case 'grid':
      return `grid cols-${node.columns ?? 1}`;
    default: {
      const columns = mergedColumns(node);
      return columns === undefined ? 'stack' : `grid cols-${columns}`;
    }
  }
}

/**
 * The usual "Contact: a grid of fields": a group holding only a grid (without a rule of its own) needs
 * no element between the group and its fields. That grid, else `undefined`.
 */
function gridOf(node: PlanNode): PlanSection | undefined {
  if (node.kind !== 'group' || node.children.length !== 1) return undefined;
  const only = node.children[0]!;
  return only.kind === 'grid' && !only.rule ? only : undefined;
}

/**
 * The columns of the one grid a column of such groups is drawn as, when every group's grid has the
 * same number ("Contact" and "Membership", two columns each): the headings span the grid's rows and
 * the groups are `display: contents`, so the fields of all groups are laid out as one grid, with
 * fewer boxes, in the same picture. `undefined` for any other section.
 */
function mergedColumns(node: PlanSection): number | undefined {
  if (node.kind !== 'vertical' || node.children.length < 2) return undefined;
  let columns: number | undefined;
  for (const child of node.children) {
    const grid = gridOf(child);
    const own = grid?.columns ?? 1;
    if (!grid || (columns !== undefined && own !== columns)) return undefined;
    columns = own;
  }
  return columns;
}

/** One field as a label and its value, the way the card and the loyalty balance list fields. */
export function fieldPair(field: PlanField, value: Shown): TemplateResult {
  return html`<dl class="pair"><dt part="label">${field.label}</dt><dd part="value">${value}</dd></dl>`;
}

const noValues: FieldValues = Object.freeze({});
const ruled = new WeakMap<RenderPlan, boolean>();
const trimmed = new WeakMap<RenderPlan, Map<string, PlanNode | null>>();
const bySource = new WeakMap<RenderPlan, ReadonlyMap<string, PlanField>>();

/**
 * The values rules read, by field id, from a record. Most plans have no rules: then this is one shared
 * empty object and nothing is read.
 */
export function ruleValues(plan: RenderPlan, record: unknown): FieldValues {
  let hasRules = ruled.get(plan);
  if (hasRules === undefined) {
    const walk = (node: PlanNode): boolean =>
      node.rule !== undefined || (node.kind !== 'control' && node.children.some(walk));
    hasRules = plan.root !== null && walk(plan.root);
    ruled.set(plan, hasRules);
  }
  if (!hasRules) return noValues;
  const values: Record<string, ReturnType<typeof readSource>> = {};
  for (const field of plan.fields) values[field.id] = readSource(record, field.source);
  return values;
}

/**
 * The plan's tree without the fields a widget shows in places of its own (`own` sources), computed
 * once per plan and `key` (name the set of sources).
 */
export function layoutWithout(
  plan: RenderPlan,
  key: string,
  own: ReadonlySet<string>,
): PlanNode | null {
  let byKey = trimmed.get(plan);
  if (!byKey) trimmed.set(plan, (byKey = new Map()));
  let root = byKey.get(key);
  if (root === undefined) {
    root = withoutFields(plan.root, (f) => own.has(f.source));
    byKey.set(key, root);
  }
  return root;
}

/** The plan's fields by source path, computed once per plan. */
export function fieldsBySource(plan: RenderPlan): ReadonlyMap<string, PlanField> {
  let map = bySource.get(plan);
  if (!map) bySource.set(plan, (map = new Map(plan.fields.map((f) => [f.source, f]))));
  return map;
}
