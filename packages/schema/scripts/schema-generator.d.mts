export const SCHEMA_ID: string;
export function generateSchema(): Record<string, unknown>;
