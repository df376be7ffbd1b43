import { z } from 'zod';

/** Codes are kept upper-case, so a shopper may type them in any case. */
export function normalisedCode(code: string): string {
  return code.trim().toUpperCase();
}

/** A code a shopper can read out and type: 4 to 20 letters, digits or dashes. */
export const couponCodeSchema = z
  .string()
  .transform(normalisedCode)
  .pipe(z.string().regex(/^[A-Z0-9-]{4,20}$/, '4 to 20 letters, digits or dashes'));
