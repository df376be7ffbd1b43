import { runStandalone } from '@shop/kit/service';
import { authService } from './service.js';

await runStandalone(authService);
