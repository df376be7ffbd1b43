import { runStandalone } from '@shop/kit/service';
import { catalogService } from './service.js';

await runStandalone(catalogService);
