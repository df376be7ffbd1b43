import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { parseInput, type InputIssue } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { Return, returnReasons, type ReturnStatus } from '../domain/return.entity.js';
import type { ReturnDesk } from './return-desk.js';

export const adminRefundSchema = z.object({
  orderId: z.uuid(),
  orderLineId: z.uuid(),
  quantity: z.number().int().min(1).max(1000),
  reason: z.enum(returnReasons),
  /** Made by the admin's page per refund: a retry with it refunds nothing twice. */
  idempotencyKey: z.string().min(8).max(64),
});
export type AdminRefundRequest = z.input<typeof adminRefundSchema>;

export type AdminRefundOutcome =
  | { kind: 'refunded'; ret: Return }
  | { kind: 'invalid-input'; issues: InputIssue[] }
  | { kind: 'not-returnable'; message: string }
  | { kind: 'wrong-status'; status: ReturnStatus };

/**
 * An admin refunds units of one line of a delivered order on the customer's behalf, by the path a
 * customer's return takes: a return is opened (ReturnRequested), approved and taken as collected
 * without a pickup, then received — product restocks the units on ReturnReceived, payment refunds
 * the line's share under the return's key, settlement books it, ReturnRefunded closes it at order
 * and user. No return trip is charged. A retried request finds its return by the key and finishes
 * whatever step is left, so the payment is refunded once.
 */
export class AdminRefunds {
  constructor(private readonly desk: ReturnDesk) {}

  async refundLine(em: EntityManager, input: AdminRefundRequest): Promise<AdminRefundOutcome> {
    const parsed = parseInput(adminRefundSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    const request = parsed.data;
    const opened = await this.openOnce(em, request);
    if (opened.kind !== 'opened') return opened;
    if (opened.ret.orderId !== request.orderId)
      return {
        kind: 'invalid-input',
        issues: [{ field: 'idempotencyKey', message: 'already used for another order' }],
      };
    await this.desk.collectWithoutPickup(em, opened.ret.id);
    const received = await this.desk.receive(em, opened.ret.id);
    if (received.kind === 'not-found') throw new Error(`return ${opened.ret.id} vanished`);
    if (received.kind === 'wrong-status') return received;
    return { kind: 'refunded', ret: received.ret };
  }

  /** The return of this key: the one an earlier try opened, or a new one. */
  private async openOnce(
    em: EntityManager,
    request: z.output<typeof adminRefundSchema>,
  ): Promise<AdminRefundOutcome | { kind: 'opened'; ret: Return }> {
    const earlier = () => em.fork().findOne(Return, { adminRefundKey: request.idempotencyKey });
    const found = await earlier();
    if (found) return { kind: 'opened', ret: found };
    try {
      const outcome = await this.desk.open(
        em.fork(),
        { kind: 'admin', refundKey: request.idempotencyKey },
        {
          orderId: request.orderId,
          type: 'RETURN',
          reason: request.reason,
          lines: [{ orderLineId: request.orderLineId, quantity: request.quantity }],
        },
      );
      if (outcome.kind === 'requested') return { kind: 'opened', ret: outcome.ret };
      // A concurrent try of the same key may have taken the units first: then it is that one.
      const raced = await earlier();
      return raced ? { kind: 'opened', ret: raced } : outcome;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return { kind: 'opened', ret: (await earlier())! };
    }
  }
}
