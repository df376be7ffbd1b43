import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config.js';

/** What payment's schema looks like: the PG sandbox by default. */
const paymentLike = z.looseObject({
  SHOP_PG_URL: z.url().default('http://127.0.0.1:4192'),
  SHOP_PG_SECRET_KEY: z.string().min(1).default('test_sk_sandbox'),
  SHOP_PG_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
});

const realProduction = { NODE_ENV: 'production', SHOP_INFRA: 'real' };

function failureOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig in production refuses development defaults', () => {
  it('throws one error naming every development setting in effect, defaults and values alike', () => {
    const error = failureOf(() =>
      loadConfig('payment', paymentLike, {
        ...realProduction,
        SHOP_INTERNAL_SECRET: 'replace-with-at-least-32-random-characters',
        SHOP_SEED_DEMO: 'true',
        SHOP_PG_TIMEOUT_MS: '5',
      }),
    );
    const named = [...error.message.matchAll(/^ {2}- (\S+):/gm)].map((match) => match[1]);
    expect(named.sort()).toEqual(
      [
        'SHOP_INTERNAL_SECRET',
        'SHOP_PG_SECRET_KEY',
        'SHOP_PG_TIMEOUT_MS', // the schema's own error is in the same message
        'SHOP_PG_URL',
        'SHOP_SEED_DEMO',
      ].sort(),
    );
    expect(error.message).toMatch(
      /SHOP_PG_SECRET_KEY: unset, so the development default test_sk_sandbox/,
    );
  });

  it('names a sandbox key set explicitly, and defaults of settings the process does not use are not its problem', () => {
    const error = failureOf(() =>
      loadConfig('router', z.looseObject({}), {
        ...realProduction,
        SHOP_PG_SECRET_KEY: 'test_sk_sandbox',
      }),
    );
    expect(error.message).toContain('SHOP_PG_SECRET_KEY: a development value');
    expect(error.message).toContain('SHOP_CORS_ORIGINS: unset');
    expect(error.message).not.toContain('SHOP_PG_URL');
  });

  it('passes with proper values', () => {
    const config = loadConfig('payment', paymentLike, {
      ...realProduction,
      SHOP_PG_URL: 'https://api.tosspayments.com',
      SHOP_PG_SECRET_KEY: 'live_sk_0123456789',
      SHOP_KAFKA_BROKERS: 'kafka:9092',
      SHOP_INTERNAL_SECRET: 'a'.repeat(48),
    });
    expect(config).toMatchObject({
      SHOP_PG_URL: 'https://api.tosspayments.com',
      SHOP_PG_SECRET_KEY: 'live_sk_0123456789',
    });
  });

  it('leaves development, test and embedded runs their sandboxes', () => {
    for (const env of [
      {},
      { NODE_ENV: 'test', SHOP_INFRA: 'real' },
      { NODE_ENV: 'production', SHOP_INFRA: 'embedded' },
    ])
      expect(loadConfig('payment', paymentLike, env).SHOP_PG_SECRET_KEY).toBe('test_sk_sandbox');
  });

  it('checks the all-in-one process for every service', () => {
    const error = failureOf(() => loadConfig('shop', z.looseObject({}), realProduction));
    for (const key of [
      'SHOP_PG_SECRET_KEY',
      'SHOP_PG_URL',
      'SHOP_CARRIER_URL',
      'SHOP_CARRIER_WEBHOOK_SECRET',
      'SHOP_CORS_ORIGINS',
    ])
      expect(error.message).toContain(`${key}: unset`);
    // Unset, it is off: not a development setting in effect.
    expect(error.message).not.toContain('SHOP_SEED_DEMO');
  });

  it('lets a production-mode run that asks for the sandboxes use them, and nothing else', () => {
    const error = failureOf(() =>
      loadConfig('shop', z.looseObject({}), { ...realProduction, SHOP_SANDBOXES: 'true' }),
    );
    expect(error.message).not.toMatch(/SHOP_PG_|SHOP_CARRIER_/);
    expect(error.message).toContain('SHOP_CORS_ORIGINS: unset');
  });
});
