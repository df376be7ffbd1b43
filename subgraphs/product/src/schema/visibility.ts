import type { Identity } from '@shop/kit/identity';
import type { ProductStatus } from '@shop/contracts';

/** Shoppers see products on the shop (ACTIVE, SOLD_OUT); admins and services see every product. */
export function isShownTo(identity: Identity, product: { status: ProductStatus }): boolean {
  if (identity.kind === 'service') return true;
  if (identity.kind === 'user' && identity.roles.includes('ADMIN')) return true;
  return product.status === 'ACTIVE' || product.status === 'SOLD_OUT';
}
