import { z } from 'zod';

/** A Korean phone number as people type it: 010-1234-5678, 02-123-4567, +82…. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9-]{7,20}$/, { message: 'must be a phone number such as 010-1234-5678' });

/** The 5-digit postal code (우편번호). */
export const postalCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{5}$/, { message: 'must be a 5-digit postal code' });

/**
 * Where a parcel goes, as order keeps it and user's address book stores it (one rule for both):
 * recipient, phone, postal code, the street line and an optional detail line ('' is none).
 */
export const koreanAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(100),
  phone: phoneNumberSchema,
  postalCode: postalCodeSchema,
  line1: z.string().trim().min(1).max(200),
  line2: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((line) => line || null),
});
export type KoreanAddress = z.infer<typeof koreanAddressSchema>;
