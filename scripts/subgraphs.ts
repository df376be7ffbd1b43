import type { ServiceDefinition } from '@shop/kit/service';
import { authService } from '@shop/auth';
import { catalogService } from '@shop/catalog';
import { deliveryService } from '@shop/delivery';
import { orderService } from '@shop/order';
import { paymentService } from '@shop/payment';
import { productService } from '@shop/product';
import { settlementService } from '@shop/settlement';
import { promotionService } from '@shop/promotion';
import { returnService } from '@shop/return';
import { userService } from '@shop/user';

/** Every subgraph of the supergraph, in start order. */
export const subgraphs: ServiceDefinition[] = [
  authService,
  userService,
  productService,
  catalogService,
  promotionService,
  orderService,
  paymentService,
  deliveryService,
  settlementService,
  returnService,
];
