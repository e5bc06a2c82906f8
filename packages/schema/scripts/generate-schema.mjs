#!/usr/bin/env node
// pnpm gen:schema: regenerates src/generated/customization.schema.json from the types. Commit the result.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {generateSchema, schemaFile} from './schema-generator.mjs';

const schema = generateSchema();
mkdirSync(dirname(schemaFile), {recursive: true});
writeFileSync(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${schemaFile}`);
