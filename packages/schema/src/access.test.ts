import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  defaultCustomization,
  documentForRole,
  maskFor,
  resolveLayout,
  shownFields,
  validateCustomization,
  type Condition,
  type CustomizationDocument,
  type FieldDefinition,
  type LayoutElement,
  type MaskMode,
  type WidgetName,
} from '@rapport/schema';

/** Every field a layout places and every field its rules test. */
function named(element: LayoutElement | undefined): {controls: string[]; tested: string[]} {
  const controls: string[] = [];
  const tested: string[] = [];
  const walk = (e: LayoutElement): void => {
    if (e.rule) tested.push(e.rule.condition.field);
    if (e.type === 'Control') controls.push(e.field);
    else e.elements.forEach(walk);
  };
  if (element) walk(element);
  return {controls, tested};
}

const text = (id: string): FieldDefinition => ({
  entity: 'customer',
  source: 'email',
  label: id,
  type: 'text',
});

describe('maskFor', () => {
  const field: FieldDefinition = {...text('phone'), mask: 'full', access: {agent: 'partial'}};

  it("takes the role's access entry, else the field's mask, else none", () => {
    assert.equal(maskFor(field, 'agent'), 'partial');
    assert.equal(maskFor(field, 'customer'), 'full');
    assert.equal(maskFor(text('email'), 'agent'), 'none');
  });

  it('reads only the access entries the document has, not inherited properties', () => {
    assert.equal(maskFor(field, 'toString'), 'full');
    assert.equal(maskFor({...text('email'), access: {}}, '__proto__'), 'none');
  });
});

describe('documentForRole', () => {
  it('leaves out a field hidden for the role, with its place in the layout, and keeps only that role', () => {
    const agent = documentForRole(defaultCustomization, 'agent');
    assert.equal(defaultCustomization.fields.birthday?.access?.agent, 'hidden');
    assert.ok(!('birthday' in agent.fields), 'the hidden field is gone');
    assert.ok(!named(agent.widgets['customer-card']?.layout).controls.includes('birthday'));
    assert.deepEqual(
      agent.roles.map((r) => r.id),
      ['agent'],
    );
    const {access: _access, ...phone} = defaultCustomization.fields.phone!;
    assert.deepEqual(
      agent.fields.phone,
      {...phone, mask: 'partial'},
      "a field keeps the role's mask as its only masking, and nothing about other roles",
    );
    assert.equal(agent.fields.email?.mask, 'none');
    assert.equal(validateCustomization(agent).valid, true);
  });

  it('decides the rules that test a hidden field as the widget would without its value', () => {
    const customization: CustomizationDocument = {
      schemaVersion: 1,
      roles: [
        {id: 'agent', label: 'Agent'},
        {id: 'customer', label: 'Customer'},
      ],
      fields: {
        vip: {...text('vip'), access: {customer: 'hidden'}},
        shownWithVip: text('shownWithVip'),
        hiddenWithVip: text('hiddenWithVip'),
        plain: text('plain'),
      },
      widgets: {
        'customer-card': {
          layout: {
            type: 'VerticalLayout',
            elements: [
              {type: 'Control', field: 'vip'},
              {
                type: 'Control',
                field: 'shownWithVip',
                rule: {effect: 'SHOW', condition: {field: 'vip', filled: true}},
              },
              {
                type: 'Group',
                label: 'More',
                rule: {effect: 'HIDE', condition: {field: 'vip', filled: true}},
                elements: [{type: 'Control', field: 'plain'}],
              },
              {
                type: 'Control',
                field: 'hiddenWithVip',
                rule: {effect: 'SHOW', condition: {field: 'plain', filled: true}},
              },
            ],
          },
          roles: {agent: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'vip'}]}},
        },
      },
    };
    const customer = documentForRole(customization, 'customer');
    assert.deepEqual(customer.widgets['customer-card'], {
      layout: {
        type: 'VerticalLayout',
        elements: [
          {type: 'Group', label: 'More', elements: [{type: 'Control', field: 'plain'}]},
          {
            type: 'Control',
            field: 'hiddenWithVip',
            rule: {effect: 'SHOW', condition: {field: 'plain', filled: true}},
          },
        ],
      },
    });
    assert.deepEqual(Object.keys(customer.fields), ['shownWithVip', 'hiddenWithVip', 'plain']);
    assert.equal(validateCustomization(customer).valid, true);

    const agent = documentForRole(customization, 'agent');
    assert.deepEqual(
      agent.widgets['customer-card'],
      {layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'vip'}]}},
      "the role's own layout becomes the only layout",
    );
    assert.equal(validateCustomization(agent).valid, true);
  });

  it('gives a role the document does not define only the default masks, under that role alone', () => {
    const guest = documentForRole(defaultCustomization, 'guest');
    assert.deepEqual(guest.roles, [{id: 'guest', label: 'guest'}]);
    assert.ok('birthday' in guest.fields && 'stage' in guest.fields);
    assert.equal(validateCustomization(guest).valid, true);
  });

  it('never leaves a hidden field, nor a layout or rule naming one; stays valid; shows the same as the full document (property)', () => {
    const roles = ['customer', 'agent', 'supervisor'];
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const masks: MaskMode[] = ['none', 'partial', 'full', 'hidden'];
    const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({field: fc.constantFrom(...ids), filled: fc.boolean()}),
      fc.record({field: fc.constantFrom(...ids), equals: fc.constantFrom('x', 'y')}),
      fc.record({
        field: fc.constantFrom(...ids),
        oneOf: fc.uniqueArray(fc.constantFrom('x', 'y'), {minLength: 1}),
      }),
    );
    const ruleArb = fc.option(
      fc.record({
        effect: fc.constantFrom('SHOW' as const, 'HIDE' as const),
        condition: conditionArb,
      }),
      {nil: undefined},
    );
    const withRule = <T extends LayoutElement>(element: T, rule: LayoutElement['rule']): T =>
      rule ? {...element, rule} : element;
    const layoutArb = fc.letrec<{element: LayoutElement}>((tie) => ({
      element: fc.oneof(
        {depthSize: 'small', withCrossShrink: true},
        fc
          .tuple(fc.constantFrom(...ids), ruleArb)
          .map(([field, rule]) => withRule({type: 'Control', field}, rule)),
        fc
          .tuple(fc.array(tie('element'), {maxLength: 4}), ruleArb)
          .map(([elements, rule]) => withRule({type: 'VerticalLayout', elements}, rule)),
        fc
          .tuple(fc.array(tie('element'), {maxLength: 4}), ruleArb)
          .map(([elements, rule]) => withRule({type: 'Group', label: 'G', elements}, rule)),
      ),
    })).element;
    // A valid layout places a field once: keep each field's first place only.
    const once = (root: LayoutElement): LayoutElement => {
      const placed = new Set<string>();
      const walk = (e: LayoutElement): LayoutElement | null => {
        if (e.type !== 'Control')
          return {...e, elements: e.elements.map(walk).filter((c) => c !== null)};
        if (placed.has(e.field)) return null;
        placed.add(e.field);
        return e;
      };
      return walk(root) ?? {type: 'VerticalLayout', elements: []};
    };
    const documentArb = fc
      .record({
        masking: fc.array(
          fc.record({
            mask: fc.option(fc.constantFrom(...masks), {nil: undefined}),
            access: fc.dictionary(fc.constantFrom(...roles), fc.constantFrom(...masks)),
          }),
          {minLength: ids.length, maxLength: ids.length},
        ),
        layout: layoutArb.map(once),
        agentLayout: fc.option(layoutArb.map(once), {nil: undefined}),
      })
      .map(({masking, layout, agentLayout}): CustomizationDocument => ({
        schemaVersion: 1,
        roles: roles.map((id) => ({id, label: id})),
        fields: Object.fromEntries(
          ids.map((id, i) => [
            id,
            {
              ...text(id),
              access: masking[i]!.access,
              ...(masking[i]!.mask && {mask: masking[i]!.mask}),
            },
          ]),
        ),
        widgets: {
          'customer-card': {layout, ...(agentLayout && {roles: {agent: agentLayout}})},
        },
      }));
    const valuesArb = fc.dictionary(fc.constantFrom(...ids), fc.constantFrom('', 'x', 'y'));
    const widget: WidgetName = 'customer-card';

    fc.assert(
      fc.property(
        documentArb,
        fc.constantFrom(...roles, 'guest'),
        valuesArb,
        (customization, role, values) => {
          assert.ok(validateCustomization(customization).valid, 'the generated document is valid');
          const forRole = documentForRole(customization, role);
          const result = validateCustomization(forRole);
          assert.deepEqual(result.problems, [], 'the result is still a valid document');
          for (const [id, field] of Object.entries(forRole.fields)) {
            assert.notEqual(maskFor(customization.fields[id]!, role), 'hidden');
            assert.deepEqual(
              [field.access, field.mask],
              [undefined, maskFor(customization.fields[id]!, role)],
            );
          }
          for (const [id, field] of Object.entries(customization.fields))
            if (maskFor(field, role) === 'hidden') assert.ok(!(id in forRole.fields), id);
          const {controls, tested} = named(forRole.widgets[widget]?.layout);
          for (const id of [...controls, ...tested]) assert.ok(id in forRole.fields, id);
          assert.equal(forRole.widgets[widget]?.roles, undefined);

          // The browser never has a hidden field's value, so its widget sees the same either way.
          const visible = Object.fromEntries(
            Object.entries(values).filter(([id]) => id in forRole.fields),
          );
          assert.deepEqual(
            shownFields(resolveLayout(forRole, widget, {role}), visible),
            shownFields(resolveLayout(customization, widget, {role}), visible),
          );
        },
      ),
      {numRuns: 300},
    );
  });
});
