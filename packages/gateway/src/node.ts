import {serve, type Http2Bindings, type HttpBindings} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import type {Gateway} from './gateway.js';

/** A running server. */
export interface RunningServer {
  /** Where it listens, such as `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler (a gateway, or an app that mounts one) with Node's HTTP server, through
 * @hono/node-server, telling it each connection's address. Listens on 127.0.0.1 unless told otherwise; port 0 picks a free port.
 */
export function serveGateway(
  handler: Gateway,
  options: {port?: number; hostname?: string} = {},
): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (request, env: HttpBindings | Http2Bindings) =>
          handler(request, {
            ...(env.incoming.socket.remoteAddress !== undefined && {
              clientAddress: env.incoming.socket.remoteAddress,
            }),
          }),
        port: options.port ?? 8787,
        hostname,
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://${hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) =>
              server.close((error) => (error ? fail(error) : done())),
            ),
        });
      },
    );
    server.once('error', reject);
  });
}
