import {DescriptionList, DescriptionListItem, Flex, Heading} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import {isShown, type FieldValues, type PlanField, type PlanNode} from '@rapport/schema';

/**
 * A render plan's layout tree in HubSpot's components, as the Lit widgets' `renderLayout` draws it in
 * HTML: a section of fields is a description list (a row for horizontal layouts and grids), a section
 * of sections a flex box, a group its heading over its content; rules hide what they hide for the
 * current values. HubSpot has no grid, so a grid's columns become one wrapping row.
 */
export function PlanLayout(props: {
  readonly node: PlanNode | null;
  readonly values: FieldValues;
  readonly value: (field: PlanField) => ReactNode;
}): ReactNode {
  return props.node ? renderNode(props.node, props.values, props.value) : null;
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
