import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { payloadFields } from '../src/payload-fields.js';

describe('payload fields', () => {
  it('flattens nested objects and arrays into paths with their types in words', () => {
    const schema = z.object({
      orderId: z.uuid(),
      brand: z.object({ id: z.uuid() }).nullable(),
      lines: z.array(z.object({ quantity: z.number().int().positive() })).min(1),
      options: z.record(z.string(), z.string()),
      reason: z.enum(['CUSTOMER', 'ADMIN']),
      void: z.boolean().default(false),
      note: z.string().optional(),
      available: z.number().int(),
    });
    expect(payloadFields(schema)).toEqual([
      { path: 'orderId', type: 'uuid' },
      { path: 'brand', type: 'object or null' },
      { path: 'brand.id', type: 'uuid' },
      { path: 'lines', type: 'array of object (at least 1)' },
      { path: 'lines[].quantity', type: 'integer > 0' },
      { path: 'options', type: 'map of string to string' },
      { path: 'reason', type: 'one of `CUSTOMER`, `ADMIN`' },
      { path: 'void', type: 'boolean, default `false`' },
      { path: 'note', type: 'string, optional' },
      { path: 'available', type: 'integer' },
    ]);
  });
});
