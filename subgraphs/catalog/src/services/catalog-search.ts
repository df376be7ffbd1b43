import { GraphQLError } from 'graphql';
import { z } from 'zod';
import {
  InvalidCursor,
  productSorts,
  type CatalogDocument,
  type ProductSearchPage,
  type ProductSearchQuery,
  type SearchIndex,
} from '../search/index.js';
import type { ListingCache } from './listing-cache.js';

const searchSchema = z.object({
  text: z.string().trim().max(100).nullish(),
  categoryId: z.uuid().nullish(),
  brandIds: z.array(z.uuid()).max(50).nullish(),
  options: z
    .array(
      z.object({
        name: z.string().min(1).max(30),
        values: z.array(z.string().max(50)).min(1).max(50),
      }),
    )
    .max(10)
    .nullish(),
  minPrice: z.number().int().min(0).nullish(),
  maxPrice: z.number().int().min(0).nullish(),
  inStockOnly: z.boolean().nullish(),
  sort: z.enum(productSorts).nullish(),
  first: z.number().int().min(1).max(100),
  after: z.string().max(1000).nullish(),
});

export type SearchArguments = z.input<typeof searchSchema>;

/** A listing entry as GraphQL serves it: the index's flat document, shaped like Product. */
export function listedProduct(document: CatalogDocument) {
  return {
    id: document.id,
    name: document.name,
    thumbnail: document.thumbnail,
    minPrice: document.minPrice,
    maxPrice: document.maxPrice,
    inStock: document.inStock,
    brand: document.brandId ? { id: document.brandId, name: document.brandName ?? '' } : null,
    category: document.categoryId
      ? { id: document.categoryId, name: document.categoryName ?? '' }
      : null,
  };
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Searches through the listing cache; what the catalog's `products` query runs. */
export class CatalogSearch {
  constructor(
    private readonly index: SearchIndex,
    private readonly listings: ListingCache,
  ) {}

  async search(args: SearchArguments): Promise<ProductSearchPage> {
    const parsed = searchSchema.safeParse(args);
    if (!parsed.success)
      throw badInput(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    const input = parsed.data;
    const query: ProductSearchQuery = {
      text: input.text || undefined,
      categoryId: input.categoryId ?? undefined,
      brandIds: input.brandIds ?? undefined,
      options: input.options ?? undefined,
      minPrice: input.minPrice ?? undefined,
      maxPrice: input.maxPrice ?? undefined,
      inStockOnly: input.inStockOnly ?? undefined,
      sort: input.sort ?? 'RELEVANCE',
      first: input.first,
      after: input.after ?? undefined,
    };
    try {
      return await this.listings.getOrLoad(query, () => this.index.search(query));
    } catch (error) {
      if (error instanceof InvalidCursor) throw badInput('after: not a cursor of this search');
      throw error;
    }
  }

  suggest(prefix: string, limit: number): Promise<string[]> {
    const trimmed = prefix.trim();
    if (trimmed.length === 0) return Promise.resolve([]);
    if (trimmed.length > 50) throw badInput('prefix: at most 50 characters');
    return this.listings.getOrLoad({ suggest: trimmed, limit }, () =>
      this.index.autocomplete(trimmed, Math.min(Math.max(limit, 1), 20)),
    );
  }
}
