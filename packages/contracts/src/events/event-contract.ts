import type { z } from 'zod';

/** An event as the contracts define it: its name, schema version, topic and payload schema. */
export interface EventContract<Data extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  /** `topicOf(<producing domain>)`: only that domain's outbox may record the event. */
  readonly topic: string;
  /** Recorded by every subgraph's chassis on its own topic, not by one domain (the audit log). */
  readonly everySubgraph?: true;
  readonly data: Data;
}
