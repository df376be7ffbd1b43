import { runStandalone } from '@shop/kit/service';
import { userService } from './service.js';

await runStandalone(userService);
