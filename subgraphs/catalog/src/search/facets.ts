import { facetKey, splitFacetKey } from './catalog-document.js';
import type { FacetCount, ProductFacetCounts, ProductSearchQuery } from './search-index.js';

/**
 * The filters of a search by facet group: a group's counts are taken with every filter but its
 * own, so choosing one brand still shows how many products the other brands have.
 */
export type FacetFilter = 'category' | 'brand' | 'price' | 'inStock' | `option:${string}`;

export const optionFilter = (group: string): FacetFilter => `option:${group}`;

/** Values listed per facet group; the rest of a long tail is left out. */
export const facetValueLimit = 100;

/** Both indexes list facet values alike: most products first, then by label. */
const byCountThenLabel = (a: FacetCount, b: FacetCount) =>
  b.count - a.count || a.label.localeCompare(b.label);

/** Counts keyed `id␟label` (categories, brands) as facet values. */
export function facetValuesOf(counts: Iterable<[key: string, count: number]>): FacetCount[] {
  return [...counts]
    .map(([key, count]) => {
      const [value, label] = splitFacetKey(key);
      return { value, label, count };
    })
    .sort(byCountThenLabel)
    .slice(0, facetValueLimit);
}

/**
 * Counts keyed `group␟value` as option groups, each group placed by its most common value (so
 * the groups that describe most of the matches come first).
 */
export function optionFacetsOf(
  counts: Iterable<[key: string, count: number]>,
): ProductFacetCounts['options'] {
  const values = [...counts]
    .map(([key, count]) => {
      const [group, value] = splitFacetKey(key);
      return { group, value, label: value, count };
    })
    .sort(byCountThenLabel);
  const groups = new Map<string, FacetCount[]>();
  for (const { group, value, label, count } of values) {
    const listed = groups.get(group) ?? [];
    if (listed.length < facetValueLimit) listed.push({ value, label, count });
    groups.set(group, listed);
  }
  return [...groups].map(([name, listed]) => ({ name, values: listed }));
}

/** The option keywords a group filter accepts: any of them matches. */
export const optionKeysOf = (group: { name: string; values: string[] }) =>
  group.values.map((value) => facetKey(group.name, value));

/** The query's option filters, a group named twice taken as one (any of its values). */
export function optionGroupsOf(query: ProductSearchQuery): { name: string; values: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const { name, values } of query.options ?? [])
    groups.set(name, new Set([...(groups.get(name) ?? []), ...values]));
  return [...groups].map(([name, values]) => ({ name, values: [...values] }));
}
