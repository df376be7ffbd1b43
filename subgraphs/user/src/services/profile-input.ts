import { z } from 'zod';

export const profileUpdateSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(100).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9-]{7,20}$/, { message: 'must be a phone number such as 010-1234-5678' })
      .nullable()
      .optional(),
  })
  .refine((update) => Object.keys(update).length > 0, { message: 'nothing to update' });

export const addressInputSchema = z.object({
  label: z.string().trim().min(1).max(50),
  recipient: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9-]{7,20}$/, { message: 'must be a phone number such as 010-1234-5678' }),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9]{5}$/, { message: 'must be a 5-digit postal code' }),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullable().optional(),
  isDefault: z.boolean().optional(),
});

export type AddressInput = z.infer<typeof addressInputSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || 'input',
    message: issue.message,
  }));
}
