import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';
import type { BrandExists } from './commissions.js';

/** Asks product whether a brand exists: a 404 is no, any other failure is not an answer. */
export function brandExistsIn(product: InternalClient): BrandExists {
  return async (brandId) => {
    try {
      await product.get(`/internal/brands/${encodeURIComponent(brandId)}`);
      return true;
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 404) return false;
      throw error;
    }
  };
}
