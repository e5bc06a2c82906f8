#!/usr/bin/env node
// Build step after tsc, which compiles only TypeScript: ships the committed generated files into dist.
// The validator keeps its place (dist/generated/), where the compiled modules import it from; the
// schema goes to dist/ for the package export and `rapport print-schema`.
import {copyFileSync, mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {packageDir, schemaFile, validatorFile, validatorTypesFile} from './paths.mjs';

const dist = join(packageDir, 'dist');
const copies = [
  [validatorFile, join(dist, 'generated/standalone-validator.js')],
  [validatorTypesFile, join(dist, 'generated/standalone-validator.d.ts')],
  [schemaFile, join(dist, 'customization.schema.json')],
];
for (const [from, to] of copies) {
  mkdirSync(dirname(to), {recursive: true});
  copyFileSync(from, to);
}
