import { z } from 'zod';
import { parseInput, type ParsedInput } from '@shop/kit';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }));

/** NIST SP 800-63B: length over composition rules; the upper bound keeps hashing cheap to refuse. */
export const newPasswordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(128, { message: 'must be at most 128 characters' });

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(100);

const signUpInputSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: displayNameSchema,
});

export const parseSignUp = (input: unknown): ParsedInput<z.infer<typeof signUpInputSchema>> =>
  parseInput(signUpInputSchema, input);
