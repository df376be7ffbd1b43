import type { Identity } from '@shop/kit/identity';
import type { ProductStatus } from '@shop/contracts';
import { isStaff } from '@shop/contracts/staff-duties';

/** Shoppers see products on the shop (ACTIVE, SOLD_OUT); staff and services see every product. */
export function isShownTo(identity: Identity, product: { status: ProductStatus }): boolean {
  if (identity.kind === 'service') return true;
  if (identity.kind === 'user' && isStaff(identity.roles)) return true;
  return product.status === 'ACTIVE' || product.status === 'SOLD_OUT';
}
