import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  coerceValue,
  complaintInputPlan,
  defaultCustomization,
  inputFromValues,
  resolveLayout,
  validateValue,
  type CustomizationDocument,
  type PlanField,
} from '@rapport/schema';
import type {FieldType} from '@rapport/core';

const field = (type: FieldType, extra: Partial<PlanField> = {}): PlanField =>
  ({
    id: 'f',
    source: 'f',
    label: 'F',
    type,
    validation: {},
    readOnly: false,
    mask: 'none',
    ...extra,
  }) as PlanField;

describe('coerceValue', () => {
  it('turns typed numbers into numbers for number, money and points', () => {
    assert.equal(coerceValue(field('number'), '12'), 12);
    assert.equal(coerceValue(field('money'), ' 12.50 '), 12.5);
    assert.equal(coerceValue(field('points'), '-3'), -3);
    assert.equal(coerceValue(field('money'), 7), 7, 'a number stays a number');
  });

  it('splits tags on commas, trimming each and dropping empty ones', () => {
    assert.deepEqual(coerceValue(field('tags'), ' vip, tea ,, '), ['vip', 'tea']);
    assert.deepEqual(coerceValue(field('tags'), 'one'), ['one']);
    assert.equal(coerceValue(field('tags'), ' , ,'), undefined, 'only commas is no tag at all');
    assert.deepEqual(coerceValue(field('tags'), ['kept', 'as is']), ['kept', 'as is']);
  });

  it('trims text, and keeps yes/no and lists as they are', () => {
    assert.equal(coerceValue(field('text'), '  Parcel late  '), 'Parcel late');
    assert.equal(coerceValue(field('longtext'), '\nline one\nline two\n'), 'line one\nline two');
    assert.equal(coerceValue(field('email'), ' ada@example.com '), 'ada@example.com');
    assert.equal(coerceValue(field('select'), 'delivery'), 'delivery');
    assert.equal(coerceValue(field('boolean'), true), true);
    assert.equal(coerceValue(field('boolean'), false), false, 'an unticked box is an answer');
    assert.deepEqual(coerceValue(field('multiselect'), ['a', 'b']), ['a', 'b']);
  });

  it('gives undefined for what is empty: nothing to send', () => {
    for (const type of ['text', 'number', 'money', 'tags', 'date'] as const) {
      assert.equal(coerceValue(field(type), undefined), undefined, type);
      assert.equal(coerceValue(field(type), ''), undefined, type);
      assert.equal(coerceValue(field(type), '   '), undefined, `${type}: blank is empty, not 0`);
      assert.equal(coerceValue(field(type), null), undefined, type);
    }
    assert.equal(coerceValue(field('multiselect'), []), undefined);
  });

  it('gives a finite number for every numeric text validateValue accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({noNaN: true}).map(String), fc.string()), (typed) => {
        const money = field('money');
        if (validateValue(money, typed, 'en') !== undefined) return;
        const value = coerceValue(money, typed);
        assert.ok(value === undefined || Number.isFinite(value), `${typed} gave ${value}`);
      }),
    );
  });
});

describe('inputFromValues', () => {
  const plan = complaintInputPlan(
    resolveLayout(defaultCustomization, 'complaint-form', {role: 'customer', locale: 'en'}),
    {anonymous: true},
  );

  it('writes each shown field at its source path, typed, leaving empty fields out', () => {
    assert.deepEqual(
      inputFromValues(plan, {
        contactName: ' Ada ',
        contactEmail: 'ada@example.com',
        category: 'delivery',
        severity: '',
        subject: ' Parcel late ',
        description: 'Ordered two weeks ago.',
        orderNumber: 'SO-123456',
      }),
      {
        contact: {name: 'Ada', email: 'ada@example.com'},
        category: 'delivery',
        subject: 'Parcel late',
        description: 'Ordered two weeks ago.',
        customFields: {order_number: 'SO-123456'},
      },
    );
  });

  it('leaves out fields a rule hides, even when they hold a value', () => {
    const input = inputFromValues(plan, {category: 'staff', orderNumber: 'SO-123456'});
    assert.deepEqual(input, {category: 'staff'}, 'the order number is not asked for staff');
  });

  it('types custom fields by their type, and leaves out read-only ones', () => {
    const document: CustomizationDocument = structuredClone(defaultCustomization);
    document.fields.amount = {
      entity: 'complaint',
      source: 'customFields.amount',
      label: 'Amount',
      type: 'money',
    };
    document.fields.labels = {
      entity: 'complaint',
      source: 'customFields.labels',
      label: 'Labels',
      type: 'tags',
    };
    document.fields.fixed = {
      entity: 'complaint',
      source: 'customFields.fixed',
      label: 'Fixed',
      type: 'text',
      readOnly: true,
    };
    document.widgets['complaint-form'] = {
      layout: {
        type: 'VerticalLayout',
        elements: ['amount', 'labels', 'fixed'].map((id) => ({type: 'Control', field: id})),
      },
    };
    const custom = resolveLayout(document, 'complaint-form', {role: 'customer'});
    assert.deepEqual(
      inputFromValues(custom, {amount: '19.90', labels: 'late, tea', fixed: 'not mine'}),
      {customFields: {amount: 19.9, labels: ['late', 'tea']}},
    );
  });
});
