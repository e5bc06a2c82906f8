// Document content that cannot attack the page or the gateway: theme tokens that cannot fetch,
// patterns that cannot freeze, nesting that cannot exhaust the stack, and names that are never
// Object.prototype's.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  conditionHolds,
  customizationLimits,
  documentForRole,
  isSafeTokenValue,
  resolveLayout,
  tokenProperties,
  validateCustomization,
  validateValue,
  validateValues,
  type CustomizationDocument,
  type FieldDefinition,
  type LayoutElement,
  type PlanField,
  type ThemeTokens,
} from '@rapport/schema';
import {schemaFile} from '../scripts/paths.mjs';
import {COLOR_PATTERN, FONT_PATTERN, LENGTH_PATTERN, tokenKinds} from './theme.js';

const base = (): CustomizationDocument => ({
  schemaVersion: 1,
  roles: [
    {id: 'customer', label: 'Customer'},
    {id: 'agent', label: 'Agent'},
  ],
  fields: {
    email: {entity: 'customer', source: 'email', label: 'Email', type: 'email'},
    phone: {entity: 'customer', source: 'phone', label: 'Phone', type: 'phone'},
  },
  widgets: {
    'customer-card': {
      layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'email'}]},
      roles: {agent: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'phone'}]}},
    },
  },
});

const withTheme = (theme: object): unknown => ({...base(), theme});
const codes = (input: unknown) =>
  validateCustomization(input).problems.map(({pointer, code}) => ({pointer, code}));

const planField = (validation: PlanField['validation'], extra: Partial<PlanField> = {}) =>
  ({
    id: 'code',
    entity: 'customer',
    source: 'customFields.code',
    label: 'Code',
    type: 'text',
    validation,
    readOnly: false,
    mask: 'none',
    ...extra,
  }) as PlanField;

describe('theme tokens', () => {
  const fetching = [
    'url(https://attacker.test/x)',
    'URL(https://attacker.test/x)',
    'uRl(https://attacker.test/x)',
    'u\\72l(https://attacker.test/x)',
    '\\75rl(https://attacker.test/x)',
    'image-set("https://attacker.test/x" 1x)',
    '-webkit-image-set(url(https://attacker.test/x) 1x)',
    'image(https://attacker.test/x)',
    'src(https://attacker.test/x)',
    'cross-fade(url(https://attacker.test/x), red)',
    'rgb(1 2 3) url(https://attacker.test/x)',
    'red; background: url(https://attacker.test/x)',
    'var(--x, url(https://attacker.test/x))',
    'env(safe-area-inset-top)',
    'attr(data-x)',
    '"x"; }',
    'red\n',
  ];

  it('refuses every token value that could fetch or break out, in tokens and dark, with a pointer', () => {
    for (const token of Object.keys(tokenProperties)) {
      for (const value of fetching) {
        for (const scheme of ['tokens', 'dark']) {
          assert.deepEqual(
            codes(withTheme({[scheme]: {[token]: value}})),
            [{pointer: `/theme/${scheme}/${token}`, code: 'wrong-form'}],
            `${scheme}.${token}: ${value}`,
          );
          assert.equal(isSafeTokenValue(token, value), false, `${token}: ${value}`);
        }
      }
    }
  });

  it('accepts colours, lengths and font families people write', () => {
    const good: Record<keyof ThemeTokens, string[]> = {
      accent: ['#0b7285', '#FFF', '#0b728580', 'rebeccapurple', 'transparent'],
      accentText: ['rgb(255 255 255)', 'rgba(0, 0, 0, 0.5)', 'rgb(11 114 133 / 80%)'],
      text: ['hsl(200deg 50% 20%)', 'hsla(200, 50%, 20%, .9)', 'hwb(120 10% 20%)'],
      muted: ['oklch(62% 0.1 200)', 'oklab(0.6 -0.1 0.05)', 'lab(50% 40 59.5)'],
      surface: ['lch(52.2% 72.2 50 / 0.5)', 'white'],
      border: ['#d9e2ec'],
      danger: ['#b42318'],
      success: ['hsl(0.5turn 50% 50%)'],
      radius: ['8px', '0', '0.5rem', '50%', 'calc(8px + 0.25rem)'],
      spacing: ['1em', '.5rem', 'calc(2 * 4px)'],
      font: [
        'Georgia, serif',
        '"Segoe UI", -apple-system, system-ui, sans-serif',
        "'PingFang SC', 'Microsoft YaHei'",
        'Source Han Sans',
        '微软雅黑, sans-serif',
      ],
      fontSize: ['14px', '1.125rem', '100%'],
    };
    for (const [token, values] of Object.entries(good)) {
      for (const value of values) {
        assert.deepEqual(codes(withTheme({tokens: {[token]: value}})), [], `${token}: ${value}`);
        assert.equal(isSafeTokenValue(token, value), true, `${token}: ${value}`);
      }
    }
  });

  it('says what a token of each kind may be', () => {
    const [colour] = validateCustomization(withTheme({tokens: {accent: 'url(x)'}})).problems;
    const [length] = validateCustomization(withTheme({tokens: {radius: 'url(x)'}})).problems;
    const [font] = validateCustomization(withTheme({tokens: {font: 'url(x)'}})).problems;
    assert.match(colour!.message, /^must be a colour/);
    assert.match(length!.message, /^must be a length/);
    assert.match(font!.message, /^must be font families/);
  });

  it('keeps the widgets’ guard and the JSON Schema to one grammar', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const patterns = {color: COLOR_PATTERN, length: LENGTH_PATTERN, font: FONT_PATTERN};
    for (const [token, kind] of Object.entries(tokenKinds))
      assert.equal(
        schema.definitions.ThemeTokens.properties[token].pattern,
        patterns[kind],
        `${token} (src/document.ts repeats the pattern of src/theme.ts)`,
      );
    const alphabet = fc.constantFrom(
      ...'#0a9fF ,.%/()-+*"\'\\;:{}<>uUrRlLpxemdgsi'.split(''),
      'url(',
      'rgb(',
      'calc(',
      'px',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(tokenKinds)),
        fc.array(alphabet, {maxLength: 16}).map((parts) => parts.join('')),
        (token, value) => {
          const valid = validateCustomization(withTheme({tokens: {[token]: value}})).valid;
          assert.equal(isSafeTokenValue(token, value), valid, `${token}: ${JSON.stringify(value)}`);
          if (valid) assert.doesNotMatch(value, /url\(|\\|;|[{}]/i);
        },
      ),
      {numRuns: 2000},
    );
  });

  it('knows only its own tokens: constructor, __proto__ and toString are none', () => {
    for (const token of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      assert.equal(isSafeTokenValue(token, 'red'), false, token);
  });
});

describe('pattern rules', () => {
  const unsafe = [
    '(a+)+$',
    '(a*)*',
    '(a|aa)+',
    '(a|a)*',
    '^(a|b|ab)*c$',
    '(.|\\s)*',
    '(a|)+',
    '(\\w+\\s?)+$',
    '(x+x+)+y',
    '(?:[a-z0-9]+[-.]?)*[a-z0-9]+@',
    '^(a?){30}a{30}$',
    '(a)\\1',
    '(?<x>a)\\k<x>',
    '.*a.*a.*a.*',
    '\\d+\\d+\\d+',
    '(?=(a+)+$)a',
  ];
  const safe = [
    'B-\\d{4}-\\d{4}',
    '^\\d+(?:\\.\\d+)?$',
    '(?:[A-Z]{2}-)?\\d{4}',
    '\\+?[0-9 ]{5,20}',
    '\\d+-\\d+-\\d+',
    '(?:\\d{1,3}\\.){3}\\d{1,3}',
    '[\\p{L} ]+',
    '(?:\\w|-)+',
    '(?=.*\\d)(?=.*[a-z]).{8,}',
    '(?<year>\\d{4})-\\d{2}',
    '.*@.*',
    'CN|US|GB',
  ];
  const docWith = (pattern: string): CustomizationDocument => {
    const document = base();
    document.fields.code = {
      entity: 'customer',
      source: 'customFields.code',
      label: 'Code',
      type: 'text',
      validation: {pattern},
    };
    return document;
  };

  it('refuses patterns that can backtrack catastrophically, at the pattern, saying why', () => {
    for (const pattern of unsafe) {
      const {problems} = validateCustomization(docWith(pattern));
      assert.deepEqual(
        problems.map(({pointer, code}) => ({pointer, code})),
        [{pointer: '/fields/code/validation/pattern', code: 'unsafe-pattern'}],
        pattern,
      );
      assert.match(problems[0]!.message, /exponential|long time|back-reference/, pattern);
    }
  });

  it('accepts the patterns people write for codes, numbers and names', () => {
    for (const pattern of safe)
      assert.deepEqual(validateCustomization(docWith(pattern)).problems, [], pattern);
  });

  it(`refuses a pattern longer than ${customizationLimits.patternLength} characters`, () => {
    const long = 'a'.repeat(customizationLimits.patternLength + 1);
    assert.deepEqual(
      validateCustomization(docWith(long)).problems.map((p) => p.code),
      ['unsafe-pattern'],
    );
    assert.equal(validateCustomization(docWith(long.slice(1))).valid, true);
  });

  it('reads every pattern that compiles: none is refused as unreadable', () => {
    const piece = fc.constantFrom(
      ...['a', '.', '\\d', '\\D', '\\w', '\\s', '\\b', '[a-z]', '[^a]', '[\\d-]', '[-a]', '[\\]]'],
      ...['[\\b]', '\\p{L}', '\\P{Lu}', '\\u{1F600}', '\\u0041', '\\uD83D\\uDE00', '\\x41', '\\cA'],
      ...['\\0', '\\t', '\\.', '\\/', '\\-', '😀', '(', ')', '(?:', '(?=', '(?!', '(?<=', '(?<!'],
      ...[
        '(?<n>',
        '|',
        '*',
        '+',
        '?',
        '{2}',
        '{1,3}',
        '{2,}',
        '*?',
        '^',
        '$',
        '\\1',
        '\\k<n>',
        '[]',
      ],
      ...['[^]', '{', '}', ']', 'é'],
    );
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        const pattern = pieces.join('');
        try {
          new RegExp(pattern, 'u');
        } catch {
          return;
        }
        assert.doesNotMatch(
          validateCustomization(docWith(pattern))
            .problems.map((p) => p.message)
            .join(),
          /could not be checked/,
          pattern,
        );
      }),
      {numRuns: 3000},
    );
  });

  it('never runs an unsafe pattern on a value, even from a document that skipped validation', () => {
    // Run, (a+)+ would accept "aaa"; not run, it matches nothing and the value gets the pattern message.
    const field = planField({pattern: '(a+)+'}, {patternMessage: 'Letters a only.'});
    assert.equal(validateValue(field, 'aaa', 'en'), 'Letters a only.');
    // Run, this would take longer than the age of the universe.
    assert.equal(validateValue(field, `${'a'.repeat(50)}!`, 'en'), 'Letters a only.');
    assert.equal(
      validateValue(planField({pattern: '(a)\\1'}), 'aa', 'en'),
      'This value does not have the expected format.',
    );
    assert.equal(
      validateValue(planField({pattern: 'a+'}), 'aaa', 'en'),
      undefined,
      'safe patterns still run',
    );
  });

  it(`runs a pattern on values of up to ${customizationLimits.patternInput} characters only`, () => {
    const field = planField({pattern: '[a-z]+'});
    const limit = customizationLimits.patternInput;
    assert.equal(validateValue(field, 'a'.repeat(limit), 'en'), undefined);
    assert.equal(
      validateValue(field, 'a'.repeat(limit + 1), 'en'),
      `Enter at most ${limit} characters.`,
    );
    assert.equal(
      validateValue(planField({}), 'a'.repeat(limit + 1), 'en'),
      undefined,
      'no pattern, no limit',
    );
  });
});

describe('nesting', () => {
  const nest = (depth: number): LayoutElement => {
    let element: LayoutElement = {type: 'Control', field: 'email'};
    for (let i = 1; i < depth; i++) element = {type: 'VerticalLayout', elements: [element]};
    return element;
  };
  const nested = (depth: number): CustomizationDocument => ({
    ...base(),
    widgets: {'customer-card': {layout: nest(depth)}},
  });

  it('reports a document nested 10,000 deep, as text and as a value, instead of throwing', () => {
    const deep = nested(10_000);
    // As text, built by hand: JSON.stringify itself would run out of stack.
    const text = `{"schemaVersion": 1, "roles": [{"id": "agent", "label": "A"}], "fields": {}, "widgets": {"customer-card": {"layout": ${'{"type": "VerticalLayout", "elements": ['.repeat(10_000)}${']}'.repeat(10_000)}}}}`;
    for (const input of [deep, text]) {
      const {valid, problems} = validateCustomization(input);
      assert.equal(valid, false);
      assert.deepEqual(
        problems.map((p) => p.code),
        ['too-deep'],
      );
      assert.match(problems[0]!.message, /more than 100 levels deep/);
    }
    const lists = `{"schemaVersion": 1, "roles": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    assert.deepEqual(
      validateCustomization(lists).problems.map((p) => p.code),
      ['too-deep'],
    );
  });

  it(`refuses layouts nested more than ${customizationLimits.layoutDepth} levels, at the first element too deep`, () => {
    const limit = customizationLimits.layoutDepth;
    assert.equal(validateCustomization(nested(limit)).valid, true);
    const {problems} = validateCustomization(nested(limit + 1));
    assert.deepEqual(
      problems.map(({pointer, code}) => ({pointer, code})),
      [
        {
          pointer: `/widgets/customer-card/layout${'/elements/0'.repeat(limit)}`,
          code: 'too-deep',
        },
      ],
    );
  });

  it('resolves and prunes a document nested 10,000 deep without exhausting the stack', () => {
    const deep = nested(10_000);
    const plan = resolveLayout(deep, 'customer-card', {role: 'agent'});
    assert.equal(plan.root, null, 'the control is deeper than the limit: left out');
    let element: LayoutElement | undefined = documentForRole(deep, 'agent').widgets['customer-card']
      ?.layout;
    let depth = 0;
    for (; element && element.type !== 'Control'; element = element.elements[0]) depth++;
    assert.equal(depth, customizationLimits.layoutDepth, 'pruned below the limit');
    const shallow = nested(customizationLimits.layoutDepth);
    assert.deepEqual(
      resolveLayout(shallow, 'customer-card', {role: 'agent'}).fields.map((f) => f.id),
      ['email'],
    );
  });
});

describe('names that Object.prototype also has', () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('treats a role named like a prototype property as an unknown role', () => {
    const document = base();
    const unknown = resolveLayout(document, 'customer-card', {role: 'visitor'});
    for (const role of names) {
      const plan = resolveLayout(document, 'customer-card', {role});
      assert.deepEqual(plan.root, unknown.root, role);
      assert.deepEqual(
        documentForRole(document, role).widgets,
        documentForRole(document, 'visitor').widgets,
        role,
      );
    }
  });

  it('reads a field named constructor from the values given, never from Object', () => {
    assert.equal(conditionHolds({field: 'constructor', filled: true}, {}), false);
    assert.equal(conditionHolds({field: 'toString', filled: false}, {}), true);
    const document = base();
    const builder: FieldDefinition = {
      entity: 'customer',
      source: 'customFields.constructor',
      label: 'Builder',
      type: 'text',
      validation: {required: true},
    };
    document.fields = {...document.fields, constructor: builder};
    document.widgets['customer-card']!.layout = {
      type: 'VerticalLayout',
      elements: [{type: 'Control', field: 'constructor'}],
    };
    assert.equal(validateCustomization(document).valid, true);
    const plan = resolveLayout(document, 'customer-card', {role: 'customer'});
    assert.deepEqual(validateValues(plan, {}).errors, {constructor: 'This field is required.'});
  });

  it('reports, without throwing, fields and entities named like prototype properties', () => {
    const document = JSON.parse(JSON.stringify(base()));
    document.fields.email.entity = 'constructor';
    document.widgets['customer-card'].layout.elements.push({type: 'Control', field: '__proto__'});
    assert.deepEqual(codes(document), [
      {pointer: '/fields/email/entity', code: 'not-allowed-value'},
      {pointer: '/widgets/customer-card/layout/elements/0/field', code: 'wrong-entity'},
      {pointer: '/widgets/customer-card/layout/elements/1/field', code: 'unknown-field'},
    ]);
  });

  it('answers in English for a locale named like a prototype property', () => {
    for (const locale of names)
      assert.equal(
        validateValue(planField({required: true}), '', locale),
        'This field is required.',
      );
  });
});
