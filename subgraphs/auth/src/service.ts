import { fileURLToPath } from 'node:url';
import type { UserRegistered } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { createRateLimiter } from '@shop/kit/rate-limit';
import { sendJson } from '@shop/kit/ops';
import { migrationsList } from './migrations/index.js';
import { defineService, resolverContainer } from '@shop/kit/service';
import { authConfigSchema } from './config.js';
import { authEntities } from './domain/entities.js';
import { partnerRoutes } from './internal/partners.route.js';
import { AuthResolver } from './schema/auth.resolver.js';
import { PartnerResolver } from './schema/partner.resolver.js';
import { authPermissions } from './schema/permissions.js';
import { AccessTokens } from './services/access-tokens.js';
import { AuthService } from './services/auth-service.js';
import { KeyRing } from './services/key-ring.js';
import { LoginThrottle } from './services/login-throttle.js';
import { Partners } from './services/partners.js';
import { RefreshTokens } from './services/refresh-tokens.js';

export const authService = defineService({
  name: 'auth',
  entities: authEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: { resolvers: [AuthResolver, PartnerResolver], permissions: authPermissions },
  setup: async ({ orm, outbox, runtime, logger }) => {
    const config = loadConfig('auth', authConfigSchema, runtime.env);
    const keys = new KeyRing(orm, { accessTokenTtlSeconds: config.SHOP_ACCESS_TOKEN_TTL_SECONDS });
    // The first key is created now, not inside the first sign-up's transaction.
    await keys.activeKey();
    const throttle = new LoginThrottle(
      createRateLimiter(
        {
          keyPrefix: 'login-ip',
          points: config.SHOP_LOGIN_ATTEMPTS_PER_IP,
          durationSeconds: config.SHOP_LOGIN_IP_WINDOW_SECONDS,
        },
        runtime.redis,
      ),
      createRateLimiter(
        {
          keyPrefix: 'login-account',
          points: config.SHOP_LOGIN_FAILURES_PER_ACCOUNT,
          durationSeconds: config.SHOP_LOGIN_ACCOUNT_LOCK_SECONDS,
        },
        runtime.redis,
      ),
    );
    const users = runtime.internalClient('auth', 'user');
    const partners = new Partners();
    const auth = new AuthService({
      accessTokens: new AccessTokens(keys, {
        issuer: config.SHOP_JWT_ISSUER,
        audience: config.SHOP_JWT_AUDIENCE,
        ttlSeconds: config.SHOP_ACCESS_TOKEN_TTL_SECONDS,
      }),
      refreshTokens: new RefreshTokens(config.SHOP_REFRESH_TOKEN_TTL_SECONDS),
      throttle,
      outbox,
      registerProfile: async (user: UserRegistered) => {
        try {
          await users.post('/internal/users', user, { idempotencyKey: `register-${user.userId}` });
        } catch (error) {
          logger.warn(
            { err: error, userId: user.userId },
            'profile not created now; the UserRegistered event will',
          );
        }
      },
    });
    return {
      container: resolverContainer(new AuthResolver({ auth, keys }), new PartnerResolver(partners)),
      internalRoutes: (router) => partnerRoutes(router, orm, partners),
      routes: [
        {
          prefix: '/.well-known/jwks.json',
          handle: async (_req, res) => {
            res.setHeader('cache-control', 'public, max-age=60');
            sendJson(res, 200, await keys.jwks());
          },
        },
      ],
    };
  },
});
