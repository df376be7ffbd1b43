import { z } from 'zod';

export const settlementConfigSchema = z.looseObject({
  /** The PG whose settlement report the books are reconciled against. */
  SHOP_PG_URL: z.url().default('http://127.0.0.1:4192'),
  SHOP_PG_SECRET_KEY: z.string().min(1).default('test_sk_sandbox'),
  /** The shop's commission on a brand's confirmed sales, for brands without a rate of their own. */
  SHOP_COMMISSION_BASIS_POINTS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Days per payout period; periods start on Monday 2026-01-05, so 7 is Monday to Sunday. */
  SHOP_PAYOUT_PERIOD_DAYS: z.coerce.number().int().min(1).max(366).default(7),
});

export type SettlementConfig = z.infer<typeof settlementConfigSchema>;
