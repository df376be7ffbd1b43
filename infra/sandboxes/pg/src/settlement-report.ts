import type { SandboxPayment } from './payments.js';

export interface SettlementRow {
  paymentKey: string;
  orderId: string;
  transactionKey: string;
  type: 'PAYMENT' | 'CANCEL';
  /** Signed: cancels are negative. */
  amount: number;
  fee: number;
  payOutAmount: number;
  /** The day of the sale or cancel, in Korea (YYYY-MM-DD). */
  soldDate: string;
}

const seoulDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/** What the PG pays out, row by row, for days from `startDate` to `endDate` inclusive. */
export function settlementReport(
  payments: SandboxPayment[],
  startDate: string,
  endDate: string,
): SettlementRow[] {
  const rows: SettlementRow[] = [];
  for (const payment of payments) {
    if (!payment.approvedAt) continue;
    rows.push({
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      transactionKey: payment.paymentKey,
      type: 'PAYMENT',
      amount: payment.totalAmount,
      fee: payment.fee,
      payOutAmount: payment.totalAmount - payment.fee,
      soldDate: seoulDate(payment.approvedAt),
    });
    for (const cancel of payment.cancels ?? [])
      rows.push({
        paymentKey: payment.paymentKey,
        orderId: payment.orderId,
        transactionKey: cancel.transactionKey,
        type: 'CANCEL',
        amount: -cancel.cancelAmount,
        fee: -cancel.feeRefund,
        payOutAmount: -(cancel.cancelAmount - cancel.feeRefund),
        soldDate: seoulDate(cancel.canceledAt),
      });
  }
  return rows.filter((row) => row.soldDate >= startDate && row.soldDate <= endDate);
}
