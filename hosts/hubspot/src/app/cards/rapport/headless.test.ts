// A card runs in a web worker: what it imports from the widgets package must not bring Lit (which
// reaches for `document`) or any DOM code with it.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, resolve} from 'node:path';
import {expect, it} from 'vitest';

const require = createRequire(import.meta.url);
const widgets = dirname(require.resolve('@rapport/widgets/package.json'));
const exportsMap = JSON.parse(readFileSync(resolve(widgets, 'package.json'), 'utf8'))
  .exports as Record<string, {import: string}>;
/** A subpath of @rapport/widgets, as its exports map names it for `import`. */
const entry = (subpath: string) => resolve(widgets, exportsMap[subpath]!.import);

/** Every bare module the file imports, following its relative imports. */
function bareImports(file: string, seen = new Set<string>()): Set<string> {
  const bare = new Set<string>();
  if (seen.has(file)) return bare;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(
    /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'([^']+)'/g,
  )) {
    if (specifier!.startsWith('.'))
      for (const name of bareImports(resolve(dirname(file), specifier!), seen)) bare.add(name);
    else bare.add(specifier!);
  }
  for (const [, specifier] of code.matchAll(/(?:^|\n)\s*import\s*'([^']+)'/g)) bare.add(specifier!);
  return bare;
}

it('@rapport/widgets/headless, and the Chinese texts, import neither Lit nor the widgets', () => {
  for (const subpath of ['./headless', './translations/zh-CN.js']) {
    const imports = [...bareImports(entry(subpath))];
    expect(imports.length, `${subpath} was read`).toBeGreaterThan(0);
    expect(
      imports.filter((name) => /^(lit|@lit\/)/.test(name) || name === '@rapport/widgets'),
    ).toEqual([]);
    expect(
      imports.every(
        (name) => name.startsWith('@rapport/core') || name.startsWith('@rapport/schema'),
      ),
    ).toBe(true);
  }
});
