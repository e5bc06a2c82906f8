// Types of the standalone validator that scripts/validator-generator.mjs writes to src/generated/.

/** The part of an Ajv error object the friendly messages are made from. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The compiled JSON Schema: true when the data is a valid document, with the errors otherwise. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** One node of the schema's shape. */
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

/** The schema's shape, so a problem's pointer can be followed to its schema node: nodes by id, the root being `#`. */
export type SchemaIndex = Record<string, SchemaNode>;
