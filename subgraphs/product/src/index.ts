import { runStandalone } from '@shop/kit/service';
import { productService } from './service.js';

await runStandalone(productService);
