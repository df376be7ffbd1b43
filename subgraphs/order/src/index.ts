import { runStandalone } from '@shop/kit/service';
import { orderService } from './service.js';

await runStandalone(orderService);
