import { staffActionRecordedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import { StaffAction } from '../domain/staff-action.entity.js';

/** StaffActionRecorded (from any subgraph) → one row of the audit log. */
export function staffActionRecordedHandler(): EventSubscription<
  typeof staffActionRecordedEvent,
  InboxContext
> {
  return on(staffActionRecordedEvent, async (action, { tx }) => {
    tx.persist(
      tx.create(StaffAction, {
        ...action,
        actorRoles: action.actorRoles.join(','),
        at: new Date(action.at),
      }),
    );
  });
}
