import { z } from 'zod';
import { koreanAddressSchema, phoneNumberSchema } from '@shop/contracts';

export const profileUpdateSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(100).optional(),
    phone: phoneNumberSchema.nullable().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, { message: 'nothing to update' });

export const addressInputSchema = koreanAddressSchema.extend({
  label: z.string().trim().min(1).max(50),
  isDefault: z.boolean().optional(),
});

export type AddressInput = z.infer<typeof addressInputSchema>;
