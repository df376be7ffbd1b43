import { describe, expect, it } from 'vitest';
import { ConfigError } from '@shop/kit';
import { loadRouterConfig } from '../src/config.js';
import { createRouter } from '../src/create-router.js';
import { subgraphsOf } from '../src/supergraph.js';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('router configuration', () => {
  it('has sane defaults', () => {
    const config = loadRouterConfig({ SHOP_INTERNAL_SECRET: secret });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      SHOP_INFRA: 'embedded',
      SHOP_PORT_ROUTER: 4000,
      SHOP_JWT_ISSUER: 'shop-auth',
      SHOP_JWT_AUDIENCE: 'shop',
      SHOP_TRUSTED_PROXIES: [],
      SHOP_QUERY_MAX_DEPTH: 12,
      SHOP_QUERY_MAX_ALIASES: 30,
      SHOP_QUERY_MAX_DIRECTIVES: 20,
      SHOP_QUERY_MAX_TOKENS: 3000,
      SHOP_QUERY_MAX_COST: 5000,
      SHOP_QUERY_MAX_PAGE_SIZE: 100,
      SHOP_MAX_VARIABLES_DEPTH: 32,
      SHOP_MAX_VARIABLES_BYTES: 262_144,
      SHOP_METRICS_PORT: 0,
      SHOP_METRICS_HOST: '127.0.0.1',
      SHOP_RATE_LIMIT_IP_PER_MINUTE: 300,
      SHOP_RATE_LIMIT_USER_PER_MINUTE: 600,
      subgraphUrls: {},
    });
  });

  it('fails fast listing every problem, the missing secret included', () => {
    let error: unknown;
    try {
      loadRouterConfig({
        SHOP_QUERY_MAX_DEPTH: 'deep',
        SHOP_TRUST_PROXY: 'yes',
        SHOP_SUBGRAPH_URL_USER: 'not a url',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/SHOP_INTERNAL_SECRET: required/);
    expect(message).toMatch(/SHOP_QUERY_MAX_DEPTH/);
    expect(message).toMatch(/SHOP_TRUST_PROXY/);
    expect(message).toMatch(/subgraphUrls\.user: must be an http\(s\) URL/);
  });

  it('refuses SHOP_TRUST_PROXY=true, pointing at SHOP_TRUSTED_PROXIES', () => {
    expect(() =>
      loadRouterConfig({ SHOP_INTERNAL_SECRET: secret, SHOP_TRUST_PROXY: 'true' }),
    ).toThrow(/SHOP_TRUST_PROXY: is no longer supported .*SHOP_TRUSTED_PROXIES/);
    expect(() =>
      loadRouterConfig({ SHOP_INTERNAL_SECRET: secret, SHOP_TRUST_PROXY: 'false' }),
    ).not.toThrow();
  });

  it('reads trusted proxies as addresses, CIDRs and named ranges, and refuses anything else', () => {
    const config = loadRouterConfig({
      SHOP_INTERNAL_SECRET: secret,
      SHOP_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8, 2001:db8::1',
    });
    expect(config.SHOP_TRUSTED_PROXIES).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
    expect(() =>
      loadRouterConfig({ SHOP_INTERNAL_SECRET: secret, SHOP_TRUSTED_PROXIES: '10.0.0.0/8, *' }),
    ).toThrow(/SHOP_TRUSTED_PROXIES: "\*" is not an IP address/);
  });

  it('refuses a short secret', () => {
    expect(() => loadRouterConfig({ SHOP_INTERNAL_SECRET: 'short' })).toThrow(
      /SHOP_INTERNAL_SECRET: must be at least 32 characters/,
    );
  });

  it('reads subgraph URLs and the CORS allowlist', () => {
    const config = loadRouterConfig({
      SHOP_INTERNAL_SECRET: secret,
      SHOP_SUBGRAPH_URL_USER: 'http://user.internal:4102/graphql',
      SHOP_SUBGRAPH_URL_ORDER: '',
      SHOP_CORS_ORIGINS: 'https://shop.example, https://admin.shop.example,',
    });
    expect(config.subgraphUrls).toEqual({ user: 'http://user.internal:4102/graphql' });
    expect(config.SHOP_CORS_ORIGINS).toEqual([
      'https://shop.example',
      'https://admin.shop.example',
    ]);
  });

  it('lists the subgraphs of the committed supergraph', () => {
    const supergraph = `
      enum join__Graph {
        AUTH @join__graph(name: "auth", url: "http://127.0.0.1:4101/graphql")
        USER @join__graph(name: "user", url: "http://127.0.0.1:4102/graphql")
      }`;
    expect(subgraphsOf(supergraph)).toEqual([
      { name: 'auth', url: 'http://127.0.0.1:4101/graphql' },
      { name: 'user', url: 'http://127.0.0.1:4102/graphql' },
    ]);
  });

  it('refuses to start on a supergraph that does not load', async () => {
    const config = loadRouterConfig({
      SHOP_INTERNAL_SECRET: secret,
      SHOP_PORT_ROUTER: '0',
      SHOP_LOG_LEVEL: 'silent',
      SHOP_AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    });
    await expect(
      createRouter(config, { supergraphSdl: 'type Query { x: Int }' }),
    ).rejects.toThrow();
  });
});
