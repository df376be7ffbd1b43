import type { OptionGroup } from '../domain/product.entity.js';

/**
 * Every combination of one value per option group, in group order (색상 × 사이즈 → 블랙/S, 블랙/M,
 * …). A product without option groups has exactly one combination: no options.
 */
export function combinationsOf(groups: readonly OptionGroup[]): Record<string, string>[] {
  let combinations: Record<string, string>[] = [{}];
  for (const group of groups) {
    combinations = combinations.flatMap((partial) =>
      group.values.map((value) => ({ ...partial, [group.name]: value })),
    );
  }
  return combinations;
}

/** The key of a combination within its product: its values in group order. */
export function combinationKey(
  groups: readonly OptionGroup[],
  options: Record<string, string>,
): string {
  return groups.map((group) => options[group.name] ?? '').join(' / ');
}
