import type { EventContract, EventEnvelope } from '@shop/contracts';
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import { UnparseablePayloadError } from './deliver.js';
import type { EventContext, EventHandler } from './transport.js';

/** An event's payload as its contract's schema parses it. */
export type EventData<Contract extends EventContract> = z.output<Contract['data']>;

/** One event a consumer takes, and what it does with the event's payload. */
export interface EventSubscription<Contract extends EventContract, Context = EventContext> {
  readonly contract: Contract;
  readonly handler: (data: EventData<Contract>, context: Context) => Promise<void>;
}

/** Subscribes to `contract`'s event: `handler` is handed its payload, parsed by the contract. */
export function on<Contract extends EventContract, Context = EventContext>(
  contract: Contract,
  handler: (data: EventData<Contract>, context: Context) => Promise<void>,
): EventSubscription<Contract, Context> {
  return { contract, handler };
}

/** A subscription to any event that is handed `Context`: what a consumer is made of. */
export interface SubscriptionTaking<Context> {
  readonly contract: EventContract;
  readonly handler: (data: never, context: Context) => Promise<void>;
}

/** The contracts of a list of subscriptions, in its order. */
export type ContractsOf<Subscriptions extends readonly SubscriptionTaking<never>[]> = {
  readonly [I in keyof Subscriptions]: Subscriptions[I]['contract'];
};

/**
 * One consumer of a service: the events of its subscriptions, which its `events.consumes` entry
 * declares in the same order, and the transport handler that serves them.
 */
export interface EventConsumer<
  Contracts extends readonly EventContract[] = readonly EventContract[],
> {
  readonly contracts: Contracts;
  /**
   * The handler of consumer group `group`, which also names the consumer's inbox; what it counts
   * goes to the process's `metricsRegistry`.
   */
  handlerFor(group: string, metricsRegistry: Registry): EventHandler;
}

/**
 * A consumer of `subscriptions`, whose handler finds the subscription each event is for and
 * parses the event's payload with that subscription's contract before `run` hands it on. An event
 * none of them takes passes by; a payload the contract refuses is an `UnparseablePayloadError`,
 * which the transport parks without retrying.
 */
export function consumerOf<Context, Subscriptions extends readonly SubscriptionTaking<Context>[]>(
  subscriptions: Subscriptions,
  run: (
    handle: (context: Context) => Promise<void>,
    delivery: {
      group: string;
      metricsRegistry: Registry;
      event: EventEnvelope;
      context: EventContext;
    },
  ) => Promise<void>,
): EventConsumer<ContractsOf<Subscriptions>> {
  const byType = new Map<string, SubscriptionTaking<Context>>();
  for (const subscription of subscriptions) {
    const { type } = subscription.contract;
    if (byType.has(type)) throw new Error(`a consumer subscribes to ${type} twice`);
    byType.set(type, subscription);
  }
  return {
    contracts: subscriptions.map(({ contract }) => contract) as ContractsOf<Subscriptions>,
    handlerFor: (group, metricsRegistry) => async (event, context) => {
      const subscription = byType.get(event.type);
      if (!subscription) return;
      const parsed = subscription.contract.data.safeParse(event.data);
      if (!parsed.success)
        throw new UnparseablePayloadError(
          `${event.type} payload does not match its contract: ${parsed.error.message}`,
        );
      // The contract's own schema parsed it: it is the data its subscription's handler takes.
      await run((given) => subscription.handler(parsed.data as never, given), {
        group,
        metricsRegistry,
        event,
        context,
      });
    },
  };
}

/**
 * A consumer without an inbox, for subscriptions that are idempotent by themselves. One consumer
 * for several events keeps them in one group, so their order per key holds across them.
 */
export function eventConsumer<
  const Subscriptions extends readonly SubscriptionTaking<EventContext>[],
>(...subscriptions: Subscriptions): EventConsumer<ContractsOf<Subscriptions>> {
  return consumerOf<EventContext, Subscriptions>(subscriptions, (handle, { context }) =>
    handle(context),
  );
}
