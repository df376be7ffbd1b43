import { installShutdownHandlers } from '@shop/kit/ops';
import { createRuntime } from '@shop/kit/service';
import { createRouter } from './create-router.js';

const runtime = createRuntime('router');
const router = await createRouter(runtime);
installShutdownHandlers([router, { name: 'runtime', stop: () => runtime.close() }], runtime.logger);
