import {DescriptionList, DescriptionListItem, Flex, Heading} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import {
  isShown,
  readSource,
  type FieldValues,
  type PlanField,
  type PlanNode,
} from '@rapport/schema';
import {hubspotValues, type ValueContext} from './values.js';
import {valuesOf} from './widget.js';

/**
 * A render plan's layout tree in HubSpot's components, as the Lit widgets' `renderLayout` draws it in
 * HTML: a section of fields is a description list (a row for horizontal layouts and grids), a section
 * of sections a flex box, a group its heading over its content; rules hide what they hide for the
 * current values. HubSpot has no grid, so a grid's columns become one wrapping row.
 */
export function PlanLayout(props: {
  /** The tree to draw: the plan's, or what is left of it once the widget drew its own fields. */
  readonly node: PlanNode | null;
  /** Every field of the plan, which the rules may read. */
  readonly fields: readonly PlanField[];
  /** The record the fields' values come from. */
  readonly record: unknown;
  readonly context: ValueContext;
}): ReactNode {
  const {node, record, context} = props;
  if (!node) return null;
  // A field type this renderer does not know (a newer document) shows as text.
  const value = (field: PlanField) =>
    (hubspotValues[field.type] ?? hubspotValues.text)(
      field,
      readSource(record, field.source),
      context,
    );
  return renderNode(node, valuesOf(props.fields, record), value);
}

function renderNode(
  node: PlanNode,
  values: FieldValues,
  value: (field: PlanField) => ReactNode,
  key?: number,
): ReactNode {
  if (!isShown(node, values)) return null;
  if (node.kind === 'control')
    return (
      <DescriptionList key={key} direction="column">
        <DescriptionListItem label={node.field.label}>{value(node.field)}</DescriptionListItem>
      </DescriptionList>
    );
  const children = node.children.filter((child) => isShown(child, values));
  const content = children.every((child) => child.kind === 'control') ? (
    <DescriptionList key={key} direction={node.kind === 'vertical' ? 'column' : 'row'}>
      {children.map((child) =>
        child.kind === 'control' ? (
          <DescriptionListItem key={child.field.id} label={child.field.label}>
            {value(child.field)}
          </DescriptionListItem>
        ) : null,
      )}
    </DescriptionList>
  ) : (
    <Flex key={key} direction={node.kind === 'horizontal' ? 'row' : 'column'} gap="sm" wrap="wrap">
      {children.map((child, i) => renderNode(child, values, value, i))}
    </Flex>
  );
  if (node.kind !== 'group') return content;
  return (
    <Flex key={key} direction="column" gap="xs">
      <Heading>{node.label}</Heading>
      {content}
    </Flex>
  );
}
