import { userRegisteredEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { ProfileService } from '../services/profile-service.js';

/** UserRegistered → the user's profile exists (if sign-up's direct call has not created it yet). */
export function userRegisteredHandler(
  profiles: ProfileService,
): EventSubscription<typeof userRegisteredEvent, InboxContext> {
  return on(userRegisteredEvent, async (registered, { tx }) => {
    await profiles.register(tx, registered);
  });
}
