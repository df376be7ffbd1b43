import { runStandalone } from '@shop/kit/service';
import { returnService } from './service.js';

await runStandalone(returnService);
