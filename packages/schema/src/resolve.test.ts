import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import '@rapport/schema/translations/zh-CN.js';
import fc from 'fast-check';
import {
  defaultCustomization,
  maskFor,
  maskValue,
  readSource,
  resolveLayout,
  shownFields,
  validateValue,
  validateValues,
  writeSource,
  type CustomizationDocument,
  type LayoutElement,
  type MaskMode,
  type PlanNode,
} from '@rapport/schema';

// What a fully masked value shows, whatever its length.
const FULL_MASK = '••••••';
const ids = (nodes: readonly {id: string}[]) => nodes.map((f) => f.id);

describe('resolveLayout', () => {
  it('resolves labels, masking and structure for a role and locale', () => {
    const plan = resolveLayout(defaultCustomization, 'customer-card', {
      role: 'agent',
      locale: 'zh-CN',
    });
    assert.deepEqual(ids(plan.fields), [
      'name',
      'company',
      'avatar',
      'stage',
      'segment',
      'tags',
      'email',
      'phone',
      'membership',
      'store',
      'since',
    ]);
    const phone = plan.fields.find((f) => f.id === 'phone')!;
    assert.equal(phone.label, '电话');
    assert.equal(phone.mask, 'partial');
    const contact = (plan.root as {readonly children: readonly PlanNode[]}).children.find(
      (n) => n.kind === 'group',
    )!;
    assert.deepEqual([contact.kind, (contact as {label: string}).label], ['group', '联系方式']);
  });

  it('leaves out what a role may not see: the customer sees no internal labels, the agent no birthday', () => {
    assert.deepEqual(
      ids(resolveLayout(defaultCustomization, 'customer-card', {role: 'customer'}).fields),
      ['name', 'company', 'avatar', 'email', 'phone', 'membership', 'store', 'birthday', 'since'],
    );
    assert.ok(
      !ids(resolveLayout(defaultCustomization, 'customer-card', {role: 'agent'}).fields).includes(
        'birthday',
      ),
    );
    assert.ok(
      ids(
        resolveLayout(defaultCustomization, 'customer-card', {role: 'supervisor'}).fields,
      ).includes('birthday'),
    );
  });

  it("uses a role's own layout, and drops sections left empty", () => {
    const document: CustomizationDocument = {
      ...defaultCustomization,
      widgets: {
        'customer-card': {
          layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'email'}]},
          roles: {
            agent: {
              type: 'VerticalLayout',
              elements: [
                {type: 'Group', label: 'Private', elements: [{type: 'Control', field: 'birthday'}]},
                {type: 'Control', field: 'phone', label: {en: 'Mobile'}},
              ],
            },
          },
        },
      },
    };
    const agent = resolveLayout(document, 'customer-card', {role: 'agent'});
    assert.deepEqual(agent.root, {
      kind: 'vertical',
      children: [{kind: 'control', field: agent.fields[0]}],
    });
    assert.equal(agent.fields[0]!.label, 'Mobile');
    assert.deepEqual(ids(resolveLayout(document, 'customer-card', {role: 'supervisor'}).fields), [
      'email',
    ]);
  });

  it('gives an empty plan for a widget the document does not lay out', () => {
    const plan = resolveLayout({...defaultCustomization, widgets: {}}, 'loyalty-balance', {
      role: 'customer',
    });
    assert.deepEqual([plan.root, plan.fields], [null, []]);
  });

  // A random document: fields with random masks per role and labels in random locales, and a layout
  // that places random fields (sometimes twice) in random containers.
  const roles = ['customer', 'agent', 'supervisor'];
  const masks: MaskMode[] = ['none', 'partial', 'full', 'hidden'];
  const documentArb = fc
    .record({
      fields: fc.dictionary(
        fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        fc.record({
          mask: fc.option(fc.constantFrom(...masks), {nil: undefined}),
          access: fc.dictionary(fc.constantFrom(...roles), fc.constantFrom(...masks)),
          label: fc.dictionary(
            fc.constantFrom('en', 'zh', 'zh-TW', 'fr'),
            fc.string({minLength: 1, maxLength: 5}),
            {minKeys: 1},
          ),
        }),
        {minKeys: 1},
      ),
      layout: fc.letrec<{element: LayoutElement}>((tie) => ({
        element: fc.oneof(
          {depthSize: 'small', withCrossShrink: true},
          fc
            .constantFrom('a', 'b', 'c', 'd', 'e', 'f')
            .map((field): LayoutElement => ({type: 'Control', field})),
          fc.record({
            type: fc.constantFrom('VerticalLayout' as const, 'HorizontalLayout' as const),
            elements: fc.array(tie('element'), {maxLength: 4}),
          }),
          fc.record({
            type: fc.constant('Grid' as const),
            columns: fc.integer({min: 1, max: 4}),
            elements: fc.array(tie('element'), {maxLength: 4}),
          }),
        ),
      })).element,
    })
    .map(({fields, layout}): CustomizationDocument => ({
      schemaVersion: 1,
      defaultLocale: 'en',
      roles: roles.map((id) => ({id, label: id})),
      fields: Object.fromEntries(
        Object.entries(fields).map(([id, f]) => [
          id,
          {
            entity: 'customer',
            source: 'email',
            label: f.label,
            type: 'text',
            access: f.access,
            ...(f.mask && {mask: f.mask}),
          },
        ]),
      ),
      widgets: {'customer-card': {layout}},
    }));

  it("never puts a field hidden for a role in that role's plan, and places a field at most once (property)", () => {
    fc.assert(
      fc.property(documentArb, fc.constantFrom(...roles), (document, role) => {
        const plan = resolveLayout(document, 'customer-card', {role});
        const placed: string[] = [];
        const walk = (node: PlanNode): void =>
          node.kind === 'control' ? void placed.push(node.field.id) : node.children.forEach(walk);
        if (plan.root) walk(plan.root);
        assert.deepEqual(placed, ids(plan.fields), 'the flat list is the tree in reading order');
        assert.equal(new Set(placed).size, placed.length, 'no field twice');
        for (const field of plan.fields) {
          const mask = maskFor(document.fields[field.id]!, role);
          assert.notEqual(mask, 'hidden');
          assert.equal(field.mask, mask);
        }
      }),
      {numRuns: 300},
    );
  });

  it('falls back along the locale chain, then to the default locale (property)', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const plan = resolveLayout(document, 'customer-card', {
          role: 'supervisor',
          locale: 'zh-TW',
        });
        for (const field of plan.fields) {
          const label = document.fields[field.id]!.label as Record<string, string>;
          const expected = label['zh-TW'] ?? label.zh ?? label.en ?? Object.values(label)[0];
          assert.equal(field.label, expected);
        }
      }),
      {numRuns: 300},
    );
  });
});

describe('maskValue', () => {
  it('masks by mode', () => {
    assert.equal(maskValue('+44 7700 900123', 'none'), '+44 7700 900123');
    assert.equal(maskValue('+44 7700 900123', 'partial'), '****0123');
    assert.equal(maskValue('mei.chen@example.com', 'partial'), 'm***@example.com');
    assert.equal(maskValue('LC12345678', 'full'), FULL_MASK);
    assert.equal(maskValue('abc', 'partial'), '****');
    assert.equal(maskValue('secret', 'hidden'), undefined);
    assert.deepEqual(maskValue(['vip', 'wholesale'], 'full'), [FULL_MASK, FULL_MASK]);
    assert.equal(maskValue(null, 'full'), null);
    assert.equal(maskValue(12345678, 'partial'), '****5678');
    assert.equal(
      maskValue('王小明的电话号码', 'partial'),
      '****电话号码',
      'counts characters, not UTF-16 units',
    );
  });

  it('never reveals more than the last four characters, nor the length under a full mask (property)', () => {
    fc.assert(
      fc.property(fc.string({minLength: 1}), (value) => {
        const partial = maskValue(value, 'partial') as string;
        if (!value.includes('@'))
          assert.ok(partial.startsWith('****') && Array.from(partial).length <= 8);
        assert.equal(maskValue(value, 'full'), FULL_MASK);
      }),
    );
  });
});

describe('validateValues', () => {
  const plan = resolveLayout(defaultCustomization, 'complaint-form', {
    role: 'customer',
    locale: 'en',
  });

  it('checks required fields, lengths, types and patterns, with localized messages', () => {
    const result = validateValues(plan, {
      contactName: 'Ada',
      contactEmail: 'ada@',
      category: 'delivery',
      subject: '',
      description: 'Too short',
      orderNumber: 'SO-12',
    });
    assert.deepEqual(result.errors, {
      contactEmail: 'Enter an email address, such as name@example.com.',
      subject: 'This field is required.',
      description: 'Enter at least 10 characters.',
      severity: 'This field is required.',
      orderNumber: 'Order numbers look like SO-123456.',
    } as Record<string, string>);
    assert.equal(result.valid, false);
    const zh = validateValues(
      resolveLayout(defaultCustomization, 'complaint-form', {role: 'customer', locale: 'zh-CN'}),
      {subject: ''},
      {only: ['subject']},
    );
    assert.deepEqual(zh.errors, {subject: '此项为必填项。'});
  });

  it('skips fields hidden by a rule and counts characters, not UTF-16 units', () => {
    const values = {
      contactName: 'A',
      contactEmail: 'a@example.com',
      category: 'staff',
      severity: 'low',
      subject: 'Rude',
      description: '😀'.repeat(10),
      orderNumber: 'nonsense',
    };
    assert.deepEqual(
      validateValues(plan, values).errors,
      {},
      'the order number is not shown for staff complaints',
    );
    assert.ok(!shownFields(plan, values).some((f) => f.id === 'orderNumber'));
    assert.deepEqual(validateValues(plan, {...values, category: 'delivery'}).errors, {
      orderNumber: 'Order numbers look like SO-123456.',
    });
  });

  it('refuses a value that is not one of the options', () => {
    assert.equal(
      validateValues(plan, {severity: 'apocalyptic'}, {only: ['severity']}).errors.severity,
      'Choose one of the options.',
    );
  });

  it('gives the same verdict for one field with validateValue, as a form checks a field the person leaves', () => {
    const email = plan.fields.find((f) => f.id === 'contactEmail')!;
    assert.equal(
      validateValue(email, 'ada@', 'zh-CN'),
      '请输入有效的邮箱地址，例如 name@example.com。',
    );
    assert.equal(validateValue(email, ' ada@example.com ', 'en'), undefined);
    assert.equal(validateValue(email, undefined, 'en'), 'This field is required.');
  });
});

describe('readSource and writeSource', () => {
  it('read and write model paths without touching prototypes', () => {
    const record: Record<string, unknown> = {};
    writeSource(record, 'contact.email', 'a@example.com');
    writeSource(record, 'customFields.order.number', 'SO-1');
    writeSource(record, '__proto__.polluted', 'yes');
    assert.deepEqual(readSource(record, 'contact.email'), 'a@example.com');
    assert.equal((record.customFields as Record<string, unknown>)['order.number'], 'SO-1');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(readSource({}, 'constructor'), undefined);
    assert.equal(readSource({name: {given: 'Mei'}}, 'name.given'), 'Mei');
  });
});

describe('widgetResource', () => {
  it("names, for each widget, the catalogue's resource of the widget's entity", async () => {
    const {catalogue, resourceOfEntity} = await import('@rapport/core');
    const {widgetEntity, widgetNames, widgetResource} = await import('@rapport/schema');
    for (const widget of widgetNames)
      assert.equal(
        widgetResource[widget],
        resourceOfEntity(widgetEntity[widget], catalogue),
        widget,
      );
  });
});
