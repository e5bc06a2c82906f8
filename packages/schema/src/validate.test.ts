import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {
  defaultComplaintForm,
  defaultComplaintTracker,
  defaultRewards,
  defaultSurvey,
  defaultCustomerCard,
  defaultCustomization,
  defaultLoyaltyBalance,
  resolveLayout,
  validateCustomization,
  widgetEntity,
  type Problem,
  type WidgetName,
} from '@rapport/schema';
import type {FieldCatalog} from '@rapport/core';
import {parseJson} from './json-text.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const read = (path: string): string => readFileSync(path, 'utf8');
const brief = (problems: readonly Problem[]) =>
  problems.map(({pointer, message}) => ({pointer, message}));

/** Every invalid fixture and exactly the problems it must produce, in text order. */
const expected: Record<string, {pointer: string; message: string}[]> = {
  'bad-pattern': [
    {
      pointer: '/fields/phone/validation/pattern',
      message:
        'is not a valid regular expression: Invalid regular expression: /(+44/u: Nothing to repeat',
    },
  ],
  'duplicate-control': [
    {
      pointer: '/widgets/customer-card/layout/elements/2/field',
      message: 'field "email" is already placed in this layout',
    },
  ],
  'duplicate-key': [
    {
      pointer: '/fields',
      message: 'this key appears more than once in the same object; only the last one counts',
    },
  ],
  'future-version': [
    {
      pointer: '/schemaVersion',
      message:
        'is 3, but this version of @rapport/schema reads schemaVersion 1: upgrade @rapport/schema to read this document',
    },
  ],
  'grid-columns': [
    {pointer: '/widgets/customer-card/layout/columns', message: 'must be at most 4'},
  ],
  'label-type': [
    {
      pointer: '/fields/email/label',
      message: 'must be a text, or translations by locale such as {"en": "Email", "zh-CN": "邮箱"}',
    },
  ],
  'layout-type': [
    {
      pointer: '/widgets/customer-card/layout/elements/2/type',
      message:
        'must be one of "VerticalLayout", "HorizontalLayout", "Group", "Grid", "Control"; did you mean "Group"?',
    },
  ],
  malformed: [{pointer: '', message: 'Remove the comma before "}"'}],
  'missing-roles': [
    {
      pointer: '',
      message:
        'is missing "roles": a document that gives roles or fields gives all of roles, fields and widgets (only a document with none of them, or with widgets alone, takes the others from the built-in one)',
    },
  ],
  'no-version': [
    {
      pointer: '',
      message: 'is missing "schemaVersion"; this version of @rapport/schema reads schemaVersion 1',
    },
  ],
  'not-json': [{pointer: '', message: 'Expected a value but found "#"'}],
  ranges: [
    {pointer: '/fields/email/validation', message: 'minLength (10) is more than maxLength (5)'},
  ],
  'rule-problems': [
    {
      pointer: '/widgets/customer-card/layout/elements/1/rule/condition',
      message: 'give exactly one of "equals", "oneOf" and "filled" (found equals, filled)',
    },
    {
      pointer: '/widgets/customer-card/layout/elements/1/rule/condition/field',
      message: 'there is no field "mail" in /fields; did you mean "email"?',
    },
  ],
  'select-without-options': [
    {
      pointer: '/fields/store',
      message: 'a select field needs options (or a backend field catalog that lists them)',
    },
  ],
  'theme-injection': [
    {
      pointer: '/theme/tokens/accent',
      message:
        'must be a colour: "#0b7285" (3, 4, 6 or 8 hex digits), a name such as "rebeccapurple", or rgb(), hsl(), hwb(), lab(), lch(), oklab() or oklch() with numbers inside; url() and other functions are not allowed',
    },
  ],
  'typo-property': [
    {pointer: '/fields/email', message: 'is missing the required property "label"'},
    {
      pointer: '/fields/email/lable',
      message: '"lable" is not a property here; did you mean "label"?',
    },
  ],
  'unknown-field': [
    {
      pointer: '/widgets/customer-card/layout/elements/0/field',
      message: 'there is no field "emial" in /fields; did you mean "email"?',
    },
  ],
  'unknown-role': [
    {
      pointer: '/fields/phone/access/agnet',
      message:
        '"agnet" is not a role of this document (roles: customer, agent); did you mean "agent"?',
    },
  ],
  'unknown-source': [
    {
      pointer: '/fields/email/source',
      message:
        '"emial" is not a standard customer field; custom fields are written "customFields.<key>"; did you mean "email"?',
    },
  ],
  'unknown-type': [
    {
      pointer: '/fields/email/type',
      message:
        'must be one of "boolean", "date", "datetime", "email", "longtext", "money", "multiselect", "number", "phone", "points", "select", "tags", "text", "tier", "url"; did you mean "email"?',
    },
  ],
  'unknown-widget': [
    {
      pointer: '/widgets/order-history',
      message:
        '"order-history" is not a property here (allowed: customer-card, loyalty-balance, complaint-form, rewards, complaint-tracker, survey)',
    },
  ],
  'wrong-entity': [
    {
      pointer: '/widgets/customer-card/layout/elements/2/field',
      message: 'field "points" is a loyalty field; the customer-card shows customer fields',
    },
  ],
};

describe('validateCustomization: fixtures', () => {
  it('accepts every valid fixture, the default document, and every complete example in docs/customization.md', () => {
    for (const file of readdirSync(join(fixtures, 'valid'))) {
      const result = validateCustomization(read(join(fixtures, 'valid', file)));
      assert.deepEqual(result.problems, [], file);
    }
    assert.equal(validateCustomization(defaultCustomization).valid, true);
    assert.equal(validateCustomization(JSON.stringify(defaultCustomization)).valid, true);
    const guide = read(join(import.meta.dirname, '../../../docs/customization.md'));
    const examples = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.ok(examples.length >= 6, 'the recipes are there');
    for (const example of examples)
      assert.deepEqual(brief(validateCustomization(example).problems), [], example.slice(0, 80));
  });

  it('reports exactly the expected problem, pointer and message for each invalid fixture', () => {
    const files = readdirSync(join(fixtures, 'invalid')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(
      files.sort(),
      Object.keys(expected).sort(),
      'every invalid fixture has its expectation',
    );
    for (const name of files) {
      const result = validateCustomization(read(join(fixtures, 'invalid', `${name}.json`)));
      assert.equal(result.valid, false, name);
      assert.deepEqual(brief(result.problems), expected[name], name);
      for (const problem of result.problems)
        assert.ok(
          problem.line! >= 1 && problem.column! >= 1,
          `${name}: problems from text carry a position`,
        );
    }
  });
});

describe('validateCustomization: behaviour', () => {
  it('gives the line and column of a problem in text', () => {
    const text =
      '{\n  "schemaVersion": 1,\n  "roles": [{"id": "agent", "label": "A"}],\n  "fields": {"x": {"entity": "customer", "source": "email", "label": "X", "type": "emial"}},\n  "widgets": {}\n}';
    const [problem] = validateCustomization(text).problems;
    assert.deepEqual(
      [problem!.pointer, problem!.line, problem!.column, problem!.suggestion],
      ['/fields/x/type', 4, 75, 'email'],
    );
  });

  it('reports every problem at once', () => {
    const document = JSON.parse(read(join(fixtures, 'valid/minimal.json')));
    document.fields.email.type = 'emial';
    document.fields.email.colour = 'red';
    document.widgets['customer-card'].layout.elements.push({type: 'Control', field: 'phone'});
    document.roles.push({id: 'customer', label: 'Again'});
    const codes = validateCustomization(document)
      .problems.map((p) => p.code)
      .sort();
    assert.deepEqual(codes, [
      'duplicate-role',
      'not-allowed-value',
      'unknown-field',
      'unknown-property',
    ]);
  });

  it("checks custom fields against the backend's field catalog", () => {
    const catalog: FieldCatalog = {
      entity: 'customer',
      fields: [
        {path: 'email', label: 'Email', type: 'email', custom: false},
        {
          path: 'customFields.preferred_store',
          label: 'Store',
          type: 'select',
          custom: true,
          options: [{value: 'a', label: 'A'}],
        },
      ],
    };
    const document = {
      schemaVersion: 1,
      roles: [{id: 'agent', label: 'Agent'}],
      fields: {
        store: {
          entity: 'customer',
          source: 'customFields.preferred_stor',
          label: 'Store',
          type: 'select',
        },
        known: {
          entity: 'customer',
          source: 'customFields.preferred_store',
          label: 'Store',
          type: 'select',
        },
      },
      widgets: {},
    };
    const result = validateCustomization(document, {fieldCatalogs: [catalog]});
    assert.deepEqual(brief(result.problems), [
      {
        pointer: '/fields/store/source',
        message:
          'the backend has no customer field "customFields.preferred_stor"; did you mean "customFields.preferred_store"?',
      },
      {
        pointer: '/fields/store',
        message: 'a select field needs options (or a backend field catalog that lists them)',
      },
    ]);
    assert.equal(
      validateCustomization(document).problems.length,
      2,
      'without a catalog, any custom key is accepted but options are still needed',
    );
  });

  it('refuses values that are not documents', () => {
    for (const value of [null, 42, [], 'null']) {
      assert.deepEqual(brief(validateCustomization(value).problems), [
        {pointer: '', message: 'a customization document must be a JSON object'},
      ]);
    }
  });
});

describe('parseJson', () => {
  it('reads JSON like JSON.parse and records where every value is', () => {
    const text = '{\n  "a": [1, {"b/c": true}],\n  "d": "\\u00e9"\n}';
    const parsed = parseJson(text);
    assert.deepEqual(parsed.value, JSON.parse(text));
    assert.deepEqual(parsed.positions.get('/a/1'), {line: 2, column: 12});
    assert.deepEqual(
      parsed.positions.get('/a/1/b~1c'),
      {line: 2, column: 13},
      'a member is placed at its key',
    );
    assert.deepEqual(parsed.positions.get('/d'), {line: 3, column: 3});
  });

  it('keeps "__proto__" as plain data', () => {
    const parsed = parseJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  });

  it('points at the first mistake', () => {
    const cases: [string, string, number, number][] = [
      ['{"a": 1,}', 'Remove the comma before "}"', 1, 9],
      ['{"a": 1 "b": 2}', 'Expected "," or "}" after the value of "a" but found """', 1, 9],
      ["{'a': 1}", 'Expected a property name in double quotes but found "\'"', 1, 2],
      ['{"a": // note\n1}', 'JSON does not allow comments', 1, 7],
      ['{"a": "open\n}', 'This string is not closed with a double quote', 1, 7],
      ['[1, 2', 'Expected "," or "]" in the list but found the end of the text', 1, 6],
      ['{} {}', 'Unexpected "{" after the end of the document', 1, 4],
    ];
    for (const [text, reason, line, column] of cases) {
      assert.throws(
        () => parseJson(text),
        (e: {reason: string; position: {line: number; column: number}}) => {
          assert.deepEqual(
            [e.reason, e.position.line, e.position.column],
            [reason, line, column],
            text,
          );
          return true;
        },
      );
    }
  });
});

describe('validateCustomization: a partial document extends the built-in one', () => {
  it('is made of one valid part per widget, each with only its own fields', () => {
    const parts = {
      'customer-card': defaultCustomerCard,
      'loyalty-balance': defaultLoyaltyBalance,
      'complaint-form': defaultComplaintForm,
      rewards: defaultRewards,
      'complaint-tracker': defaultComplaintTracker,
      survey: defaultSurvey,
    } as const;
    const fields = {};
    for (const [widget, part] of Object.entries(parts)) {
      assert.deepEqual(validateCustomization(part).problems, [], widget);
      assert.deepEqual(Object.keys(part.widgets), [widget]);
      const entities = new Set(Object.values(part.fields).map((f) => f.entity));
      assert.deepEqual([...entities], [widgetEntity[widget as WidgetName]], widget);
      assert.deepEqual(part.roles, defaultCustomization.roles);
      Object.assign(fields, part.fields);
    }
    assert.deepEqual(defaultCustomization.fields, fields);
    assert.deepEqual(Object.keys(defaultCustomization.widgets).sort(), Object.keys(parts).sort());
  });

  it('restyles the built-in widgets with a theme-only document', () => {
    const result = validateCustomization({schemaVersion: 1, theme: {tokens: {accent: '#0f766e'}}});
    assert.equal(result.valid, true);
    assert.equal(result.document?.theme?.tokens?.accent, '#0f766e');
    const plan = resolveLayout(result.document!, 'customer-card', {role: 'agent'});
    assert.deepEqual(
      plan.fields.map((f) => f.id),
      resolveLayout(defaultCustomization, 'customer-card', {role: 'agent'}).fields.map((f) => f.id),
    );
  });

  it('keeps the parts a document gives as its own, whole', () => {
    const widgets = {'customer-card': defaultCustomization.widgets['customer-card']!};
    const laidOut = validateCustomization({schemaVersion: 1, widgets});
    assert.deepEqual(laidOut.problems, []);
    assert.deepEqual(laidOut.document?.widgets, widgets, 'only the widgets it lays out');
    assert.deepEqual(laidOut.document?.roles, defaultCustomization.roles);
    const rolesOnly = validateCustomization({schemaVersion: 1, roles: [{id: 'admin', label: 'A'}]});
    assert.deepEqual(
      brief(rolesOnly.problems).map((p) => p.message.slice(0, 20)),
      ['is missing "fields":', 'is missing "widgets"'],
      'no role is ever added to roles it names, and nothing is reported where it wrote nothing',
    );
    const wrong = validateCustomization({schemaVersion: 1, fields: []});
    assert.equal(wrong.valid, false, 'a part of the wrong type is reported, not replaced');
  });
});
