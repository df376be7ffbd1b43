import { userRegisteredEvent, type UserRegistered } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler } from '@shop/kit/events';
import type { ProfileService } from '../services/profile-service.js';

/** UserRegistered → the user's profile exists (if sign-up's direct call has not created it yet). */
export function userRegisteredHandler(
  orm: Orm,
  consumer: string,
  profiles: ProfileService,
): EventHandler {
  return idempotentHandler(orm, consumer, async (tx, event) => {
    if (event.type !== userRegisteredEvent.type) return;
    const data: UserRegistered = userRegisteredEvent.data.parse(event.data);
    await profiles.register(tx, data);
  });
}
