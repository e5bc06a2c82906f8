#!/usr/bin/env node
// pnpm gen:schema: regenerates, from the types, src/generated/customization.schema.json and, from that
// schema, the standalone validator in src/generated/. Commit the results; tests fail when they drift.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {schemaFile, validatorFile, validatorTypesFile} from './paths.mjs';
import {generateSchema} from './schema-generator.mjs';
import {generateValidator} from './validator-generator.mjs';

const schema = generateSchema();
const {code, types} = await generateValidator(schema);
mkdirSync(dirname(schemaFile), {recursive: true});
writeFileSync(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(validatorFile, code);
writeFileSync(validatorTypesFile, types);
for (const file of [schemaFile, validatorFile, validatorTypesFile]) console.log(`wrote ${file}`);
