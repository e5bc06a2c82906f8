// Types of dist/standalone-validator.js, which scripts/build-validator.mjs generates from the JSON Schema.

/** The part of an Ajv error object the friendly messages are made from. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

declare const validate: {(data: unknown): boolean; errors?: SchemaError[] | null};
export default validate;

/** One node of the schema's shape (see scripts/build-validator.mjs). */
export interface SchemaNode {
  /** Property names allowed here. */
  keys?: string[];
  /** Where each property leads, by node id. */
  props?: Record<string, string>;
  /** Where the values of a map lead. */
  values?: string;
  /** Where the items of a list lead. */
  items?: string;
  /** A discriminated union: node id by `type` tag. */
  tags?: Record<string, string>;
  /** A localized text: a string, or strings by locale. */
  localized?: true;
}

/** The schema's shape: nodes by id, the root being `#`. */
export declare const schemaIndex: Record<string, SchemaNode>;
