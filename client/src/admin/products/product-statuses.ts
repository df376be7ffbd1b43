import type { ProductStatus } from '../../graphql/generated';

/** In the order the admin's pickers list them. */
export const productStatuses: ProductStatus[] = ['ACTIVE', 'DRAFT', 'HIDDEN', 'SOLD_OUT'];
