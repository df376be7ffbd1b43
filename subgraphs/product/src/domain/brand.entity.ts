import { defineEntity, p } from '@mikro-orm/core';

export const BrandSchema = defineEntity({
  name: 'Brand',
  tableName: 'brand',
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100),
    slug: p.string().length(100).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Brand extends BrandSchema.class {}
BrandSchema.setClass(Brand);
