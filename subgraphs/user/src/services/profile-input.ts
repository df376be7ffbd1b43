import { z } from 'zod';
import { phoneNumberSchema, postalCodeSchema } from '@shop/contracts';

export const profileUpdateSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(100).optional(),
    phone: phoneNumberSchema.nullable().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, { message: 'nothing to update' });

export const addressInputSchema = z.object({
  label: z.string().trim().min(1).max(50),
  recipient: z.string().trim().min(1).max(100),
  phone: phoneNumberSchema,
  postalCode: postalCodeSchema,
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullable().optional(),
  isDefault: z.boolean().optional(),
});

export type AddressInput = z.infer<typeof addressInputSchema>;
