// One suite for two renderers of the same render plan: the Lit card (Chromium,
// src/customer-card/render-parity.test.ts) and the HubSpot card (Node, hosts/hubspot). Each case is a
// document, a role and a locale; both renderers must list the card's fields with these labels, in
// this order, and the case's own checks say the document did what it says.
import {
  defaultCustomization,
  resolveLayout,
  withoutFields,
  type CustomizationDocument,
  type PlanNode,
} from '@rapport/schema';
import {ownSources} from '../src/shared/own-sources.js';

export interface ParityCase {
  readonly name: string;
  readonly customization: CustomizationDocument;
  readonly role: string;
  readonly locale: string;
  /** Labels the card must show, and labels it must not. */
  readonly shows: readonly string[];
  readonly hides: readonly string[];
}

const base = defaultCustomization;
const card = base.widgets['customer-card']!;
const membership = (
  card.layout as {elements: {type: string; elements?: unknown[]}[]}
).elements.find((e) => e.type === 'Group' && JSON.stringify(e).includes('membership'))!;

/** The built-in document with one more customer field, a custom property, in the Membership group. */
function withShoeSize(): CustomizationDocument {
  const grid = (membership.elements as {type: string; elements: unknown[]}[])[0]!;
  const group = {
    ...membership,
    elements: [{...grid, elements: [...grid.elements, {type: 'Control', field: 'shoeSize'}]}],
  };
  const layout = card.layout as {type: string; elements: unknown[]};
  return {
    ...base,
    fields: {
      ...base.fields,
      shoeSize: {
        entity: 'customer',
        source: 'customFields.shoeSize',
        label: 'Shoe size',
        type: 'number',
      },
    },
    widgets: {
      ...base.widgets,
      'customer-card': {
        ...card,
        layout: {...layout, elements: layout.elements.map((e) => (e === membership ? group : e))},
      } as typeof card,
    },
  };
}

export const parityCases: readonly ParityCase[] = [
  {
    name: 'a renamed field',
    customization: {
      ...base,
      fields: {...base.fields, phone: {...base.fields.phone!, label: 'Mobile'}},
    },
    role: 'supervisor',
    locale: 'en',
    shows: ['Mobile', 'Email'],
    hides: ['Phone'],
  },
  {
    name: 'a field hidden for the role',
    customization: base,
    role: 'agent',
    locale: 'en',
    shows: ['Phone'],
    hides: ['Birthday'],
  },
  {
    name: 'the same field for a role that sees it',
    customization: base,
    role: 'supervisor',
    locale: 'en',
    shows: ['Birthday'],
    hides: [],
  },
  {
    name: 'a custom property',
    customization: withShoeSize(),
    role: 'supervisor',
    locale: 'en',
    shows: ['Shoe size'],
    hides: [],
  },
  {
    name: 'labels in Simplified Chinese',
    customization: base,
    role: 'supervisor',
    locale: 'zh-CN',
    shows: ['电话'],
    hides: ['Phone'],
  },
];

/** The labels of the card's body fields for a case, in reading order: what both renderers list. */
export function cardLabels(parity: ParityCase): string[] {
  const plan = resolveLayout(parity.customization, 'customer-card', {
    role: parity.role,
    locale: parity.locale,
  });
  const body = withoutFields(plan.root, (f) => ownSources['customer-card'].has(f.source));
  const labels: string[] = [];
  const walk = (node: PlanNode | null): void => {
    if (!node) return;
    if (node.kind === 'control') labels.push(node.field.label);
    else node.children.forEach(walk);
  };
  walk(body);
  return labels;
}
