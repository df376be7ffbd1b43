import { deadLetterTopicOf } from '@shop/contracts';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { deliverWithRetries } from './deliver.js';
import { countDeadLettersOf, deadLettersOn } from './event-metrics.js';
import type {
  EventTransport,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './transport.js';

export interface DeadLetter {
  topic: string;
  group: string;
  message: OutgoingMessage;
  error: string;
}

interface GroupQueue {
  options: SubscribeOptions;
  /** Serialises deliveries so each group sees a topic in publish order, like one Kafka partition. */
  tail: Promise<void>;
}

/**
 * The embedded run's bus: every subgraph lives in one process, so a publish hands each message to
 * every subscribed group and resolves only once each group has applied it or dead-lettered it.
 * The outbox marks a row sent after that, so no event is lost between publish and effect; a
 * crash before then leaves the row pending and the relay sends it again.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  readonly deadLetters: DeadLetter[] = [];
  private readonly groups = new Map<string, GroupQueue>();
  private readonly deadLettered: ReturnType<typeof deadLettersOn>;

  constructor(
    metricsRegistry: Registry,
    private readonly logger?: Logger,
  ) {
    this.deadLettered = deadLettersOn(metricsRegistry);
  }

  async ensureTopics(): Promise<void> {}

  async publish(messages: OutgoingMessage[]): Promise<void> {
    const deliveries: Promise<void>[] = [];
    for (const queue of this.groups.values()) {
      const mine = messages.filter((message) => queue.options.topics.includes(message.topic));
      if (mine.length === 0) continue;
      const delivery = queue.tail.then(() => this.deliverAll(queue.options, mine));
      // The next publish waits for this one but must not inherit its failure.
      queue.tail = delivery.catch(() => undefined);
      deliveries.push(delivery);
    }
    await Promise.all(deliveries);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.groups.has(options.group)) {
      throw new Error(`consumer group "${options.group}" is already subscribed in this process`);
    }
    const queue: GroupQueue = { options, tail: Promise.resolve() };
    this.groups.set(options.group, queue);
    countDeadLettersOf(this.deadLettered, options.group, options.topics);
    return {
      stop: async () => {
        this.groups.delete(options.group);
        await queue.tail;
      },
    };
  }

  async close(): Promise<void> {
    const queues = [...this.groups.values()];
    this.groups.clear();
    await Promise.all(queues.map((queue) => queue.tail));
  }

  private async deliverAll(options: SubscribeOptions, messages: OutgoingMessage[]): Promise<void> {
    for (const message of messages) {
      const outcome = await deliverWithRetries(message, options, this.kind);
      if (outcome.ok) continue;
      this.deadLettered.inc({
        group: options.group,
        topic: message.topic,
        reason: outcome.reason,
      });
      this.logger?.error(
        { group: options.group, topic: message.topic, key: message.key, error: outcome.error },
        'event dead-lettered',
      );
      this.deadLetters.push({
        topic: deadLetterTopicOf(message.topic),
        group: options.group,
        message,
        error: outcome.error,
      });
    }
  }
}
