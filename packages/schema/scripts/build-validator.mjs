#!/usr/bin/env node
// Build step: compiles the committed JSON Schema into a standalone Ajv validator (plain code, no
// `new Function` at run time, so it works under a strict Content Security Policy) and bundles Ajv's few
// runtime helpers into it, then ships the schema beside it.
import {copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {rollup} from 'rollup';
import {browserPlugins, onwarn} from '../../../scripts/rollup-common.mjs';
import {ajvOptions} from './ajv-options.mjs';
import {packageDir, schemaFile} from './schema-generator.mjs';

const dist = join(packageDir, 'dist');
mkdirSync(dist, {recursive: true});
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({...ajvOptions, code: {source: true, esm: true}});
const code = standaloneCode(ajv, ajv.compile(schema));

const raw = join(dist, 'standalone-validator.raw.mjs');
writeFileSync(raw, `${code}\nexport const schemaIndex = ${JSON.stringify(indexSchema(schema))};\n`);
const bundle = await rollup({input: raw, plugins: browserPlugins(), onwarn});
await bundle.write({file: join(dist, 'standalone-validator.js'), format: 'es'});
await bundle.close();
rmSync(raw);

copyFileSync(
  join(packageDir, 'src/standalone-validator.d.ts'),
  join(dist, 'standalone-validator.d.ts'),
);
copyFileSync(schemaFile, join(dist, 'customization.schema.json'));
console.log(`built dist/standalone-validator.js (${code.length} characters of validator code)`);

/**
 * What the friendly messages need to know about the schema, without shipping the whole schema to the
 * browser: its shape as a graph of nodes, so a problem's instance path can be followed to the schema
 * node it belongs to. Each node lists its allowed property names (`keys`, to suggest "label" for
 * "lable"), where each property leads (`props`, `values` for maps, `items` for lists), the tags of a
 * discriminated union (`tags`), and whether it is a localized text (`localized`).
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
