import type { EntityManager } from '@shop/kit/db';
import { LedgerEntry, type LedgerKind } from '../domain/ledger-entry.entity.js';

export interface DailyStatement {
  date: string;
  gross: number;
  productDiscounts: number;
  couponDiscounts: number;
  points: number;
  shipping: number;
  /** What customers were charged: gross − discounts − points + shipping. */
  payments: number;
  refunds: number;
  pgFees: number;
  /** payments − refunds − PG fees. */
  net: number;
}

const sumOf = (entries: LedgerEntry[], kind: LedgerKind) =>
  entries.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.amount, 0);

/** Daily statements from the ledger, for Korean business days `from` to `to` inclusive. */
export async function dailyStatements(
  em: EntityManager,
  from: string,
  to: string,
): Promise<DailyStatement[]> {
  const entries = await em.find(
    LedgerEntry,
    { businessDate: { $gte: from, $lte: to } },
    { orderBy: { businessDate: 'asc' } },
  );
  const days = [...new Set(entries.map((entry) => entry.businessDate))];
  return days.map((date) => {
    const day = entries.filter((entry) => entry.businessDate === date);
    const gross = sumOf(day, 'SALE');
    const productDiscounts = -sumOf(day, 'PRODUCT_DISCOUNT');
    const couponDiscounts = -sumOf(day, 'COUPON_DISCOUNT');
    const points = -sumOf(day, 'POINTS');
    const shipping = sumOf(day, 'SHIPPING');
    const payments = gross - productDiscounts - couponDiscounts - points + shipping;
    const refunds = -sumOf(day, 'REFUND');
    const pgFees = -sumOf(day, 'PG_FEE');
    return {
      date,
      gross,
      productDiscounts,
      couponDiscounts,
      points,
      shipping,
      payments,
      refunds,
      pgFees,
      net: payments - refunds - pgFees,
    };
  });
}
