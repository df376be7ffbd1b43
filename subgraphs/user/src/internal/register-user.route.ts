import { userRegisteredEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import type { InternalRouter } from '@shop/kit/internal-http';
import type { ProfileService } from '../services/profile-service.js';

/** POST /internal/users — auth creates the profile at sign-up. Idempotent on the user id. */
export function registerUserRoute(
  router: InternalRouter,
  orm: Orm,
  profiles: ProfileService,
): void {
  router.route('POST', '/internal/users', userRegisteredEvent.data, async ({ body }) => {
    const user = await profiles.register(orm.em.fork(), body);
    return { id: user.id };
  });
}
