#!/usr/bin/env node
// Generates the reference parts of the docs: the customization reference in docs/customization.md
// (from the JSON Schema) and docs/theming.md (from custom-elements.json and the token map).
// `pnpm docs:generate` writes them; the docs test fails when they are out of date.
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
import {tokenProperties} from '@rapport/schema';

const require = createRequire(import.meta.url);
const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const START = '<!-- generated:reference:start -->';
const END = '<!-- generated:reference:end -->';
const NOTE =
  'Generated from the TypeScript types by `pnpm docs:generate`; edit the JSDoc in packages/schema/src/document.ts.';

const code = (text) => (text ? `\`${cell(text)}\`` : '');
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
const anchor = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function typeOf(schema) {
  if (schema.$ref) {
    const name = decodeURIComponent(schema.$ref.split('#/definitions/')[1]);
    return `[${name}](#${anchor(name)})`;
  }
  if (schema.const !== undefined) return `\`"${schema.const}"\``;
  if (schema.enum) return schema.enum.map((v) => `\`"${v}"\``).join(', ');
  if (schema.oneOf) return schema.oneOf.map(typeOf).join(' or ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `list of ${typeOf(schema.items)}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object')
    return `map of ${typeOf(schema.additionalProperties)}`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return schema.type ?? 'any';
}

function rules(schema) {
  const out = [];
  if (schema.minimum !== undefined) out.push(`at least ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`at most ${schema.maximum}`);
  if (schema.minItems !== undefined)
    out.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (schema.pattern !== undefined) out.push(`pattern \`${schema.pattern}\``);
  if (schema.default !== undefined) out.push(`default \`${JSON.stringify(schema.default)}\``);
  return out.join('; ');
}

function section(name, schema) {
  const lines = [`### ${name}`, ''];
  if (schema.description) lines.push(schema.description, '');
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    lines.push('| property | type | required | description |', '|---|---|---|---|');
    for (const [key, property] of Object.entries(schema.properties)) {
      const detail = [property.description, rules(property)].filter(Boolean).join(' ');
      lines.push(
        `| \`${key}\` | ${cell(typeOf(property))} | ${required.has(key) ? 'yes' : ''} | ${cell(detail)} |`,
      );
    }
  } else {
    lines.push(`One of: ${typeOf(schema)}${rules(schema) ? ` (${rules(schema)})` : ''}.`);
  }
  return lines.join('\n');
}

/** The customization reference, from the JSON Schema. */
export function customizationReference(schema) {
  const parts = [`_${NOTE}_`, '', section('CustomizationDocument', schema)];
  for (const [name, definition] of Object.entries(schema.definitions))
    parts.push(section(name, definition));
  return parts.join('\n\n');
}

/** docs/theming.md, from custom-elements.json and the document's token map. */
export function theming(manifest, schema) {
  const tokens = schema.definitions.ThemeTokens.properties;
  const widgets = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName && d.cssProperties?.length);
  // The properties every widget reads, with their common meaning (the one most widgets give).
  const shared = new Map();
  for (const property of widgets[0]?.cssProperties ?? []) {
    const all = widgets.map((w) => w.cssProperties.find((p) => p.name === property.name));
    if (all.some((p) => !p)) continue;
    const count = (d) => all.filter((p) => p.description === d).length;
    const common = all.map((p) => p.description).sort((a, b) => count(b) - count(a))[0];
    shared.set(property.name, {...property, description: common});
  }
  const lines = [
    '# Theming',
    '',
    '_Generated from custom-elements.json and the JSON Schema by `pnpm docs:generate`; edit the JSDoc of the components and of packages/schema/src/document.ts._',
    '',
    'Widgets are styled through **CSS custom properties** (inherited, so set them on any ancestor such as `<rapport-provider>` or',
    '`:root`) and **parts** (`rapport-customer-card::part(header) { … }`). Internal class names are private and may change.',
    '',
    '```css',
    'rapport-provider {',
    '  --rapport-color-accent: #7b2cbf;',
    '  --rapport-radius: 2px;',
    '  --rapport-font: Georgia, serif;',
    '}',
    'rapport-customer-card::part(name) {',
    '  letter-spacing: 0.02em;',
    '}',
    '```',
    '',
    '**Light and dark.** Widgets are light by default, so a visitor whose system is dark still sees cards that',
    'match a white page. `theme="dark"` on a widget, or on `<rapport-provider>` for every widget inside, makes',
    'them dark; `theme="auto"` follows the visitor\'s `prefers-color-scheme`. A widget\'s own `theme` wins over',
    "its provider's. A property with a `-dark` suffix (`--rapport-color-accent-dark`) sets the dark value.",
    '',
    '**From the customization document.** Its `theme.tokens` (and `theme.dark`) set the same properties on every widget',
    'that uses the document, through the CSSOM, so a strict Content Security Policy is fine.',
    '',
    '## Design tokens',
    '',
    'Every widget reads these (the defaults are the light ones; each `-dark` property sets the dark value).',
    '',
    '| document token | CSS custom property | default | dark default | meaning |',
    '|---|---|---|---|---|',
    ...[...shared.values()]
      .filter((p) => !p.name.endsWith('-dark'))
      .map((p) => {
        const token = Object.keys(tokenProperties).find((t) => tokenProperties[t] === p.name);
        const dark = shared.get(`${p.name}-dark`);
        return `| ${token ? `\`${token}\`` : '(CSS only)'} | \`${p.name}\` | ${code(p.default)} | ${code(dark?.default)} | ${cell(token ? tokens[token]?.description : p.description)} |`;
      }),
    '',
    'Below, each element lists the properties it reads beyond these, and what a shared one means for it.',
    '',
  ];
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const element of elements) {
    lines.push(`## \`<${element.tagName}>\``, '', element.summary ?? '', '');
    if (element.cssParts?.length) {
      lines.push(
        '| part | what it is |',
        '|---|---|',
        ...element.cssParts.map((p) => `| \`${p.name}\` | ${cell(p.description)} |`),
        '',
      );
    }
    const own = (element.cssProperties ?? []).filter(
      (p) => shared.get(p.name)?.description !== p.description,
    );
    if (own.length) {
      lines.push(
        '| CSS property | default | meaning |',
        '|---|---|---|',
        ...own.map((p) => `| \`${p.name}\` | ${code(p.default)} | ${cell(p.description)} |`),
        '',
      );
    }
    if (element.slots?.length) {
      lines.push(
        '| slot | for |',
        '|---|---|',
        ...element.slots.map(
          (s) => `| ${s.name ? `\`${s.name}\`` : '(default)'} | ${cell(s.description)} |`,
        ),
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Every generated file, as it should be on disk: formatted by Prettier, so `pnpm lint` agrees. */
export async function generated() {
  const schema = JSON.parse(
    readFileSync(require.resolve('@rapport/schema/customization.schema.json'), 'utf8'),
  );
  const manifest = JSON.parse(
    readFileSync(require.resolve('@rapport/widgets/custom-elements.json'), 'utf8'),
  );
  const customizationPath = `${docs}customization.md`;
  const current = readFileSync(customizationPath, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${customizationPath} lacks the ${START} … ${END} markers`);
  const files = [
    {
      path: customizationPath,
      content: `${current.slice(0, start + START.length)}\n\n${customizationReference(schema)}\n\n${current.slice(end)}`,
    },
    {path: `${docs}theming.md`, content: theming(manifest, schema)},
  ];
  return Promise.all(
    files.map(async ({path, content}) => ({
      path,
      content: await prettier.format(content, {
        ...(await prettier.resolveConfig(path)),
        filepath: path,
      }),
    })),
  );
}

if (process.argv.includes('--write')) {
  for (const {path, content} of await generated()) {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
