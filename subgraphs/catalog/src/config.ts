import { z } from 'zod';

export const catalogConfigSchema = z.looseObject({
  /** The search engine of real runs (`pnpm infra:up` starts one); embedded runs index in memory. */
  SHOP_OPENSEARCH_URL: z.url().default('http://127.0.0.1:19200'),
  /** The alias searches read; reindexing builds a new index behind it and swaps. */
  SHOP_CATALOG_INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'lowercase letters, digits, - and _' })
    .default('catalog-products'),
  /** Listing pages are cached until the next product change, or this long at most; 0 turns it off. */
  SHOP_CATALOG_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  /** Snapshots per page read from product while reindexing. */
  SHOP_CATALOG_REINDEX_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(200),
});

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
