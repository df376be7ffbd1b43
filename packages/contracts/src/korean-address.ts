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
