// pnpm infra:up | infra:down | infra:status — the real services, natively on this machine.
import { infraUp } from './up.js';
import { killKafka, restartKafka, stopKafka } from './kafka.js';
import { stopOpenSearch } from './opensearch.js';
import { printStatus } from './status.js';
import { stopPrometheus } from './prometheus.js';
import { stopZipkin } from './zipkin.js';
import { infraStatus } from './index.js';

const command = process.argv[2];

try {
  switch (command) {
    case 'up':
      await infraUp();
      printStatus(await infraStatus());
      break;
    case 'down': {
      const stopped = {
        kafka: stopKafka(),
        opensearch: stopOpenSearch(),
        zipkin: stopZipkin(),
        prometheus: stopPrometheus(),
      };
      for (const [name, stopping] of Object.entries(stopped))
        console.log(`${name}: ${(await stopping) ? 'stopped' : 'was not running'}`);
      console.log('mysql and redis belong to the machine and keep running');
      break;
    }
    case 'status':
      printStatus(await infraStatus());
      break;
    case 'kafka-kill':
      await killKafka();
      break;
    case 'kafka-restart':
      await restartKafka({ kill: process.argv.includes('--kill') });
      break;
    default:
      console.error('usage: infra up | down | status | kafka-kill | kafka-restart [--kill]');
      process.exit(2);
  }
  process.exit(0);
} catch (error) {
  console.error(`infra ${command}: ${(error as Error).message}`);
  process.exit(1);
}
