import { z } from 'zod';
import { parseInput, type InputIssue } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { BrandCommission } from '../domain/brand-commission.entity.js';

/** 10,000 basis points: the whole amount. */
export const wholeInBasisPoints = 10_000;

/**
 * The commission on `amount` won at `rateBasisPoints`, rounded half down to whole won: a brand is
 * never charged a won it does not owe for a rounding tie.
 */
export function commissionOf(amount: number, rateBasisPoints: number): number {
  if (amount < 0) throw new Error(`commission of a negative amount (${amount})`);
  const scaled = amount * rateBasisPoints;
  const whole = Math.floor(scaled / wholeInBasisPoints);
  return scaled - whole * wholeInBasisPoints > wholeInBasisPoints / 2 ? whole + 1 : whole;
}

const rateInputSchema = z.object({
  brandId: z.uuid(),
  rateBasisPoints: z
    .number()
    .int()
    .min(0, { message: 'at least 0' })
    .max(wholeInBasisPoints, { message: `at most ${wholeInBasisPoints} (100 %)` }),
});

export type SetRateOutcome =
  { kind: 'saved'; value: BrandCommission } | { kind: 'invalid-input'; issues: InputIssue[] };

/** Whether product knows a brand (settlement keeps brand ids only; product owns brands). */
export type BrandExists = (brandId: string) => Promise<boolean>;

/** The shop's commission per brand: set by an admin, else the configured default. */
export class Commissions {
  constructor(
    readonly defaultRateBasisPoints: number,
    private readonly brandExists: BrandExists,
  ) {}

  /** The rate a line is confirmed at now. The shop's own products (no brand) pay none. */
  async rateOf(em: EntityManager, brandId: string | null): Promise<number> {
    if (!brandId) return 0;
    const set = await em.findOne(BrandCommission, { brandId });
    return set?.rateBasisPoints ?? this.defaultRateBasisPoints;
  }

  list(em: EntityManager): Promise<BrandCommission[]> {
    return em.find(BrandCommission, {}, { orderBy: { brandId: 'asc' } });
  }

  /** For lines confirmed from now on: entries already booked keep the rate they were booked at. */
  async setRate(
    em: EntityManager,
    input: { brandId: string; rateBasisPoints: number },
  ): Promise<SetRateOutcome> {
    const parsed = parseInput(rateInputSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    // A rate for a brand nobody has would list a brand the schema cannot resolve.
    if (!(await this.brandExists(parsed.data.brandId)))
      return { kind: 'invalid-input', issues: [{ field: 'brandId', message: 'no such brand' }] };
    const value = await em.upsert(BrandCommission, { ...parsed.data, updatedAt: new Date() });
    return { kind: 'saved', value };
  }
}
