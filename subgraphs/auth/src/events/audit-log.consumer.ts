import type { Orm } from '@shop/kit/db';
import { idempotentConsumer } from '@shop/kit/events';
import { staffActionRecordedHandler } from './staff-action-recorded.handler.js';

/** Every subgraph's StaffActionRecorded → auth's audit log, once per event (inbox). */
export function auditLogConsumer(orm: Orm) {
  return idempotentConsumer(orm, staffActionRecordedHandler());
}
