import type {PlanField, PlanNode, RenderPlan} from './resolve.js';

/** The plan's tree without the fields `skip` picks, and without the containers left empty. */
export function withoutFields(
  node: PlanNode | null,
  skip: (field: PlanField) => boolean,
): PlanNode | null {
  if (node === null) return null;
  if (node.kind === 'control') return skip(node.field) ? null : node;
  const children = node.children
    .map((child) => withoutFields(child, skip))
    .filter((child): child is PlanNode => child !== null);
  return children.length === 0 ? null : {...node, children};
}

// The complaint's own fields a person may fill in; other sources (status, reference...) are the backend's.
const COMPLAINT_INPUT_SOURCES = new Set([
  'channel',
  'category',
  'severity',
  'subject',
  'description',
  'contact.name',
  'contact.email',
]);

/**
 * The complaint form's plan as a person fills it in: only the fields of a complaint's input
 * (`customFields.*` included) that are editable, and the contact fields only for an anonymous visitor.
 * The form renders it and checks it as the person types; the gateway checks a submission against the
 * same plan for the caller's role and locale, so both reach the same verdict.
 */
export function complaintInputPlan(
  plan: RenderPlan,
  options: {readonly anonymous: boolean},
): RenderPlan {
  const skip = (f: PlanField): boolean =>
    !(COMPLAINT_INPUT_SOURCES.has(f.source) || f.source.startsWith('customFields.')) ||
    f.readOnly ||
    (!options.anonymous && f.source.startsWith('contact.'));
  return {
    ...plan,
    root: withoutFields(plan.root, skip),
    fields: plan.fields.filter((f) => !skip(f)),
  };
}
