import type { ServiceDefinition } from '@shop/kit/service';
import { authService } from '@shop/auth';
import { catalogService } from '@shop/catalog';
import { productService } from '@shop/product';
import { userService } from '@shop/user';

/** Every subgraph of the supergraph, in start order. */
export const subgraphs: ServiceDefinition[] = [
  authService,
  userService,
  productService,
  catalogService,
];
