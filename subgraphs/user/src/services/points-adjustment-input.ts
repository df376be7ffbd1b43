import { z } from 'zod';

/** What an administrator's points adjustment must carry: an amount, a key and a reason in words. */
export const pointsAdjustmentSchema = z.object({
  amount: z
    .number()
    .int()
    .refine((amount) => amount !== 0 && Math.abs(amount) <= 10_000_000, {
      message: 'a non-zero whole number up to 10,000,000',
    }),
  reference: z.string().regex(/^[\w.:-]{1,64}$/, { message: '1–64 letters, digits, . : _ -' }),
  // Shown in the customer's history, so a blank or whitespace-only reason is no reason.
  reason: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
});
