// custom-elements.json and the editor files made from it (web-types.json for JetBrains,
// vscode.html-custom-data.json for VS Code) describe what @rapport/widgets publishes.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import * as widgets from '@rapport/widgets';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('@rapport/widgets/package.json'));
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface Declaration {
  name: string;
  tagName?: string;
  superclass?: {name: string};
  events?: {name: string; type?: {text: string}}[];
  cssProperties?: {name: string; default?: string; description?: string}[];
  attributes?: {name: string}[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: {kind: string; name: string; declaration: {module: string}}[];
}
const manifest: {modules: Module[]} = read('custom-elements.json');
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));
const tags = elements.map((e) => e.tagName!).sort();

describe('custom-elements.json', () => {
  it('describes the eight elements', () => {
    assert.deepEqual(tags, [
      'rapport-complaint-form',
      'rapport-complaint-tracker',
      'rapport-customer-card',
      'rapport-loyalty-balance',
      'rapport-provider',
      'rapport-report',
      'rapport-rewards',
      'rapport-survey',
    ]);
  });

  it('types every event with an Event class the package exports', () => {
    for (const element of elements)
      for (const event of element.events ?? []) {
        const type = event.type?.text;
        assert.ok(type, `${element.tagName}'s ${event.name} has no type`);
        const exported = (widgets as Record<string, unknown>)[type];
        assert.ok(
          typeof exported === 'function' && exported.prototype instanceof Event,
          `${type} (${element.tagName}'s ${event.name}) is not an Event class of @rapport/widgets`,
        );
        assert.equal((exported as unknown as {eventName: string}).eventName, event.name);
      }
  });

  it('lists every CSS property a widget reads, with a meaning, and the shared ones on every widget', () => {
    const widgetElements = elements.filter((e) => e.superclass?.name === 'RapportWidget');
    assert.equal(widgetElements.length, 7);
    const base = readFileSync(join(root, 'src/shared/base.styles.ts'), 'utf8');
    const sharedNames = [
      ...new Set([...base.matchAll(/var\((--rapport-[a-z0-9-]+)/g)].map((m) => m[1])),
    ];
    assert.ok(sharedNames.length >= 20, 'the base styles read the design tokens');
    for (const element of widgetElements) {
      const listed = new Map(element.cssProperties!.map((p) => [p.name, p]));
      for (const name of sharedNames)
        assert.ok(listed.has(name), `${element.tagName} lacks ${name}`);
      for (const property of listed.values())
        assert.ok(property.description, `${element.tagName}'s ${property.name} has no meaning`);
    }
    const card = elements.find((e) => e.tagName === 'rapport-customer-card')!;
    const accent = card.cssProperties!.find((p) => p.name === '--rapport-color-accent')!;
    assert.equal(accent.default, '#0b6e69', 'the light default, not the dark one');
    const report = elements.find((e) => e.tagName === 'rapport-report')!;
    assert.ok(report.cssProperties!.some((p) => p.name === '--rapport-chart-4'));
  });

  it('lists every custom property any source of the package reads on some element', () => {
    const listed = new Set(elements.flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));
    const sources = readdirSync(join(root, 'src'), {recursive: true, encoding: 'utf8'}).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const read = new Set(
      sources.flatMap((f) =>
        [
          ...readFileSync(join(root, 'src', f), 'utf8').matchAll(/var\((--rapport-[a-z0-9-]+)/g),
        ].map((m) => m[1]!),
      ),
    );
    assert.ok(read.size >= 20);
    assert.deepEqual(
      [...read].filter((name) => !listed.has(name)),
      [],
    );
  });

  it('points at published files, and names the module that defines each element', () => {
    for (const module of manifest.modules) {
      assert.match(module.path, /^dist\/.*\.js$/);
      assert.ok(existsSync(join(root, module.path)), `${module.path} is not built`);
    }
    const definitions = manifest.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
    );
    assert.deepEqual(definitions.sort(), tags);
    const exported = Object.values(read('package.json').exports as Record<string, unknown>)
      .map((entry) => (typeof entry === 'string' ? entry : (entry as {import?: string}).import))
      .filter(Boolean);
    for (const tag of tags)
      assert.ok(
        exported.some((path) => path!.endsWith(`/${tag}.js`)),
        `${tag}'s definition is not an export of the package`,
      );
  });
});

describe('editor metadata', () => {
  const pkg = read('package.json');

  it('web-types.json (JetBrains) is referenced from package.json and knows each element and event', () => {
    assert.equal(pkg['web-types'], './web-types.json');
    assert.ok(pkg.files.includes('web-types.json'));
    const webTypes = read('web-types.json');
    assert.equal(webTypes.name, '@rapport/widgets');
    const html = webTypes.contributions.html.elements as {
      name: string;
      attributes: {name: string}[];
      js: {events: {name: string}[]};
    }[];
    assert.deepEqual(html.map((e) => e.name).sort(), tags);
    const form = html.find((e) => e.name === 'rapport-complaint-form')!;
    assert.ok(form.js.events.some((e) => e.name === 'rapport-complaint-submitted'));
    assert.ok(form.attributes.some((a) => a.name === 'customer-id'));
  });

  it('vscode.html-custom-data.json (VS Code) is published and knows each element', () => {
    assert.ok(pkg.files.includes('vscode.html-custom-data.json'));
    assert.equal(pkg.exports['./vscode.html-custom-data.json'], './vscode.html-custom-data.json');
    const data = read('vscode.html-custom-data.json');
    const vscodeTags = data.tags as {
      name: string;
      attributes: {name: string; values?: unknown[]}[];
    }[];
    assert.deepEqual(vscodeTags.map((t) => t.name).sort(), tags);
    const card = vscodeTags.find((t) => t.name === 'rapport-customer-card')!;
    assert.ok(card.attributes.some((a) => a.name === 'variant'));
  });
});
