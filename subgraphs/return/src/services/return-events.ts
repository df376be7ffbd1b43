import {
  exchangeReshippedEvent,
  returnApprovedEvent,
  returnReceivedEvent,
  returnRefundedEvent,
  returnRejectedEvent,
  returnRequestedEvent,
} from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { ReturnLine } from '../domain/return-line.entity.js';
import type { Return } from '../domain/return.entity.js';

const refOf = (ret: Return) => ({ returnId: ret.id, orderId: ret.orderId, userId: ret.userId });

const linesOf = (tx: EntityManager, returnId: string) =>
  tx.find(ReturnLine, { returnId }, { orderBy: { id: 'asc' } });

/**
 * A return's lifecycle, recorded in the transaction that changes its status (subject: the order,
 * so one order's returns reach every consumer in the order they happened).
 */
export class ReturnEvents {
  constructor(private readonly outbox: Outbox) {}

  async requested(tx: EntityManager, ret: Return): Promise<void> {
    this.outbox.record(tx, {
      type: returnRequestedEvent.type,
      subject: ret.orderId,
      data: {
        ...refOf(ret),
        type: ret.type,
        reason: ret.reason,
        lines: (await linesOf(tx, ret.id)).map((line) => ({
          orderLineId: line.orderLineId,
          skuId: line.skuId,
          quantity: line.quantity,
        })),
        requestedAt: ret.createdAt.toISOString(),
      },
    });
  }

  rejected(tx: EntityManager, ret: Return): void {
    this.outbox.record(tx, {
      type: returnRejectedEvent.type,
      subject: ret.orderId,
      data: { ...refOf(ret), rejectedAt: new Date().toISOString() },
    });
  }

  approved(tx: EntityManager, ret: Return): void {
    this.outbox.record(tx, {
      type: returnApprovedEvent.type,
      subject: ret.orderId,
      data: { ...refOf(ret), approvedAt: new Date().toISOString() },
    });
  }

  async received(tx: EntityManager, ret: Return): Promise<void> {
    this.outbox.record(tx, {
      type: returnReceivedEvent.type,
      subject: ret.orderId,
      data: {
        ...refOf(ret),
        lines: (await linesOf(tx, ret.id)).map((line) => ({
          orderLineId: line.orderLineId,
          skuId: line.skuId,
          quantity: line.quantity,
        })),
        receivedAt: new Date().toISOString(),
      },
    });
  }

  async refunded(tx: EntityManager, ret: Return): Promise<void> {
    const lines = await linesOf(tx, ret.id);
    this.outbox.record(tx, {
      type: returnRefundedEvent.type,
      subject: ret.orderId,
      data: {
        ...refOf(ret),
        refundedAmount: ret.refundedAmount,
        pointsReturned: lines.reduce((sum, line) => sum + line.pointsAmount, 0),
        returnFee: lines.reduce((sum, line) => sum + line.refundAmount, 0) - ret.refundedAmount,
        lines: lines.map((line) => ({
          orderLineId: line.orderLineId,
          brandId: line.brandId ?? null,
          quantity: line.quantity,
          refundAmount: line.refundAmount,
          pointsAmount: line.pointsAmount,
        })),
        refundedAt: (ret.closedAt ?? new Date()).toISOString(),
      },
    });
  }

  async reshipped(tx: EntityManager, ret: Return): Promise<void> {
    this.outbox.record(tx, {
      type: exchangeReshippedEvent.type,
      subject: ret.orderId,
      data: {
        ...refOf(ret),
        trackingNumber: ret.reshipTrackingNumber!,
        lines: (await linesOf(tx, ret.id)).map((line) => ({
          orderLineId: line.orderLineId,
          skuId: line.exchangeSkuId!,
          quantity: line.quantity,
        })),
        reshippedAt: (ret.closedAt ?? new Date()).toISOString(),
      },
    });
  }
}
