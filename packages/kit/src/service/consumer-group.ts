/** The consumer group (and inbox name) of one consumer of one service: `<service>.<consumer>`. */
export function idempotentConsumerGroup(service: string, consumer: string): string {
  return `${service}.${consumer}`;
}
