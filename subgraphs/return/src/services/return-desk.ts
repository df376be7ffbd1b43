import { randomUUID } from 'node:crypto';
import { raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { parseInput, type InputIssue, type Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { crashPoint } from '@shop/kit/ops';
import { ReturnLine } from '../domain/return-line.entity.js';
import { Return, returnReasons, type ReturnStatus } from '../domain/return.entity.js';
import { ReturnableLine } from '../domain/returnable-line.entity.js';
import type { ReturnCollaborators } from './collaborators.js';
import type { ReturnEvents } from './return-events.js';

export const returnRequestSchema = z.object({
  orderId: z.uuid(),
  type: z.enum(['RETURN', 'EXCHANGE']),
  reason: z.enum(returnReasons),
  lines: z
    .array(
      z.object({
        orderLineId: z.uuid(),
        quantity: z.number().int().min(1).max(1000),
        exchangeSkuId: z.uuid().nullish(),
      }),
    )
    .min(1)
    .max(50),
});
export type ReturnRequest = z.input<typeof returnRequestSchema>;

export type RequestOutcome =
  | { kind: 'requested'; ret: Return }
  | { kind: 'invalid-input'; issues: InputIssue[] }
  | { kind: 'not-returnable'; message: string };

export type StepOutcome =
  | { kind: 'done'; ret: Return }
  | { kind: 'wrong-status'; status: ReturnStatus }
  | { kind: 'not-found' };

/** Delivered and not yet wholly returned: confirmed or not, some units may come back. */
const returnableStatuses = new Set(['DELIVERED', 'PARTIALLY_RETURNED', 'COMPLETED']);

class UnitsTaken extends Error {
  constructor(readonly index: number) {
    super('units already being returned');
  }
}

const invalid = (field: string, message: string): RequestOutcome => ({
  kind: 'invalid-input',
  issues: [{ field, message }],
});

/**
 * Who opens a return: the customer, for their own order; or an admin on the customer's behalf,
 * under a key a retry brings again, with no return trip charged (no pickup is booked).
 */
export type Requester = { kind: 'customer'; userId: string } | { kind: 'admin'; refundKey: string };

/** Records the event of a status change, in the transaction that made it. */
type Announce = (tx: EntityManager, ret: Return) => void | Promise<void>;

/**
 * Returns and exchanges. The refund of a line is its paid amount in proportion to the quantity
 * returned (the last units of a line take what is left, so a line never refunds more than it
 * cost); a customer who changed their mind pays the return trip (deducted from the refund), a
 * defective or wrong item comes back free. Receiving a return is one conditional status change,
 * so of many concurrent receipts one refunds — and payment refunds once per return anyway.
 *
 * The refund is asked of payment by REST, as the seed has it; everything that follows a return
 * (the order's returned lines, the restock, the points) follows its events.
 */
export class ReturnDesk {
  constructor(
    private readonly deps: {
      collaborators: ReturnCollaborators;
      outbox: Outbox;
      events: ReturnEvents;
      shippingFee: number;
      logger: Logger;
    },
  ) {}

  async request(em: EntityManager, userId: string, input: ReturnRequest): Promise<RequestOutcome> {
    return this.open(em, { kind: 'customer', userId }, input);
  }

  async open(
    em: EntityManager,
    requester: Requester,
    input: ReturnRequest,
  ): Promise<RequestOutcome> {
    const parsed = parseInput(returnRequestSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    const request = parsed.data;
    const order = await this.deps.collaborators.order(request.orderId);
    if (!order || (requester.kind === 'customer' && order.userId !== requester.userId))
      return invalid('orderId', 'no such order');
    if (!returnableStatuses.has(order.status))
      return {
        kind: 'not-returnable',
        message: `Only delivered orders can be returned; this one is ${order.status}.`,
      };

    const earlier = await em.find(ReturnLine, {
      orderLineId: { $in: order.lines.map((line) => line.lineId) },
    });
    const open = await em.find(Return, {
      id: { $in: earlier.map((line) => line.returnId) },
      status: { $ne: 'REJECTED' },
    });
    const counted = earlier.filter((line) => open.some((ret) => ret.id === line.returnId));
    const drafts: Omit<ReturnLine, 'id' | 'returnId'>[] = [];
    for (const [index, wanted] of request.lines.entries()) {
      const line = order.lines.find((candidate) => candidate.lineId === wanted.orderLineId);
      if (!line) return invalid(`lines.${index}.orderLineId`, 'not a line of this order');
      const before = counted.filter((returned) => returned.orderLineId === line.lineId);
      const returnedQuantity = before.reduce((sum, returned) => sum + returned.quantity, 0);
      if (returnedQuantity + wanted.quantity > line.quantity)
        return invalid(
          `lines.${index}.quantity`,
          `only ${line.quantity - returnedQuantity} left to return`,
        );
      if (request.type === 'EXCHANGE') {
        const replacement =
          wanted.exchangeSkuId && (await this.deps.collaborators.sku(wanted.exchangeSkuId));
        if (!replacement || replacement.productId !== line.productId || !replacement.sellable)
          return invalid(
            `lines.${index}.exchangeSkuId`,
            'an exchange needs another SKU of the same product, on sale',
          );
      }
      const lastUnits = returnedQuantity + wanted.quantity === line.quantity;
      // The last units of a line take what is left, so a line never gives back more than it cost.
      const share = (total: number, taken: number) =>
        lastUnits ? total - taken : Math.floor((total * wanted.quantity) / line.quantity);
      const refundAmount = share(
        line.paidAmount,
        before.reduce((sum, r) => sum + r.refundAmount, 0),
      );
      const pointsAmount = share(
        line.pointsUsed,
        before.reduce((sum, r) => sum + r.pointsAmount, 0),
      );
      drafts.push({
        orderLineId: line.lineId,
        brandId: line.brandId,
        skuId: line.skuId,
        quantity: wanted.quantity,
        refundAmount: request.type === 'RETURN' ? refundAmount : 0,
        pointsAmount: request.type === 'RETURN' ? pointsAmount : 0,
        exchangeSkuId: request.type === 'EXCHANGE' ? wanted.exchangeSkuId! : null,
      });
    }
    let ret: Return;
    try {
      ret = await this.record(em, order.userId, requester, request, drafts, order.lines);
    } catch (error) {
      if (error instanceof UnitsTaken)
        return invalid(`lines.${error.index}.quantity`, 'already being returned');
      throw error;
    }
    return { kind: 'requested', ret };
  }

  /**
   * The return and its lines, each line's units claimed by a conditional update. The lines'
   * counters exist before the transaction: a duplicate insert inside it would leave racing
   * requests holding shared locks that their updates then deadlock on (MySQL).
   */
  private async record(
    em: EntityManager,
    userId: string,
    requester: Requester,
    request: z.output<typeof returnRequestSchema>,
    drafts: Omit<ReturnLine, 'id' | 'returnId'>[],
    orderLines: { lineId: string; quantity: number }[],
  ): Promise<Return> {
    const orderedOf = (draft: Omit<ReturnLine, 'id' | 'returnId'>) =>
      orderLines.find((line) => line.lineId === draft.orderLineId)!.quantity;
    for (const draft of drafts) await this.track(em.fork(), draft.orderLineId, orderedOf(draft));
    return this.deps.outbox.transaction(em.fork(), async (tx) => {
      for (const [index, draft] of drafts.entries()) {
        const ordered = orderedOf(draft);
        const claimed = await tx.nativeUpdate(
          ReturnableLine,
          { orderLineId: draft.orderLineId, returned: { $lte: ordered - draft.quantity } },
          { returned: raw(`returned + ${draft.quantity}`) },
        );
        if (claimed !== 1) throw new UnitsTaken(index);
      }
      const created = tx.create(Return, {
        id: randomUUID(),
        orderId: request.orderId,
        userId,
        type: request.type,
        reason: request.reason,
        shippingFee:
          requester.kind === 'customer' &&
          request.type === 'RETURN' &&
          request.reason === 'CHANGED_MIND'
            ? this.deps.shippingFee
            : 0,
        adminRefundKey: requester.kind === 'admin' ? requester.refundKey : null,
      });
      tx.persist(created);
      for (const draft of drafts)
        tx.persist(tx.create(ReturnLine, { ...draft, returnId: created.id }));
      await tx.flush();
      await this.deps.events.requested(tx, created);
      return created;
    });
  }

  /** The line's counter, created on its first return request (a racing creator is fine). */
  private async track(em: EntityManager, orderLineId: string, ordered: number): Promise<void> {
    if (await em.findOne(ReturnableLine, { orderLineId })) return;
    try {
      await em.insert(ReturnableLine, { orderLineId, ordered, returned: 0 });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }

  /** Rejected: its units may be asked back again. */
  async reject(em: EntityManager, returnId: string): Promise<StepOutcome> {
    return this.deps.outbox.transaction(em.fork(), async (tx): Promise<StepOutcome> => {
      const changed = await tx.nativeUpdate(
        Return,
        { id: returnId, status: 'REQUESTED' },
        { status: 'REJECTED', closedAt: new Date() },
      );
      const current = await tx.findOne(Return, { id: returnId });
      if (changed === 1 && current) {
        for (const line of await tx.find(ReturnLine, { returnId }))
          await tx.nativeUpdate(
            ReturnableLine,
            { orderLineId: line.orderLineId },
            { returned: raw(`returned - ${line.quantity}`) },
          );
        this.deps.events.rejected(tx, current);
      }
      if (!current) return { kind: 'not-found' };
      return changed === 1
        ? { kind: 'done', ret: current }
        : { kind: 'wrong-status', status: current.status };
    });
  }

  /** Approved: a pickup is booked with the carrier. */
  async approve(em: EntityManager, returnId: string): Promise<StepOutcome> {
    const approved = await this.step(em, returnId, 'REQUESTED', 'APPROVED', {}, (tx, ret) =>
      this.deps.events.approved(tx, ret),
    );
    if (approved.kind !== 'done') return approved;
    crashPoint('return.approve.approved');
    return this.bookPickup(em, returnId);
  }

  /**
   * An admin's refund: the goods came back to the shop by other means, so the return is approved
   * and taken as collected with no pickup booked (receiving it then restocks and refunds). Each step is conditional, so
   * repeating it after either step changes nothing.
   */
  async collectWithoutPickup(em: EntityManager, returnId: string): Promise<StepOutcome> {
    await this.step(em, returnId, 'REQUESTED', 'APPROVED', {}, (tx, ret) =>
      this.deps.events.approved(tx, ret),
    );
    return this.step(em, returnId, 'APPROVED', 'COLLECTING', {});
  }

  /** The carrier's parcel is keyed by the return, so booking again finds the same pickup. */
  private async bookPickup(em: EntityManager, returnId: string): Promise<StepOutcome> {
    const pickup = await this.deps.collaborators.registerParcel(`pickup-${returnId}`);
    return this.step(em, returnId, 'APPROVED', 'COLLECTING', { pickupTrackingNumber: pickup });
  }

  /**
   * Recovery: returns left APPROVED (no pickup booked) or RECEIVED (not yet refunded or
   * refunded) by a process that died are finished the way it would have; every effect is keyed
   * by the return, so racing a live request changes nothing twice.
   */
  async resumeStale(em: EntityManager, staleAfterMs: number, now = new Date()): Promise<number> {
    const stale = await em.fork().find(
      Return,
      {
        status: { $in: ['APPROVED', 'RECEIVED'] },
        updatedAt: { $lt: new Date(now.getTime() - staleAfterMs) },
      },
      { limit: 50, orderBy: { updatedAt: 'asc' } },
    );
    let resumed = 0;
    for (const ret of stale) {
      try {
        if (ret.status === 'APPROVED') await this.bookPickup(em, ret.id);
        else await this.receive(em, ret.id);
        resumed++;
      } catch (error) {
        // One that cannot finish yet (a service down, no replacement in stock) keeps the others
        // moving; it is tried again next time.
        this.deps.logger.warn({ err: error, returnId: ret.id }, 'return not finished yet');
      }
    }
    return resumed;
  }

  /**
   * The warehouse has it: ReturnReceived puts the units back on the shelf (product follows it), a
   * return is refunded, an exchange's replacement ships. Every effect is idempotent per return, so
   * a receipt that stopped halfway (a service was down) is finished by receiving it again, and
   * concurrent receipts refund once.
   */
  async receive(em: EntityManager, returnId: string): Promise<StepOutcome> {
    await this.step(em, returnId, 'COLLECTING', 'RECEIVED', {}, (tx, ret) =>
      this.deps.events.received(tx, ret),
    );
    const ret = await em.fork().findOne(Return, { id: returnId });
    if (!ret) return { kind: 'not-found' };
    if (ret.status === 'REFUNDED' || ret.status === 'RESHIPPED') return { kind: 'done', ret };
    if (ret.status !== 'RECEIVED') return { kind: 'wrong-status', status: ret.status };
    const lines = await em.fork().find(ReturnLine, { returnId });
    const { collaborators } = this.deps;
    crashPoint('return.receive.received');
    if (ret.type === 'RETURN') {
      const refund = Math.max(
        lines.reduce((sum, line) => sum + line.refundAmount, 0) - ret.shippingFee,
        0,
      );
      if (refund > 0)
        await collaborators.refund(
          ret.orderId,
          returnId,
          refund,
          lines.map((line) => ({
            lineId: line.orderLineId,
            brandId: line.brandId ?? null,
            amount: line.refundAmount,
          })),
        );
      crashPoint('return.receive.refunded');
      return this.finish(em, returnId, 'REFUNDED', { refundedAmount: refund }, (tx, closed) =>
        this.deps.events.refunded(tx, closed),
      );
    }
    const replacements = lines.map((line) => ({
      skuId: line.exchangeSkuId!,
      quantity: line.quantity,
    }));
    if (!(await collaborators.takeReplacement(returnId, replacements)))
      throw new Error(
        `no stock for the replacement of return ${returnId}; restock it and receive again`,
      );
    const parcel = await collaborators.registerParcel(`exchange-${returnId}`);
    return this.finish(em, returnId, 'RESHIPPED', { reshipTrackingNumber: parcel }, (tx, closed) =>
      this.deps.events.reshipped(tx, closed),
    );
  }

  private async finish(
    em: EntityManager,
    returnId: string,
    to: 'REFUNDED' | 'RESHIPPED',
    fields: Partial<Pick<Return, 'reshipTrackingNumber' | 'refundedAmount'>>,
    announce: Announce,
  ): Promise<StepOutcome> {
    await this.step(em, returnId, 'RECEIVED', to, { ...fields, closedAt: new Date() }, announce);
    const ret = await em.fork().findOneOrFail(Return, { id: returnId });
    return ret.status === to ? { kind: 'done', ret } : { kind: 'wrong-status', status: ret.status };
  }

  private async step(
    em: EntityManager,
    returnId: string,
    from: ReturnStatus,
    to: ReturnStatus,
    fields: Partial<
      Pick<Return, 'pickupTrackingNumber' | 'reshipTrackingNumber' | 'refundedAmount' | 'closedAt'>
    >,
    announce?: Announce,
  ): Promise<StepOutcome> {
    const changed = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const moved = await tx.nativeUpdate(
        Return,
        { id: returnId, status: from },
        { status: to, ...fields, updatedAt: new Date() },
      );
      if (moved === 1 && announce)
        await announce(tx, await tx.findOneOrFail(Return, { id: returnId }, { refresh: true }));
      return moved;
    });
    const current = await em.fork().findOne(Return, { id: returnId });
    if (!current) return { kind: 'not-found' };
    return changed === 1
      ? { kind: 'done', ret: current }
      : { kind: 'wrong-status', status: current.status };
  }
}
