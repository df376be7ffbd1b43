import { z } from 'zod';

export const settlementConfigSchema = z.looseObject({
  /** The PG whose settlement report the books are reconciled against. */
  SHOP_PG_URL: z.url().default('http://127.0.0.1:4192'),
  SHOP_PG_SECRET_KEY: z.string().min(1).default('test_sk_sandbox'),
});
