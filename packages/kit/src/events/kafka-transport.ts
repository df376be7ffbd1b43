import { setTimeout as sleep } from 'node:timers/promises';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { Registry } from 'prom-client';
import { deadLetterTopicOf } from '@shop/contracts';
import type { Logger } from '../logger.js';
import type { TraceHeaders } from '../tracing/trace-headers.js';
import { DeliveryAbortedError, deliverWithRetries } from './deliver.js';
import { countDeadLettersOf, deadLettersOn, partitionLagOn } from './event-metrics.js';
import { kafkaLogCreator } from './kafka-logger.js';
import type {
  EventTransport,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './transport.js';

export interface KafkaTransportOptions {
  clientId: string;
  brokers: string[];
  logger: Logger;
  /** The process's registry, where the consumer groups' lag and dead letters are counted. */
  metricsRegistry: Registry;
  /** Partitions of topics this transport creates. */
  partitions?: number;
  /** How long a publish may take before the relay treats it as failed and retries later. */
  publishTimeoutMs?: number;
  /**
   * Prefixes every topic and consumer group on the broker (`<namespace>.order.events`), so shops
   * sharing one Kafka (a benchmark's two commits, test topologies) never read each other's events.
   * Services, metrics and dead-letter headers keep the contract's names.
   */
  namespace?: string;
}

/**
 * Kafka with kafkajs. Producer: acks from all in-sync replicas, one request in flight so a key's
 * events keep their order across retries. Consumer: offsets committed by hand only after the
 * handler's effect is stored; an event that keeps failing goes to `<topic>.dlq` and the partition
 * moves on.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private readonly consumers = new Set<Consumer>();
  private readonly deadLettered: ReturnType<typeof deadLettersOn>;
  private readonly partitionLag: ReturnType<typeof partitionLagOn>;

  /** The name a topic or group has on the broker. */
  private readonly onBroker: (name: string) => string;

  constructor(private readonly options: KafkaTransportOptions) {
    const { namespace } = options;
    this.onBroker = namespace ? (name) => `${namespace}.${name}` : (name) => name;
    this.deadLettered = deadLettersOn(options.metricsRegistry);
    this.partitionLag = partitionLagOn(options.metricsRegistry);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(options.logger.child({ component: 'kafka' })),
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8 },
    });
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = topics
        .flatMap((topic) => [topic, deadLetterTopicOf(topic)])
        .map(this.onBroker);
      const missing = [...new Set(wanted)].filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      // kafkajs' own wait for leaders lets a metadata error escape as an uncaught exception when
      // several processes create the same topics at once (every service on a fresh broker).
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.partitions ?? 3,
          replicationFactor: -1,
        })),
      });
      await waitForLeaders(admin, missing);
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // Bounded as a whole (connecting included): a relay must learn soon that the broker is away.
    const timeoutMs = this.options.publishTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`publish timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.send(messages, timeoutMs), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(messages: OutgoingMessage[], timeoutMs: number): Promise<void> {
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, Omit<OutgoingMessage, 'topic'>[]>();
    for (const { topic, ...message } of messages) {
      const list = byTopic.get(topic) ?? [];
      list.push(message);
      byTopic.set(topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      timeout: timeoutMs,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: this.onBroker(topic),
        messages: list,
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const logger = this.options.logger.child({ group: options.group });
    const topicOnBroker = new Map(options.topics.map((topic) => [this.onBroker(topic), topic]));
    const consumer = this.kafka.consumer({
      groupId: this.onBroker(options.group),
      sessionTimeout: 15000,
      heartbeatInterval: 3000,
      // An idle fetch waits this long for messages; stopping waits for it (kafkajs' 5 s made
      // a service with several consumers miss its shutdown deadline).
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
      // Keep trying through a broker restart instead of giving up on the group.
      retry: {
        initialRetryTime: 300,
        maxRetryTime: 5000,
        retries: 10,
        restartOnFailure: async () => true,
      },
    });
    this.consumers.add(consumer);
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      logger.warn({ error: payload.error.message, restart: payload.restart }, 'consumer crashed'),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: [...topicOnBroker.keys()], fromBeginning: true });
    countDeadLettersOf(this.deadLettered, options.group, options.topics);
    let running = true;
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitions ?? 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const keepGoing = () => running && isRunning() && !isStale();
        const topic = topicOnBroker.get(batch.topic) ?? batch.topic;
        const lag = this.partitionLag.labels(options.group, topic, String(batch.partition));
        lag.set(Number(batch.offsetLagLow()));
        let lastDone: KafkaMessage | undefined;
        try {
          for (const message of batch.messages) {
            if (!keepGoing()) break;
            await this.consumeOne(topic, message, options, keepGoing, logger);
            resolveOffset(message.offset);
            lastDone = message;
            await heartbeat();
          }
        } catch (error) {
          if (!(error instanceof DeliveryAbortedError)) throw error;
        } finally {
          // Commit exactly what has been applied; everything after it is redelivered.
          if (lastDone) {
            lag.set(Number(BigInt(batch.highWatermark) - BigInt(lastDone.offset) - 1n));
            await consumer.commitOffsets([
              {
                topic: batch.topic,
                partition: batch.partition,
                offset: (BigInt(lastDone.offset) + 1n).toString(),
              },
            ]);
          }
        }
      },
    });
    return {
      stop: async () => {
        running = false;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    if (this.producer) await (await this.producer).disconnect();
    this.producer = undefined;
  }

  private async consumeOne(
    topic: string,
    message: KafkaMessage,
    options: SubscribeOptions,
    keepGoing: () => boolean,
    logger: Logger,
  ): Promise<void> {
    const outcome = await deliverWithRetries(
      {
        topic,
        value: message.value?.toString('utf8') ?? '',
        headers: stringHeaders(message.headers),
      },
      options,
      this.kind,
      keepGoing,
    );
    if (outcome.ok) return;
    this.deadLettered.inc({ group: options.group, topic, reason: outcome.reason });
    logger.error(
      { topic, offset: message.offset, reason: outcome.reason, error: outcome.error },
      'event dead-lettered',
    );
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.onBroker(deadLetterTopicOf(topic)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          // The event's own headers stay (its trace context), the failure's are added.
          headers: {
            ...message.headers,
            'x-error': outcome.error.slice(0, 2000),
            'x-reason': outcome.reason,
            'x-attempts': String(outcome.attempts),
            'x-group': options.group,
            'x-original-offset': message.offset,
          },
        },
      ],
    });
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Few quick retries: the relay owns the longer back-off and keeps rows pending meanwhile.
        retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 3 },
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }
}

/** The message's headers as text (kafkajs hands over Buffers), the first of a repeated one. */
function stringHeaders(headers: IHeaders | undefined): TraceHeaders {
  const text: TraceHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

/** Until every partition of the topics has a leader (a new topic's metadata lags its creation). */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const led = await admin
      .fetchTopicMetadata({ topics })
      .then(({ topics: found }) =>
        found.every((topic) => topic.partitions.every((partition) => partition.leader >= 0)),
      )
      .catch((error: unknown) => {
        if ((error as { retriable?: boolean }).retriable) return false;
        throw error;
      });
    if (led) return;
    if (Date.now() > deadline) throw new Error(`kafka: no leaders for ${topics.join(', ')}`);
    await sleep(200);
  }
}
