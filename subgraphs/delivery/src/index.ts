import { runStandalone } from '@shop/kit/service';
import { deliveryService } from './service.js';

await runStandalone(deliveryService);
