import {isRecord, ownValue, type FieldCatalog} from '@rapport/core';
import type {Condition, WidgetName} from './document.js';
import {pointerSegment as escape} from './json-text.js';
import {MAX_LAYOUT_DEPTH} from './limits.js';
import {unsafePatternReason} from './pattern.js';
import {closest, didYouMean, type Problem} from './problems.js';
import {isCustomSource, standardSources, widgetEntity, widgetNames} from './sources.js';

type Json = Record<string, unknown>;
const FIELD_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const CONTAINERS = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Grid']);

/**
 * The checks JSON Schema cannot express: that layouts and rules name fields that exist, that a field
 * appears once per layout and suits the widget, that roles exist, that sources exist in the model or in
 * the backend's field catalog, and that ranges and patterns make sense. Tolerates a document that
 * failed schema validation: it checks what it can read.
 */
export function referenceProblems(
  document: Json,
  catalogs: readonly FieldCatalog[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const add = (
    pointer: string,
    code: Problem['code'],
    message: string,
    suggestion?: string,
  ): void => {
    problems.push({
      pointer,
      code,
      message: message + didYouMean(suggestion),
      ...(suggestion && {suggestion}),
    });
  };

  const roleIds: string[] = [];
  (Array.isArray(document.roles) ? document.roles : []).forEach((role: unknown, i) => {
    if (!isRecord(role) || typeof role.id !== 'string') return;
    if (roleIds.includes(role.id))
      add(`/roles/${i}/id`, 'duplicate-role', `role "${role.id}" is defined twice`);
    roleIds.push(role.id);
  });
  const checkRole = (pointer: string, role: string): void => {
    if (!roleIds.includes(role))
      add(
        pointer,
        'unknown-role',
        `"${role}" is not a role of this document (roles: ${roleIds.join(', ')})`,
        closest(role, roleIds),
      );
  };
  const shown = isRecord(document.reports) ? document.reports.show : undefined;
  if (isRecord(shown)) {
    for (const [report, access] of Object.entries(shown)) {
      if (!isRecord(access) || !Array.isArray(access.roles)) continue;
      access.roles.forEach((role: unknown, i) => {
        if (typeof role === 'string') checkRole(`/reports/show/${escape(report)}/roles/${i}`, role);
      });
    }
  }

  const fields = isRecord(document.fields) ? document.fields : {};
  const fieldIds = Object.keys(fields);
  for (const [id, field] of Object.entries(fields)) {
    const at = `/fields/${escape(id)}`;
    if (!FIELD_ID.test(id))
      add(
        at,
        'wrong-form',
        'field ids must start with a letter and use only letters, digits, "_", "." and "-"',
      );
    if (!isRecord(field)) continue;
    const entity = field.entity as keyof typeof standardSources;
    const source = field.source;
    if (
      typeof source === 'string' &&
      typeof entity === 'string' &&
      Object.hasOwn(standardSources, entity)
    ) {
      const catalog = catalogs.find((c) => c.entity === entity);
      if (catalog) {
        const paths = catalog.fields.map((f) => f.path);
        if (!paths.includes(source)) {
          add(
            `${at}/source`,
            'not-in-catalog',
            `the backend has no ${entity} field "${source}"`,
            closest(source, paths),
          );
        }
      } else if (!isCustomSource(source) && !standardSources[entity].includes(source)) {
        add(
          `${at}/source`,
          'unknown-source',
          `"${source}" is not a standard ${entity} field; custom fields are written "customFields.<key>"`,
          closest(source, standardSources[entity]),
        );
      }
    }
    if (isRecord(field.access))
      for (const role of Object.keys(field.access)) checkRole(`${at}/access/${escape(role)}`, role);
    const isSelect = field.type === 'select' || field.type === 'multiselect';
    if (field.options !== undefined && !isSelect)
      add(
        `${at}/options`,
        'misplaced-options',
        'options only apply to select and multiselect fields',
      );
    if (isSelect && field.options === undefined) {
      const fromCatalog = catalogs
        .find((c) => c.entity === entity)
        ?.fields.find((f) => f.path === source)?.options;
      if (!fromCatalog)
        add(
          at,
          'missing-options',
          'a select field needs options (or a backend field catalog that lists them)',
        );
    }
    const v = isRecord(field.validation) ? field.validation : {};
    if (
      typeof v.minLength === 'number' &&
      typeof v.maxLength === 'number' &&
      v.minLength > v.maxLength
    ) {
      add(
        `${at}/validation`,
        'invalid-range',
        `minLength (${v.minLength}) is more than maxLength (${v.maxLength})`,
      );
    }
    if (typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) {
      add(`${at}/validation`, 'invalid-range', `min (${v.min}) is more than max (${v.max})`);
    }
    if (typeof v.pattern === 'string') {
      try {
        new RegExp(v.pattern, 'u');
        const unsafe = unsafePatternReason(v.pattern);
        if (unsafe) add(`${at}/validation/pattern`, 'unsafe-pattern', unsafe);
      } catch (error) {
        add(
          `${at}/validation/pattern`,
          'invalid-pattern',
          `is not a valid regular expression: ${(error as Error).message}`,
        );
      }
    }
  }

  const widgets = isRecord(document.widgets) ? document.widgets : {};
  for (const widget of widgetNames) {
    const widgetLayout = ownValue(widgets, widget);
    if (!isRecord(widgetLayout)) continue;
    const layouts: [string, unknown][] = [[`/widgets/${widget}/layout`, widgetLayout.layout]];
    if (isRecord(widgetLayout.roles)) {
      for (const [role, layout] of Object.entries(widgetLayout.roles)) {
        checkRole(`/widgets/${widget}/roles/${escape(role)}`, role);
        layouts.push([`/widgets/${widget}/roles/${escape(role)}`, layout]);
      }
    }
    for (const [pointer, layout] of layouts) checkLayout(widget, pointer, layout, new Set(), 1);
  }

  function checkLayout(
    widget: WidgetName,
    pointer: string,
    element: unknown,
    used: Set<string>,
    depth: number,
  ): void {
    if (!isRecord(element)) return;
    if (depth > MAX_LAYOUT_DEPTH) {
      add(
        pointer,
        'too-deep',
        `is nested more than ${MAX_LAYOUT_DEPTH} levels deep; layouts may nest ${MAX_LAYOUT_DEPTH} levels`,
      );
      return;
    }
    if (isRecord(element.rule) && isRecord(element.rule.condition))
      checkCondition(`${pointer}/rule/condition`, element.rule.condition as unknown as Condition);
    if (element.type === 'Control' && typeof element.field === 'string') {
      const id = element.field;
      const field = ownValue(fields, id);
      if (!isRecord(field)) {
        add(
          `${pointer}/field`,
          'unknown-field',
          `there is no field "${id}" in /fields`,
          closest(id, fieldIds),
        );
      } else if (used.has(id)) {
        add(
          `${pointer}/field`,
          'duplicate-control',
          `field "${id}" is already placed in this layout`,
        );
      } else if (field.entity !== widgetEntity[widget]) {
        add(
          `${pointer}/field`,
          'wrong-entity',
          `field "${id}" is a ${String(field.entity)} field; the ${widget} shows ${widgetEntity[widget]} fields`,
        );
      }
      used.add(id);
      return;
    }
    if (CONTAINERS.has(String(element.type)) && Array.isArray(element.elements)) {
      element.elements.forEach((child: unknown, i) =>
        checkLayout(widget, `${pointer}/elements/${i}`, child, used, depth + 1),
      );
    }
  }

  function checkCondition(pointer: string, condition: Condition): void {
    if (typeof condition.field === 'string' && !isRecord(ownValue(fields, condition.field))) {
      add(
        `${pointer}/field`,
        'unknown-field',
        `there is no field "${condition.field}" in /fields`,
        closest(condition.field, fieldIds),
      );
    }
    const tests = ['equals', 'oneOf', 'filled'].filter(
      (k) => (condition as unknown as Json)[k] !== undefined,
    );
    if (tests.length !== 1)
      add(
        pointer,
        'invalid-rule',
        `give exactly one of "equals", "oneOf" and "filled" (found ${tests.length === 0 ? 'none' : tests.join(', ')})`,
      );
  }

  return problems;
}
