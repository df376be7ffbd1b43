import { runStandalone } from '@shop/kit/service';
import { settlementService } from './service.js';

await runStandalone(settlementService);
