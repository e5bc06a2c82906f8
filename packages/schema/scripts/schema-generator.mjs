// Generates the customization JSON Schema from the TypeScript types in src/document.ts with
// typescript-json-schema. Used by `pnpm gen:schema` (writes the committed file) and by the test that
// fails when that file drifts from the types.
import {join} from 'node:path';
import * as TJS from 'typescript-json-schema';
import {packageDir} from './paths.mjs';

export const SCHEMA_ID = 'https://unpkg.com/@rapport/schema@0/dist/customization.schema.json';

export function generateSchema() {
  const program = TJS.getProgramFromFiles(
    [join(packageDir, 'src/document.ts')],
    {
      strict: true,
      strictNullChecks: true,
      moduleResolution: 'bundler',
      module: 'esnext',
      target: 'es2022',
      skipLibCheck: true,
    },
    packageDir,
  );
  const schema = TJS.generateSchema(program, 'CustomizationDocument', {
    required: true,
    noExtraProps: true,
    strictNullChecks: true,
    id: SCHEMA_ID,
    ignoreErrors: false,
  });
  if (!schema) throw new Error('typescript-json-schema produced no schema');
  // The type is the document as widgets use it; one written by hand may leave these out (extendDefault
  // in src/default-document.ts says when, and validateCustomization reports the other cases).
  schema.required = schema.required.filter(
    (part) => !['roles', 'fields', 'widgets'].includes(part),
  );
  markDiscriminatedUnions(schema);
  return schema;
}

/**
 * A layout element is one of several object types told apart by their `type` property. As a plain
 * anyOf, a mistake inside a Control is reported once per alternative ("not a VerticalLayout, not a
 * Group..."). Marking the union with Ajv's discriminator keyword makes Ajv check only the alternative
 * the `type` names, so people read the one error that matters.
 */
function markDiscriminatedUnions(schema) {
  for (const definition of Object.values(schema.definitions ?? {})) {
    const branches = definition.anyOf;
    if (!Array.isArray(branches) || !branches.every((b) => typeof b.$ref === 'string')) continue;
    const targets = branches.map(
      (b) => schema.definitions[decodeURIComponent(b.$ref.split('#/definitions/')[1])],
    );
    const tagged = targets.every(
      (t) =>
        t?.properties?.type &&
        (t.properties.type.const !== undefined || t.properties.type.enum?.length === 1) &&
        t.required?.includes('type'),
    );
    if (!tagged) continue;
    delete definition.anyOf;
    Object.assign(definition, {
      type: 'object',
      discriminator: {propertyName: 'type'},
      oneOf: branches,
    });
  }
}
