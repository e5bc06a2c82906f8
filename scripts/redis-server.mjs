// How every tool here runs Redis: Debian's redis-server (which `npm test` installs when missing) or
// REDIS_SERVER, started on a free loopback port (never 6379, never a Redis that is already running) in a
// directory of its own, and stopped afterwards.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {createConnection, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** The server binary: `REDIS_SERVER`, else Debian's. */
export const redisServerPath = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * Starts a redis-server on 127.0.0.1 and resolves once it answers PING. It writes every change to its
 * append-only file before answering (`appendfsync always`), so `stop()` then `start()` keeps every key,
 * as a production Redis with persistence would.
 */
export async function startRedisServer() {
  if (!existsSync(redisServerPath)) {
    throw new Error(
      `redis-server is not at ${redisServerPath}. npm test installs Debian's redis-server when it is missing; ` +
        'otherwise run: apt-get install -y redis-server (or set REDIS_SERVER to a redis-server binary).',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-redis-'));
  let child;
  const server = {
    port,
    url: `redis://127.0.0.1:${port}`,
    /** Starts the server again after `stop()`, with the keys it had. */
    async start() {
      child = spawn(
        redisServerPath,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--save',
          '',
          '--daemonize',
          'no',
          '--loglevel',
          'warning',
        ],
        {stdio: ['ignore', 'ignore', 'inherit']},
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.exited = exited;
      try {
        await Promise.race([
          answers(port),
          exited.then((code) => {
            throw new Error(
              `redis-server exited with code ${code} before it answered on port ${port}`,
            );
          }),
        ]);
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    },
    /** Stops the server: SIGTERM (a clean shutdown) by default, SIGKILL for a crash. */
    async stop(signal = 'SIGTERM') {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill(signal);
      await child.exited;
    },
    /** Freezes the server (SIGSTOP): connections stay open and commands go unanswered, as when Redis hangs. */
    pause() {
      child?.kill('SIGSTOP');
    },
    /** Lets a paused server go on (SIGCONT). */
    resume() {
      child?.kill('SIGCONT');
    },
    /** Stops the server and deletes its files. */
    async close() {
      await server.stop();
      rmSync(dir, {recursive: true, force: true});
      process.off('exit', killOnExit);
    },
  };
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);
  await server.start();
  return server;
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once a Redis on `port` answers PING; rejects after 10 seconds. */
async function answers(port) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const pong = await new Promise((resolve) => {
      const socket = createConnection({port, host: '127.0.0.1'});
      socket.setTimeout(500, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        resolve(data.toString().startsWith('+PONG'));
        socket.destroy();
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (pong) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within 10 seconds`);
}
