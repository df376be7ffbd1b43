import { setImmediate as nextTurn } from 'node:timers/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { installShutdownHandlers, type ShutdownHandlers } from '../../src/ops/shutdown.js';

const logger = pino({ level: 'silent' });

describe('installShutdownHandlers', () => {
  let handlers: ShutdownHandlers | undefined;

  afterEach(() => handlers?.uninstall());

  it('on a signal, stops every part once, in order, then exits 0', async () => {
    const calls: string[] = [];
    const exits: number[] = [];
    const part = (name: string) => ({
      name,
      stop: async () => {
        calls.push(`${name} start`);
        // Stopping takes a turn of the event loop: parts stopped together would interleave here.
        await nextTurn();
        calls.push(`${name} done`);
      },
    });
    handlers = installShutdownHandlers([part('server'), part('relay')], logger, {
      signals: ['SIGUSR2'],
      exit: (code) => exits.push(code),
    });

    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    await handlers.shutdown('test');

    expect(calls).toEqual(['server start', 'server done', 'relay start', 'relay done']);
    expect(exits).toEqual([0]);
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('goes on past a failing part and exits 1', async () => {
    const stopped: string[] = [];
    const exits: number[] = [];
    handlers = installShutdownHandlers(
      [
        { name: 'broken', stop: async () => Promise.reject(new Error('boom')) },
        { name: 'database', stop: async () => void stopped.push('database') },
      ],
      logger,
      { signals: ['SIGUSR2'], exit: (code) => exits.push(code) },
    );
    await handlers.shutdown('test');
    expect(stopped).toEqual(['database']);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when a part does not stop within the timeout', async () => {
    const exits: number[] = [];
    handlers = installShutdownHandlers(
      [{ name: 'stuck', stop: () => new Promise<void>(() => {}) }],
      logger,
      { signals: ['SIGUSR2'], timeoutMs: 50, exit: (code) => exits.push(code) },
    );
    await handlers.shutdown('test');
    expect(exits).toEqual([1]);
  });
});
