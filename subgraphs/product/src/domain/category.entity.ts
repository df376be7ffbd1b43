import { defineEntity, p } from '@mikro-orm/core';

/** A node of the category tree (두 단계: 의류 > 남성 티셔츠). Products hang off the leaves. */
export const CategorySchema = defineEntity({
  name: 'Category',
  tableName: 'category',
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100),
    slug: p.string().length(100).unique(),
    parentId: p.string().length(36).nullable().index(),
    position: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category);
