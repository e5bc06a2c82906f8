import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {generateSchema, packageDir, schemaFile} from '../scripts/schema-generator.mjs';

describe('the generated JSON Schema', () => {
  it('matches the TypeScript types (run `pnpm --filter @rapport/schema gen:schema` after changing them)', () => {
    const committed = JSON.parse(readFileSync(schemaFile, 'utf8'));
    assert.deepEqual(committed, generateSchema());
  });

  it('is shipped with an $id and descriptions from the JSDoc', () => {
    const shipped = JSON.parse(
      readFileSync(join(packageDir, 'dist/customization.schema.json'), 'utf8'),
    );
    assert.match(shipped.$id, /^https:\/\/.+customization\.schema\.json$/);
    assert.match(shipped.definitions.FieldDefinition.properties.source.description, /customFields/);
  });
});

describe('the built browser code', () => {
  const files = readdirSync(join(packageDir, 'dist')).filter(
    (f) => f.endsWith('.js') && f !== 'cli.js' && f !== 'bin.js',
  );

  it('contains no schema compiler, eval, new Function or require(): it runs under a strict CSP', () => {
    assert.ok(files.includes('standalone-validator.js'));
    for (const file of files) {
      const code = readFileSync(join(packageDir, 'dist', file), 'utf8');
      for (const forbidden of [
        /new Function\s*\(/,
        /\beval\s*\(/,
        /\brequire\s*\(/,
        /from ['"]ajv/,
      ]) {
        assert.doesNotMatch(code, forbidden, `${file} contains ${forbidden}`);
      }
    }
  });
});
