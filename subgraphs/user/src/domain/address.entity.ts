import { defineEntity, p } from '@mikro-orm/core';

/** One entry of a user's address book; at most one is the default. */
export const AddressSchema = defineEntity({
  name: 'Address',
  tableName: 'address',
  properties: {
    id: p.string().length(36).primary(),
    userId: p.string().length(36).index(),
    label: p.string().length(50),
    recipient: p.string().length(100),
    phone: p.string().length(32),
    postalCode: p.string().length(10),
    line1: p.string().length(200),
    line2: p.string().length(200).nullable(),
    isDefault: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Address extends AddressSchema.class {}
AddressSchema.setClass(Address);
