export const packageDir: string;
export const schemaFile: string;
export const validatorFile: string;
export const validatorTypesFile: string;
