import { describe, expect, it } from 'vitest';
import { defaultCarrierSandboxPort } from '@shop/carrier-sandbox';
import { defaultClientPort } from '@shop/client/server';
import { endpoints } from '@shop/infra';
import { defaultPorts, type ServiceName } from '@shop/kit/service';
import { defaultPgSandboxPort } from '@shop/pg-sandbox';
import { portOf } from '../../../scripts/supervisor.js';

/**
 * The Fetch standard's bad ports (https://fetch.spec.whatwg.org/#port-blocking): browsers and
 * Node's fetch refuse to connect to them, so a default among them breaks the shop on README's
 * defaults while every test on free ports passes.
 */
const badPorts = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

describe('default ports', () => {
  const defaults: Record<string, number> = {
    'PG sandbox': defaultPgSandboxPort,
    'carrier sandbox': defaultCarrierSandboxPort,
    'storefront and admin': defaultClientPort,
    Kafka: endpoints.kafka.port,
    'Kafka controller': endpoints.kafka.port + 1,
    OpenSearch: endpoints.opensearch.port,
  };
  for (const service of Object.keys(defaultPorts) as ServiceName[]) {
    // `pnpm start --processes` gives replica n the port 100 × (n − 1) above the first.
    for (let replica = 1; replica <= (service === 'router' ? 1 : 9); replica++)
      defaults[`${service} replica ${replica}`] = portOf(service, replica, {});
  }

  it('keeps every default port off the Fetch standard bad-port list', () => {
    const refused = Object.entries(defaults).filter(([, port]) => badPorts.has(port));
    expect(refused).toEqual([]);
  });

  it('gives every process its own port', () => {
    const ports = Object.values(defaults);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
