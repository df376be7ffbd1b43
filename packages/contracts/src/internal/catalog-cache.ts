/**
 * Where catalog keeps its listing generation: a new value every time a product change is visible
 * in the search index. The router keys its cached listing responses by it, so a response built
 * before a change is never served after it (shared cache namespace `prefix`, entry `key`).
 */
export const listingGeneration = { prefix: 'catalog', key: 'listing:generation' } as const;
