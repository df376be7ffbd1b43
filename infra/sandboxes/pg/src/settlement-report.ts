import type { Payment } from './payments.js';
import { seoulDate } from './seoul-time.js';

export interface SettlementRow {
  paymentKey: string;
  orderId: string;
  transactionKey: string;
  type: 'PAYMENT' | 'CANCEL';
  /** Signed: a cancel is negative. */
  amount: number;
  /** The PG's fee, signed like the amount: a cancel gives fee back. */
  fee: number;
  /** What the PG pays the shop for this row: `amount - fee`. */
  payOutAmount: number;
  /** The day of the sale or the cancel in Korea (YYYY-MM-DD). */
  soldDate: string;
}

/**
 * The PG's fee on what stays charged: 3.3 % (3 % plus VAT), rounded to the won. A cancel gives
 * back the difference between the fee before and after it, so the fee follows the cancelled share
 * and a fully cancelled payment costs nothing, with integers all the way.
 */
export function pgFeeOf(chargedAmount: number): number {
  return Math.round((chargedAmount * 33) / 1000);
}

interface DatedRow {
  at: Date;
  row: SettlementRow;
}

function rowsOf(payment: Payment): DatedRow[] {
  if (!payment.approvedAt || !payment.approvalTransactionKey) return [];
  const dated = (
    at: Date,
    type: SettlementRow['type'],
    transactionKey: string,
    amount: number,
    fee: number,
  ): DatedRow => ({
    at,
    row: {
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      transactionKey,
      type,
      amount,
      fee,
      payOutAmount: amount - fee,
      soldDate: seoulDate(at),
    },
  });
  const rows = [
    dated(
      payment.approvedAt,
      'PAYMENT',
      payment.approvalTransactionKey,
      payment.totalAmount,
      pgFeeOf(payment.totalAmount),
    ),
  ];
  let chargedBefore = payment.totalAmount;
  for (const cancel of payment.cancels) {
    const feeBack = pgFeeOf(cancel.refundableAmount) - pgFeeOf(chargedBefore);
    rows.push(
      dated(cancel.canceledAt, 'CANCEL', cancel.transactionKey, -cancel.cancelAmount, feeBack),
    );
    chargedBefore = cancel.refundableAmount;
  }
  return rows;
}

/** What the PG pays out, a row per sale and per cancel on the days `startDate`..`endDate`. */
export function settlementReport(
  payments: Payment[],
  startDate: string,
  endDate: string,
): SettlementRow[] {
  return payments
    .flatMap(rowsOf)
    .filter(({ row }) => row.soldDate >= startDate && row.soldDate <= endDate)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ row }) => row);
}
