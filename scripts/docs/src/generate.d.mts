export function generated(): Promise<{path: string; content: string}[]>;
