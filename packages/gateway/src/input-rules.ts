import {isRecord, RapportError, type Catalogue, type Entity} from '@rapport/core';
import {
  complaintInputDefaults,
  complaintInputPlan,
  complaintInputSources,
  readSource,
  resolveLayout,
  validateValues,
  type CustomizationDocument,
  type RenderPlan,
  type WidgetName,
} from '@rapport/schema';
import type {Caller} from './auth/tokens.js';

/** The form widget whose document fields a resource's create input fills in. */
const formOf: Partial<Record<Entity, WidgetName>> = {complaint: 'complaint-form'};

/** Checks a create body against the document's form for the caller; see {@link createInputRules}. */
export type InputRules = (
  resource: string,
  body: Record<string, unknown>,
  caller: Caller,
  locale: string | undefined,
) => void;

/**
 * The document's rules for what a person submits, enforced on the server: the create body of a
 * resource that a form widget fills in (complaints, through the complaint form) is checked against
 * the plan that form shows the caller's role, in the caller's locale, with `validateValues`, the same
 * function the widget runs. Custom fields the form does not ask for are refused too.
 *
 * @throws RapportError `invalid_input` with a message per offending source path (`subject`,
 *   `customFields.order_number`), which the widget shows beside the field.
 */
export function createInputRules(
  customization: CustomizationDocument,
  catalogue: Catalogue,
): InputRules {
  const plans = new Map<string, RenderPlan>();
  const planFor = (
    widget: WidgetName,
    role: string,
    locale: string | undefined,
    anonymous: boolean,
  ) => {
    const key = JSON.stringify([widget, role, locale, anonymous]);
    let plan = plans.get(key);
    if (!plan) {
      plan = complaintInputPlan(
        resolveLayout(customization, widget, {role, ...(locale !== undefined && {locale})}),
        {anonymous},
      );
      // Locales come from request headers: keep the cache from growing with made-up ones.
      if (plans.size > 500) plans.clear();
      plans.set(key, plan);
    }
    return plan;
  };
  return (resource, body, caller, locale) => {
    const definition = Object.hasOwn(catalogue, resource) ? catalogue[resource] : undefined;
    const entity = definition?.entity;
    const widget = entity === undefined ? undefined : formOf[entity];
    if (!definition || !widget) return;
    const plan = planFor(widget, caller.role, locale, body[definition.owner] === undefined);
    const values = Object.fromEntries(plan.fields.map((f) => [f.id, readSource(body, f.source)]));
    const {errors} = validateValues(plan, values as Parameters<typeof validateValues>[1]);
    const fields: Record<string, string> = {};
    for (const field of plan.fields)
      if (Object.hasOwn(errors, field.id)) fields[field.source] = errors[field.id]!;
    // The input's own properties the form does not ask this role for (hidden, read-only, not placed):
    // only the form's defaults, and the page's channel, may come without a field.
    const asked = new Set(plan.fields.map((f) => f.source));
    for (const source of complaintInputSources) {
      const value = readSource(body, source);
      if (asked.has(source) || value === undefined || source === 'channel') continue;
      if (Object.hasOwn(complaintInputDefaults, source) && value === complaintInputDefaults[source])
        continue;
      fields[source] = `is not a field of the ${widget} for the role "${caller.role}"`;
    }
    const custom = body.customFields;
    if (isRecord(custom)) {
      for (const key of Object.keys(custom)) {
        const source = `customFields.${key}`;
        if (!plan.fields.some((f) => f.source === source))
          fields[source] = `is not a field of the ${widget} for the role "${caller.role}"`;
      }
    }
    const problems = Object.entries(fields);
    if (problems.length === 0) return;
    throw new RapportError(
      'invalid_input',
      `The ${widget} does not accept this input: ${problems.map(([path, message]) => `${path}: ${message}`).join('; ')}`,
      {fields, details: {reason: 'document_rules'}},
    );
  };
}
