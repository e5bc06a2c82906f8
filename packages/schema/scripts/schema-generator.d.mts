export const packageDir: string;
export const schemaFile: string;
export const SCHEMA_ID: string;
export function generateSchema(): Record<string, unknown>;
