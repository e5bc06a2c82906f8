// custom-elements.json from the classes' JSDoc (Shoelace-style), then the editor files made from it:
// vscode.html-custom-data.json (VS Code) and web-types.json (JetBrains). The base class is included
// so the shared properties (client, customization, viewer-role, locale, theme) appear on every widget.
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {tokenProperties} from '@rapport/schema';
import {customElementJetBrainsPlugin} from 'custom-element-jet-brains-integration';
import {customElementVsCodePlugin} from 'custom-element-vs-code-integration';
import {repositoryUrl} from '../../scripts/workspace.mjs';

const require = createRequire(import.meta.url);
const schema = require('@rapport/schema/customization.schema.json');
/** The repository's docs on the web. */
const docs = `${repositoryUrl}/blob/main/docs`;

/**
 * Every `var(--rapport-…)` in a style source, by property, with its default as written (or none). A
 * `var()` inside another's default is part of that default (`--rapport-color-accent-dark` falls back
 * to `var(--rapport-color-accent, #5fd3c9)`), not the inner property's own default.
 */
function cssVariables(file) {
  const source = readFileSync(file, 'utf8');
  const found = new Map();
  const start = /var\(\s*(--rapport-[a-z0-9-]+)\s*([,)])/g;
  for (let match; (match = start.exec(source));) {
    if (match[2] === ')') {
      if (!found.has(match[1])) found.set(match[1], undefined);
      continue;
    }
    let depth = 1;
    let end = start.lastIndex;
    for (; end < source.length && depth > 0; end++)
      depth += source[end] === '(' ? 1 : source[end] === ')' ? -1 : 0;
    const value = source
      .slice(start.lastIndex, end - 1)
      .replace(/\s+/g, ' ')
      .trim();
    if (found.get(match[1]) === undefined) found.set(match[1], value);
    start.lastIndex = end;
  }
  return found;
}

/** The style sheets (`*.styles.ts`) a module imports, and the ones they import, as paths. */
function styleSheets(file, seen = new Set()) {
  for (const [, path] of readFileSync(file, 'utf8').matchAll(
    /from '(\.{1,2}\/[^']+\.styles\.js)'/g,
  )) {
    const sheet = join(dirname(file), path).replace(/\.js$/, '.ts');
    if (!seen.has(sheet) && existsSync(sheet)) {
      seen.add(sheet);
      styleSheets(sheet, seen);
    }
  }
  return seen;
}

/** What each property means where no JSDoc says: the document's tokens (schema), their dark values. */
const meanings = new Map(
  Object.entries(tokenProperties).map(([token, property]) => [
    property,
    schema.definitions.ThemeTokens.properties[token]?.description,
  ]),
);
const meaning = (name, documented) =>
  documented.get(name)?.description ??
  meanings.get(name) ??
  (name.endsWith('-dark') && meaning(name.slice(0, -5), documented)
    ? `Dark value of \`${name.slice(0, -5)}\` (theme="dark", or "auto" in a dark system scheme).`
    : undefined);

/** src/x/y.ts → dist/x/y.js: the manifest points at what is published and imported. */
const published = (path) => path.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');

export default {
  globs: ['src/**/*.component.ts', 'src/shared/widget.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` and names them after
      // the argument. The JSDoc @event lines are the contract: keep only those.
      name: 'documented-events-only',
      packageLinkPhase({customElementsManifest}) {
        for (const module of customElementsManifest.modules)
          for (const declaration of module.declarations ?? [])
            if (declaration.events)
              declaration.events = declaration.events.filter(
                (event) => event.name && event.description,
              );
      },
    },
    {
      // Every custom property an element's styles read, with the default they fall back to: the style
      // sheets its module imports (and theirs), and the base widget's for every widget.
      name: 'css-properties-from-styles',
      packageLinkPhase({customElementsManifest}) {
        const read = (file) =>
          new Map([...styleSheets(file)].flatMap((sheet) => [...cssVariables(sheet)]));
        const base = read('src/shared/widget.ts');
        const declarations = customElementsManifest.modules.flatMap((m) =>
          (m.declarations ?? []).map((declaration) => ({module: m, declaration})),
        );
        const widget = declarations.find((d) => d.declaration.name === 'RapportWidget');
        for (const {module, declaration} of declarations) {
          if (!declaration.tagName) continue;
          const own = [...read(module.path)].filter(([name]) => !base.has(name));
          const shared = declaration.superclass?.name === 'RapportWidget' ? [...base] : [];
          const dark = ([name]) => name.endsWith('-dark');
          const all = new Map([...own, ...shared.filter((p) => !dark(p)), ...shared.filter(dark)]);
          const listed = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
          const documented = new Map([
            ...(widget?.declaration.cssProperties ?? []).map((p) => [p.name, p]),
            ...listed,
          ]);
          declaration.cssProperties = [...all].map(([name, fallback]) => ({
            name,
            description: meaning(name, documented),
            // A private property (`var(--_accent)`) is no default to show: the description says it.
            ...(fallback !== undefined && !fallback.includes('var(--_') && {default: fallback}),
          }));
          for (const name of listed.keys())
            if (!all.has(name))
              throw new Error(
                `${declaration.tagName} documents ${name}, which its styles never read`,
              );
        }
      },
    },
    {
      // Paths of what is published (dist/*.js), and where each element is defined: its entry point.
      name: 'published-paths',
      packageLinkPhase({customElementsManifest}) {
        const rewrite = (value) => {
          if (Array.isArray(value)) value.forEach(rewrite);
          else if (value && typeof value === 'object')
            for (const [key, inner] of Object.entries(value))
              if ((key === 'path' || key === 'module') && typeof inner === 'string')
                value[key] = published(inner);
              else rewrite(inner);
        };
        const definitions = [];
        for (const module of customElementsManifest.modules)
          for (const declaration of module.declarations ?? []) {
            const entry = module.path.replace(/[^/]+$/, `${declaration.tagName}.ts`);
            if (declaration.customElement && existsSync(entry))
              definitions.push({
                kind: 'javascript-module',
                path: entry,
                declarations: [],
                exports: [
                  {
                    kind: 'custom-element-definition',
                    name: declaration.tagName,
                    declaration: {name: declaration.name, module: module.path},
                  },
                ],
              });
          }
        customElementsManifest.modules.push(...definitions);
        rewrite(customElementsManifest.modules);
      },
    },
    customElementVsCodePlugin({
      outdir: '.',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      descriptionSrc: 'summary',
      hideLogs: true,
      referencesTemplate: () => [{name: 'Documentation', url: `${docs}/widgets.md`}],
    }),
    customElementJetBrainsPlugin({
      outdir: '.',
      webTypesFileName: 'web-types.json',
      descriptionSrc: 'summary',
      hideLogs: true,
      packageJson: false,
      referenceTemplate: () => ({name: 'Documentation', url: `${docs}/widgets.md`}),
    }),
  ],
};
