import { runStandalone } from '@shop/kit/service';
import { paymentService } from './service.js';

await runStandalone(paymentService);
