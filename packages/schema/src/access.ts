import type {CustomizationDocument, LayoutElement} from './document.js';
import {MAX_LAYOUT_DEPTH} from './limits.js';
import {maskFor} from './mask.js';
import {reportsForRole} from './reports.js';
import {conditionHolds, layoutFor} from './resolve.js';
import {widgetNames} from './sources.js';

/**
 * The customization as one role may see it, for sending to that role's browser: fields hidden for the
 * role left out, with their places in layouts and the rules that test them (decided as the widget would
 * decide them without the value); every other field with the role's mask as its only `mask`; other
 * roles and their layouts removed, the role's own layout (if any) becoming the widget's layout. The
 * result is still a valid document.
 */
export function documentForRole(
  customization: CustomizationDocument,
  role: string,
): CustomizationDocument {
  const fields = Object.fromEntries(
    Object.entries(customization.fields)
      .filter(([, field]) => maskFor(field, role) !== 'hidden')
      .map(([id, field]) => {
        const {access: _access, mask: _mask, ...rest} = field;
        return [id, {...rest, mask: maskFor(field, role)}];
      }),
  );
  const prune = (element: LayoutElement, depth: number): LayoutElement | null => {
    // Deeper than validation allows: left out, as resolveLayout does, so the stack cannot run out.
    if (depth > MAX_LAYOUT_DEPTH) return null;
    let rule = element.rule;
    if (rule && !Object.hasOwn(fields, rule.condition.field)) {
      // The role cannot see the tested field: decide the rule now, as the widget would without a value.
      const shown = conditionHolds(rule.condition, {}) === (rule.effect === 'SHOW');
      if (!shown) return null;
      rule = undefined;
    }
    const base = {...element};
    delete base.rule;
    const withRule = rule ? {...base, rule} : base;
    if (withRule.type === 'Control') return Object.hasOwn(fields, withRule.field) ? withRule : null;
    return {
      ...withRule,
      elements: withRule.elements
        .map((child) => prune(child, depth + 1))
        .filter((e): e is LayoutElement => e !== null),
    };
  };
  const widgets: CustomizationDocument['widgets'] = {};
  for (const name of widgetNames) {
    if (!Object.hasOwn(customization.widgets, name)) continue;
    const own = layoutFor(customization.widgets[name], role);
    const layout = own ? prune(own, 1) : null;
    if (layout) widgets[name] = {layout};
  }
  const roles = customization.roles.filter((r) => r.id === role);
  // The reports the role sees, and only them, so its widgets know which to offer.
  const reports = {
    ...(customization.reports?.minimumGroupSize !== undefined && {
      minimumGroupSize: customization.reports.minimumGroupSize,
    }),
    show: Object.fromEntries(
      reportsForRole(customization, role).map(({name, label}) => [
        name,
        {roles: [role], ...(label !== undefined && {label})},
      ]),
    ),
  };
  return {
    ...customization,
    roles: roles.length > 0 ? roles : [{id: role, label: role}],
    fields,
    widgets,
    reports,
  };
}
