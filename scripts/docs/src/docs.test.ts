import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {generated} from './generate.mjs';

describe('generated docs', () => {
  it('are up to date with the types and components (run `pnpm docs:generate` after changing them)', async () => {
    for (const {path, content} of await generated()) {
      assert.equal(readFileSync(path, 'utf8'), content, path);
    }
  });

  it('link only to documents that exist', () => {
    const root = new URL('../../../', import.meta.url);
    const markdown = (folder: string, names: string[]) =>
      names.filter((n) => n.endsWith('.md')).map((n) => new URL(`${folder}${n}`, root));
    const files = [
      new URL('README.md', root),
      ...markdown('docs/', readdirSync(new URL('docs/', root))),
      ...readdirSync(new URL('packages/', root)).flatMap((name) =>
        markdown(`packages/${name}/`, readdirSync(new URL(`packages/${name}/`, root))),
      ),
    ];
    assert.ok(files.length > 15, 'the README, the guides and the package READMEs are checked');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)/g)) {
        assert.ok(
          existsSync(new URL(target!, file)),
          `${file.pathname} links to ${target}, which does not exist`,
        );
      }
    }
  });
});
