import type { ServiceDefinition } from '@shop/kit/service';
import { authService } from '@shop/auth';
import { userService } from '@shop/user';

/** Every subgraph of the supergraph, in start order. */
export const subgraphs: ServiceDefinition[] = [authService, userService];
