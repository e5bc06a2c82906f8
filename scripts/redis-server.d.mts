export const redisServerPath: string;
/** A redis-server started by {@link startRedisServer}. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  start(): Promise<void>;
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** SIGSTOP: connections stay open and commands go unanswered. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}
export function startRedisServer(): Promise<RedisServer>;
/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number>;
