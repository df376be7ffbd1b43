import { byIdLoader, type EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Payment } from '../domain/payment.entity.js';

/** One query per request however many payments an `_entities` call names. */
export function createPaymentLoaders(em: EntityManager) {
  return { payment: byIdLoader(em, Payment) };
}

export type PaymentContext = SubgraphContext<ReturnType<typeof createPaymentLoaders>>;
