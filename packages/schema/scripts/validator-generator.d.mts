export function generateValidator(
  schema: Record<string, unknown>,
): Promise<{readonly code: string; readonly types: string}>;
