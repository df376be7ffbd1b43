import { z } from 'zod';
import { topicOf } from './envelope.js';

/**
 * staff.events — one entry of the audit log: a member of staff's mutation, whatever it changed.
 * Recorded by every subgraph's chassis (not its own code) and kept by auth, which owns the staff.
 * `input`, `before` and `after` are JSON with secrets blanked.
 */
export const staffActionRecordedEvent = {
  type: 'StaffActionRecorded',
  version: 1,
  topic: topicOf('staff'),
  everySubgraph: true,
  data: z.object({
    actorId: z.string(),
    actorRoles: z.array(z.string()),
    service: z.string(),
    /** The mutation, e.g. `updateSku`. */
    action: z.string(),
    /** The id it acted on, when it names one. */
    subjectId: z.string().nullable(),
    input: z.string(),
    /** `OK`, the error result's code (`INVALID_INPUT`) or the refusal's (`FORBIDDEN`). */
    outcome: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
    at: z.iso.datetime(),
  }),
} as const;

export type StaffActionRecorded = z.infer<typeof staffActionRecordedEvent.data>;
