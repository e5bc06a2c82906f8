import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {packageDir, schemaFile, validatorFile, validatorTypesFile} from '../scripts/paths.mjs';
import {generateSchema} from '../scripts/schema-generator.mjs';
import {generateValidator} from '../scripts/validator-generator.mjs';

const regenerate = 'run `pnpm --filter @rapport/schema gen:schema` after changing the types';

describe('the generated JSON Schema', () => {
  it(`matches the TypeScript types (${regenerate})`, () => {
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

describe('the generated validator', () => {
  it(`is what the generator makes of the committed JSON Schema (${regenerate})`, async () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const generated = await generateValidator(schema);
    assert.equal(readFileSync(validatorFile, 'utf8'), generated.code, validatorFile);
    assert.equal(readFileSync(validatorTypesFile, 'utf8'), generated.types, validatorTypesFile);
  });

  it('is shipped as committed', () => {
    for (const file of [validatorFile, validatorTypesFile]) {
      const shipped = join(packageDir, 'dist/generated', file.split('/').at(-1)!);
      assert.equal(readFileSync(shipped, 'utf8'), readFileSync(file, 'utf8'), shipped);
    }
  });
});

describe('the built browser code', () => {
  const files = readdirSync(join(packageDir, 'dist'), {recursive: true, encoding: 'utf8'}).filter(
    (f) => f.endsWith('.js') && f !== 'cli.js' && f !== 'bin.js',
  );

  it('contains no schema compiler, eval, new Function or require(): it runs under a strict CSP', () => {
    assert.ok(files.includes(join('generated', 'standalone-validator.js')));
    for (const file of [...files.map((f) => join(packageDir, 'dist', f)), validatorFile]) {
      const code = readFileSync(file, 'utf8');
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

  it("has Ajv's runtime helpers bundled into the validator: it imports nothing", () => {
    assert.doesNotMatch(readFileSync(validatorFile, 'utf8'), /^\s*import\b|\bimport\s*\(/m);
  });
});
