export const chromiumArgs: string[];
export function widgetsReady(): boolean;
