// In Node: every element of the manifest has a wrapper that listens to each of its events, and a JSX
// type for its raw tag with a listener for each (read by TypeScript's checker from jsx.ts), a React
// server renders the wrappers as bare tags (the browser upgrades them; React sets their properties
// when it hydrates), and every Rapport package a React app imports can be imported on its server.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {createElement} from 'react';
import {renderToString} from 'react-dom/server';
import ts from 'typescript';
import * as wrappers from '@rapport/react';
import {events} from './events.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(
  readFileSync(require.resolve('@rapport/widgets/custom-elements.json'), 'utf8'),
) as {modules: {declarations?: {tagName?: string; events?: {name: string}[]}[]}[]};
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));
const pascal = (kebab: string) =>
  kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

describe('@rapport/react', () => {
  it('wraps every element, with an on… prop for each of its events', () => {
    assert.equal(elements.length, 8);
    for (const element of elements) {
      const tag = element.tagName!;
      assert.ok(
        (wrappers as Record<string, unknown>)[pascal(tag)],
        `@rapport/react exports no ${pascal(tag)} for <${tag}>`,
      );
      const props = (events as Record<string, Record<string, string>>)[tag];
      assert.ok(props, `no events for <${tag}>`);
      assert.deepEqual(
        Object.values(props).sort(),
        (element.events ?? []).map((e) => e.name).sort(),
        `<${tag}>'s wrapper listens to exactly its events`,
      );
      for (const [prop, event] of Object.entries(props)) assert.equal(prop, `on${pascal(event)}`);
    }
  });

  it("types every raw tag for React 19 with an on… listener for each of the element's events", () => {
    const configFile = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
      },
    )!;
    const jsx = fileURLToPath(new URL('./jsx.ts', import.meta.url));
    const program = ts.createProgram([jsx], config.options);
    const checker = program.getTypeChecker();
    const declaration = program
      .getSourceFile(jsx)!
      .statements.find(
        (s): s is ts.InterfaceDeclaration =>
          ts.isInterfaceDeclaration(s) && s.name.text === 'RapportIntrinsicElements',
      )!;
    const intrinsic = checker.getTypeAtLocation(declaration);
    for (const element of elements) {
      const tag = element.tagName!;
      const property = intrinsic.getProperty(tag);
      assert.ok(property, `jsx.ts has no type for <${tag}>`);
      const listeners = checker
        .getPropertiesOfType(checker.getTypeOfSymbol(property))
        .map((p) => p.name)
        .filter((name) => name.startsWith('onrapport-'))
        .map((name) => name.slice('on'.length));
      assert.deepEqual(
        listeners.sort(),
        (element.events ?? []).map((e) => e.name).sort(),
        `<${tag}>'s JSX type listens to exactly its events`,
      );
    }
  });

  it('renders bare tags on a React server: properties and listeners are set when it hydrates', () => {
    const {RapportProvider, RapportCustomerCard, RapportComplaintForm} = wrappers;
    const html = renderToString(
      createElement(
        RapportProvider,
        {viewerRole: 'agent', locale: 'en'},
        createElement(RapportCustomerCard, {customerId: 'c-001', variant: 'compact'}),
        createElement(RapportComplaintForm, {
          customerId: 'c-001',
          onRapportComplaintSubmitted() {},
        }),
      ),
    );
    assert.equal(
      html,
      '<rapport-provider><rapport-customer-card></rapport-customer-card>' +
        '<rapport-complaint-form></rapport-complaint-form></rapport-provider>',
    );
    // The raw tags in React 19 keep what is written as attributes.
    const raw = renderToString(createElement('rapport-customer-card', {'customer-id': 'c-001'}));
    assert.equal(raw, '<rapport-customer-card customer-id="c-001"></rapport-customer-card>');
  });

  it('lets a server import every Rapport package', async () => {
    const packages = [
      '@rapport/core',
      '@rapport/core/protocol',
      '@rapport/schema',
      '@rapport/widgets',
      '@rapport/widgets/all',
      '@rapport/adapter-http',
      '@rapport/adapter-memory',
      '@rapport/react',
    ];
    for (const name of packages) {
      const module = (await import(name)) as object;
      assert.ok(Object.keys(module).length > 0, `${name} exports something`);
    }
  });
});
