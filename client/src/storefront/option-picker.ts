import type { ProductDetailQuery } from '../graphql/generated';

type Sku = NonNullable<ProductDetailQuery['product']>['skus'][number];
export type Selection = Record<string, string>;

const valueOf = (sku: Sku, group: string) =>
  sku.options.find((option) => option.name === group)?.value;

const matches = (sku: Sku, selection: Selection) =>
  Object.entries(selection).every(([group, value]) => valueOf(sku, group) === value);

/**
 * Whether picking `value` in `group`, with the other groups as selected, leaves a SKU on sale and
 * in stock: the picker greys out combinations that cannot be bought.
 */
export function canPick(skus: Sku[], selection: Selection, group: string, value: string): boolean {
  const wanted = { ...selection, [group]: value };
  return skus.some((sku) => sku.enabled && sku.available > 0 && matches(sku, wanted));
}

/** The SKU the selection names, once every group has a value. */
export function selectedSku(skus: Sku[], groups: string[], selection: Selection): Sku | undefined {
  if (groups.some((group) => !selection[group])) return undefined;
  return skus.find((sku) => sku.enabled && matches(sku, selection));
}
