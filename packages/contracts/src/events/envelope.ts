import { z } from 'zod';

/**
 * Every event that crosses a subgraph boundary travels in this envelope (CloudEvents-like).
 * `subject` is the aggregate id and the partition key, so one aggregate's events stay in order.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  source: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime(),
  data: z.unknown(),
});

export type EventEnvelope<Data = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & {
  data: Data;
};

/** Kafka topic of a source domain: `order` publishes to `order.events`. */
export function topicOf(domain: string): string {
  return `${domain}.events`;
}

/** Where a consumer parks an event it could not apply after its retries. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
