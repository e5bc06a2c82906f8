import type {MemoryAdapter} from '@rapport/adapter-memory';
import type {RunningServer} from '@rapport/gateway/node';

export function startPlayground(options?: {
  port?: number;
  hostname?: string;
  dataFile?: string;
  asOf?: Date;
}): Promise<RunningServer & {adapter: MemoryAdapter; dataFile: string}>;
