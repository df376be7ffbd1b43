import { runStandalone } from '@shop/kit/service';
import { promotionService } from './service.js';

await runStandalone(promotionService);
