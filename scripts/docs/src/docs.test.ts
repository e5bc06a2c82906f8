import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {generated} from './generate.mjs';

describe('generated docs', () => {
  it('are up to date with the types and components (run `pnpm docs` after changing them)', async () => {
    for (const {path, content} of await generated()) {
      assert.equal(readFileSync(path, 'utf8'), content, path);
    }
  });

  it('link only to documents that exist', () => {
    const docs = new URL('../../../docs/', import.meta.url);
    for (const file of [
      '../README.md',
      'getting-started.md',
      'embedding.md',
      'customization.md',
      'theming.md',
      'widgets.md',
      'adapters.md',
      'gateway.md',
      'i18n.md',
      'core.md',
      'development.md',
    ]) {
      const text = readFileSync(new URL(file, docs), 'utf8');
      for (const [, target] of text.matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)/g)) {
        assert.ok(
          existsSync(new URL(target!, new URL(file, docs))),
          `${file} links to ${target}, which does not exist`,
        );
      }
    }
  });
});
