// Where the generated files live. No dependencies, so the build's copy step loads nothing heavy.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = join(packageDir, 'src/generated/customization.schema.json');
export const validatorFile = join(packageDir, 'src/generated/standalone-validator.js');
export const validatorTypesFile = join(packageDir, 'src/generated/standalone-validator.d.ts');
