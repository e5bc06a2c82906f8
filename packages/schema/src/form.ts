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

/**
 * The source paths of a complaint's input that a person may fill in (besides `customFields.*`); other
 * sources (status, reference...) are the backend's.
 */
export const complaintInputSources: readonly string[] = [
  'channel',
  'category',
  'severity',
  'subject',
  'description',
  'contact.name',
  'contact.email',
];
const COMPLAINT_INPUT_SOURCES = new Set(complaintInputSources);

/**
 * What the complaint form sends for the input properties its plan does not ask for: a document without
 * a severity field still files complaints, as `medium`. The gateway accepts these values, and only
 * these, for properties the caller's form does not show.
 */
export const complaintInputDefaults: Readonly<Record<string, string>> = {
  category: 'other',
  severity: 'medium',
};

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
