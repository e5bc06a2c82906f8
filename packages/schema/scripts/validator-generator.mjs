// Compiles the committed JSON Schema into a standalone Ajv validator: plain code, no `new Function` at
// run time, so it works under a strict Content Security Policy. Ajv's few runtime helpers are bundled
// into it, so the result imports nothing. Used by `pnpm gen:schema` (writes the committed files under
// src/generated/) and by the test that fails when they drift from the schema.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {join} from 'node:path';
import {rollup} from 'rollup';
import {browserPlugins, onwarn} from '../../../scripts/rollup-common.mjs';
import {ajvOptions} from './ajv-options.mjs';
import {packageDir} from './paths.mjs';

const BANNER =
  '// Generated from customization.schema.json by scripts/validator-generator.mjs: do not edit.\n' +
  '// Run `pnpm --filter @rapport/schema gen:schema` after changing the types.';

const TYPES = `${BANNER}
import type {SchemaIndex, StandaloneValidator} from '../validator-types.js';

declare const validate: StandaloneValidator;
export default validate;
export declare const schemaIndex: SchemaIndex;
`;

/**
 * The validator's code and its declarations for `schema`. Deterministic: the same schema, Ajv and
 * rollup give the same text, byte for byte.
 */
export async function generateValidator(schema) {
  // Line breaks in the generated code keep the committed file's diffs readable.
  const ajv = new Ajv({...ajvOptions, code: {source: true, esm: true, lines: true}});
  const raw = [
    standaloneCode(ajv, ajv.compile(schema)),
    `export const schemaIndex = ${JSON.stringify(indexSchema(schema), null, 2)};`,
    '',
  ].join('\n');
  // A module that exists only in memory. Its id sits in this package so Ajv's `require`s resolve from
  // here, and ends in .mjs so the commonjs plugin turns them into imports.
  const id = join(packageDir, 'src/generated/standalone-validator.raw.mjs');
  const bundle = await rollup({
    input: id,
    plugins: [
      {
        name: 'raw-validator',
        resolveId: (s) => (s === id ? id : null),
        load: (s) => (s === id ? raw : null),
      },
      ...browserPlugins(),
    ],
    onwarn,
  });
  const {output} = await bundle.generate({format: 'es', banner: BANNER});
  await bundle.close();
  return {code: output[0].code, types: TYPES};
}

/**
 * What the friendly messages need to know about the schema, without shipping the whole schema to the
 * browser: its shape as a graph of nodes, so a problem's instance path can be followed to the schema
 * node it belongs to. Each node lists its allowed property names (`keys`, to suggest "label" for
 * "lable"), where each property leads (`props`, `values` for maps, `items` for lists), the tags of a
 * discriminated union (`tags`), and whether it is a localized text (`localized`). Its type is
 * `SchemaIndex` in src/validator-types.ts.
 */
function indexSchema(root) {
  const nodes = {};
  const resolve = (ref) =>
    ref
      .split('#')[1]
      .split('/')
      .slice(1)
      .reduce((node, key) => node[decodeURIComponent(key)], root);
  const id = (schema, pointer) => {
    while (schema.$ref) {
      pointer = `#${schema.$ref.split('#')[1]}`;
      schema = resolve(schema.$ref);
    }
    if (pointer in nodes) return pointer;
    const node = {};
    nodes[pointer] = node;
    if (schema.discriminator) {
      node.tags = Object.fromEntries(
        schema.oneOf.map((branch) => [resolve(branch.$ref).properties.type.const, id(branch, '')]),
      );
    } else if (
      Array.isArray(schema.anyOf) &&
      schema.anyOf.some((b) => b.type === 'string') &&
      schema.anyOf.some((b) => b.type === 'object')
    ) {
      node.localized = true;
    } else if (schema.type === 'object') {
      node.keys = Object.keys(schema.properties ?? {});
      node.props = Object.fromEntries(
        node.keys.map((key) => [key, id(schema.properties[key], `${pointer}/properties/${key}`)]),
      );
      if (typeof schema.additionalProperties === 'object')
        node.values = id(schema.additionalProperties, `${pointer}/additionalProperties`);
    } else if (schema.type === 'array' && schema.items) {
      node.items = id(schema.items, `${pointer}/items`);
    }
    return pointer;
  };
  id(root, '#');
  // Leaves (plain values) need no entry: drop them to keep the index small.
  for (const [pointer, node] of Object.entries(nodes))
    if (Object.keys(node).length === 0) delete nodes[pointer];
  for (const node of Object.values(nodes)) {
    for (const key of ['values', 'items']) if (node[key] && !(node[key] in nodes)) delete node[key];
    if (node.props)
      for (const [key, target] of Object.entries(node.props))
        if (!(target in nodes)) delete node.props[key];
  }
  // Short ids: the root keeps "#", every other node gets a number.
  const short = new Map(
    Object.keys(nodes).map((pointer, i) => [pointer, pointer === '#' ? '#' : String(i)]),
  );
  const rename = (pointer) => short.get(pointer);
  return Object.fromEntries(
    Object.entries(nodes).map(([pointer, node]) => [
      rename(pointer),
      {
        ...node,
        ...(node.props && {
          props: Object.fromEntries(Object.entries(node.props).map(([k, v]) => [k, rename(v)])),
        }),
        ...(node.tags && {
          tags: Object.fromEntries(Object.entries(node.tags).map(([k, v]) => [k, rename(v)])),
        }),
        ...(node.values && {values: rename(node.values)}),
        ...(node.items && {items: rename(node.items)}),
      },
    ]),
  );
}
