import type { EntityManager } from '@shop/kit/db';
import { LedgerEntry, type LedgerKind } from '../domain/ledger-entry.entity.js';

/** What was sold: list prices and what reduced them, as positive amounts. */
interface SalesFigures {
  gross: number;
  productDiscounts: number;
  couponDiscounts: number;
  points: number;
}

export interface DailyStatement extends SalesFigures {
  date: string;
  shipping: number;
  /** Charges the PG took that paid no order; their voids are in refunds. */
  unsoldCharges: number;
  /** What customers were charged: gross − discounts − points + shipping + unsold charges. */
  payments: number;
  /** What customers were given back (the PG's refunds): net of the return fees kept. */
  refunds: number;
  /** What returns kept of the returned lines' value for the return trip. */
  returnFees: number;
  pgFees: number;
  /** payments − refunds − PG fees. */
  net: number;
}

/**
 * A brand's lines on one day; shipping, return fees, unsold charges (and their voids) and PG fees
 * are the shop's, not a brand's.
 */
export interface BrandStatement extends SalesFigures {
  date: string;
  /** Null: products without a brand. */
  brandId: string | null;
  /** What customers were charged for the brand's lines: gross − discounts − points. */
  sales: number;
  /** The value of the brand's lines given back. */
  refunds: number;
  /** sales − refunds. */
  net: number;
}

type Sums = (kind: LedgerKind) => number;

function sumsOf(entries: LedgerEntry[]): Sums {
  const byKind = new Map<LedgerKind, number>();
  for (const entry of entries) byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + entry.amount);
  return (kind) => byKind.get(kind) ?? 0;
}

function salesFigures(sum: Sums): SalesFigures & { charged: number } {
  const figures = {
    gross: sum('SALE'),
    productDiscounts: -sum('PRODUCT_DISCOUNT'),
    couponDiscounts: -sum('COUPON_DISCOUNT'),
    points: -sum('POINTS'),
  };
  return {
    ...figures,
    charged: figures.gross - figures.productDiscounts - figures.couponDiscounts - figures.points,
  };
}

function groupBy<K>(
  entries: LedgerEntry[],
  keyOf: (entry: LedgerEntry) => K,
): Map<K, LedgerEntry[]> {
  const groups = new Map<K, LedgerEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

const entriesBetween = (em: EntityManager, from: string, to: string) =>
  em.find(
    LedgerEntry,
    { businessDate: { $gte: from, $lte: to } },
    { orderBy: { businessDate: 'asc' } },
  );

/** Daily statements from the ledger, for Korean business days `from` to `to` inclusive. */
export async function dailyStatements(
  em: EntityManager,
  from: string,
  to: string,
): Promise<DailyStatement[]> {
  const days = groupBy(await entriesBetween(em, from, to), (entry) => entry.businessDate);
  return [...days].map(([date, entries]) => {
    const sum = sumsOf(entries);
    const { charged, ...sales } = salesFigures(sum);
    // An unsold charge is money the PG took, so it is in payments (not in gross: nothing was sold),
    // and its void, a REFUND, in refunds: payments and refunds are the PG's, and net is unchanged.
    const payments = charged + sum('SHIPPING') + sum('UNSOLD_CHARGE');
    const refunds = -sum('REFUND') - sum('RETURN_FEE');
    const pgFees = -sum('PG_FEE');
    return {
      date,
      ...sales,
      shipping: sum('SHIPPING'),
      unsoldCharges: sum('UNSOLD_CHARGE'),
      payments,
      refunds,
      returnFees: sum('RETURN_FEE'),
      pgFees,
      net: payments - refunds - pgFees,
    };
  });
}

/** Each brand's day, for days `from` to `to` inclusive; a brand with nothing that day is left out. */
export async function brandStatements(
  em: EntityManager,
  from: string,
  to: string,
): Promise<BrandStatement[]> {
  // Only entries of a line: an unsold charge and its void have none, as they sold no brand's goods.
  const lines = (await entriesBetween(em, from, to)).filter((entry) => entry.lineId);
  const groups = groupBy(lines, (entry) => `${entry.businessDate} ${entry.brandId ?? ''}`);
  return [...groups.values()].map((entries) => {
    const sum = sumsOf(entries);
    const { charged, ...sales } = salesFigures(sum);
    const refunds = -sum('REFUND');
    return {
      date: entries[0]!.businessDate,
      brandId: entries[0]!.brandId ?? null,
      ...sales,
      sales: charged,
      refunds,
      net: charged - refunds,
    };
  });
}
