import {html, nothing, type TemplateResult} from 'lit';
import type {DirectiveResult} from 'lit/directive.js';
import {isShown, type FieldValues, type PlanField, type PlanNode} from '@rapport/schema';

let groups = 0;

/**
 * Renders a plan's layout tree: columns, rows, labelled groups and grids (CSS classes, no inline
 * styles, so a strict Content Security Policy is fine), hiding what rules hide for the current values.
 * `control` renders one field (a template, or a directive such as `guard`).
 */
export function renderLayout(
  node: PlanNode,
  values: FieldValues,
  control: (field: PlanField) => TemplateResult | DirectiveResult | typeof nothing,
): TemplateResult | DirectiveResult | typeof nothing {
  if (!isShown(node, values)) return nothing;
  if (node.kind === 'control') return control(node.field);
  const children = node.children.map((child) => renderLayout(child, values, control));
  switch (node.kind) {
    case 'horizontal':
      return html`<div class="row">${children}</div>`;
    case 'grid':
      return html`<div class="grid cols-${node.columns ?? 1}">${children}</div>`;
    case 'group': {
      const id = `group-${++groups}`;
      return html`<div class="group" role="group" aria-labelledby=${id}>
        <p class="group-label" id=${id}>${node.label}</p>
        <div class="stack">${children}</div>
      </div>`;
    }
    default:
      return html`<div class="stack">${children}</div>`;
  }
}

/** One field as a label and its value, the way the card and the loyalty balance list fields. */
export function fieldPair(field: PlanField, value: TemplateResult): TemplateResult {
  return html`<dl class="pair">
    <dt class="label" part="label">${field.label}</dt>
    <dd part="value">${value}</dd>
  </dl>`;
}
