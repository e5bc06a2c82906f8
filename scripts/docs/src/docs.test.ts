import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';
import {describe, it} from 'node:test';
import {generated} from './generate.mjs';
import {anchors, markdownFiles} from './markdown.mjs';
import {repositoryUrl, root} from '../../workspace.mjs';

describe('generated docs', () => {
  it('are up to date with the types and components (run `pnpm docs:generate` after changing them)', async () => {
    for (const {path, content} of await generated()) {
      assert.equal(readFileSync(path, 'utf8'), content, path);
    }
  });
});

describe('links in the docs', () => {
  const files = markdownFiles();
  const links = files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => ({file, target: m[1]!}));
  });

  it('are found in the README, the guides and every README of a package, example or host', () => {
    assert.ok(files.length > 30, `${files.length} files`);
    assert.ok(links.length > 200, `${links.length} links`);
  });

  it('reach files and headings that exist, in this repository or on its web pages', () => {
    const broken: string[] = [];
    for (const {file, target} of links) {
      if (/^(mailto:|https?:\/\/(?!github\.com\/rapport-crm\/rapport\b))/.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      // A link to the repository on the web names a file of this checkout: blob/main/docs/x.md.
      const local = target.startsWith(repositoryUrl)
        ? path.slice(repositoryUrl.length).replace(/^\/(blob|tree)\/main\/?/, '')
        : path === ''
          ? file
          : normalize(join(dirname(file), path));
      if (!existsSync(join(root, local))) {
        broken.push(`${file}: ${target} (no ${local})`);
        continue;
      }
      if (anchor && local.endsWith('.md') && !anchors(local).has(anchor))
        broken.push(`${file}: ${target} (no heading #${anchor} in ${local})`);
    }
    assert.deepEqual(broken, []);
  });

  it('work on the npm page: package READMEs link to the repository, never relatively', () => {
    const relativeLinks = links.filter(
      ({file, target}) => file.startsWith('packages/') && !/^(https?:|mailto:|#)/.test(target),
    );
    assert.deepEqual(
      relativeLinks.map(({file, target}) => `${file}: ${target}`),
      [],
      `use ${repositoryUrl}/blob/main/… instead`,
    );
  });

  it('name the npm registry and CDN only where they say "once published"', () => {
    const unmarked: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const registry =
          /\bunpkg\.com\/@rapport|cdn\.jsdelivr\.net\/npm\/@rapport|^\s*npm (install|i) (?:-\S+ )*@rapport\//.test(
            line,
          );
        if (registry && !/once published/i.test(`${lines[i - 1] ?? ''} ${line}`))
          unmarked.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(unmarked, []);
  });

  it("know a heading's anchor as GitHub writes it", () => {
    const guide = anchors('docs/getting-started.md');
    assert.ok(guide.has('install-from-a-clone'));
    assert.ok(!guide.has('Install from a clone') && !guide.has('no-such-heading'));
    assert.ok(
      anchors('docs/theming.md').has('rapport-customer-card'),
      '## `<rapport-customer-card>`',
    );
  });
});
