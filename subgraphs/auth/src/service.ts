import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  staffActionRecordedEvent,
  userRegisteredEvent,
  type UserRegistered,
} from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { createRateLimiter } from '@shop/kit/rate-limit';
import { sendJson } from '@shop/kit/ops';
import { migrationsList } from './migrations/index.js';
import { defineService, resolverContainer } from '@shop/kit/service';
import { authConfigSchema } from './config.js';
import { authEntities } from './domain/entities.js';
import { auditLogConsumer } from './events/audit-log.consumer.js';
import { partnerRoutes } from './internal/partners.route.js';
import { AuthResolver } from './schema/auth.resolver.js';
import { PartnerResolver } from './schema/partner.resolver.js';
import { authPermissions } from './schema/permissions.js';
import { authReferenceResolvers } from './schema/reference.js';
import { StaffResolver } from './schema/staff.resolver.js';
import { AccessTokens } from './services/access-tokens.js';
import { AuthService } from './services/auth-service.js';
import { KeyRing } from './services/key-ring.js';
import { LoginThrottle } from './services/login-throttle.js';
import { Partners } from './services/partners.js';
import { RefreshTokens } from './services/refresh-tokens.js';
import { Staff } from './services/staff.js';

export const authService = defineService({
  name: 'auth',
  entities: authEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [AuthResolver, PartnerResolver, StaffResolver],
    referenceResolvers: authReferenceResolvers,
    permissions: authPermissions,
  },
  events: {
    publishes: [userRegisteredEvent],
    consumes: { 'audit-log': [staffActionRecordedEvent] },
  },
  setup: async ({ orm, outbox, runtime, logger }) => {
    const config = loadConfig('auth', authConfigSchema, runtime.env);
    const keys = new KeyRing(orm, { accessTokenTtlSeconds: config.SHOP_ACCESS_TOKEN_TTL_SECONDS });
    // The first key is created now, not inside the first sign-up's transaction.
    await keys.activeKey();
    const day = 24 * 3600;
    const rememberSeconds = config.SHOP_LOGIN_REMEMBER_DAYS * day;
    const limiter = (
      keyPrefix: string,
      points: number,
      durationSeconds: number,
      blockSeconds = 0,
    ) => createRateLimiter({ keyPrefix, points, durationSeconds, blockSeconds }, runtime.redis);
    const counter = (keyPrefix: string) => limiter(keyPrefix, 1_000_000_000, day);
    // The memory store's timers cannot wait longer than 24.8 days.
    const knownFor = runtime.redis ? rememberSeconds : Math.min(rememberSeconds, 24 * day);
    const throttle = new LoginThrottle(
      {
        perIp: limiter(
          'login-ip',
          config.SHOP_LOGIN_ATTEMPTS_PER_IP,
          config.SHOP_LOGIN_IP_WINDOW_SECONDS,
        ),
        ipDailyFailures: limiter('login-ip-fails', config.SHOP_LOGIN_IP_FAILURES_PER_DAY, day, day),
        pairFailures: counter('login-pair-fails'),
        pairDelay: limiter('login-pair-wait', 1, 1),
        accountFailures: counter('login-account-fails'),
        accountDelay: limiter('login-account-wait', 1, 1),
        knownAddresses: limiter('login-known', 1, knownFor),
      },
      {
        freeFailures: config.SHOP_LOGIN_FREE_FAILURES,
        accountFreeFailures: config.SHOP_LOGIN_ACCOUNT_FREE_FAILURES,
        baseDelaySeconds: config.SHOP_LOGIN_DELAY_SECONDS,
        maxDelaySeconds: config.SHOP_LOGIN_MAX_DELAY_SECONDS,
        rememberSeconds,
      },
      // Shared by every auth instance in real runs; embedded, device tokens last one process.
      runtime.config.SHOP_INTERNAL_SECRET ?? randomBytes(32).toString('base64url'),
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
      container: resolverContainer(
        new AuthResolver({ auth, keys }),
        new PartnerResolver(partners),
        new StaffResolver(new Staff()),
      ),
      consumers: { 'audit-log': auditLogConsumer(orm) },
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
