import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ServiceName } from '@shop/kit/service';
import { metricSum } from '@shop/testkit';
import { skuStock } from './checkout-operations.js';
import { startShopProcesses, type ShopProcesses } from './shop-processes.js';
import type { ShopClient } from './shop-under-test.js';

export interface ChaosShop {
  shop: ShopProcesses;
  /** Whether the process armed with `point` died there. */
  fired(point: string): boolean;
}

/**
 * The shop as processes with replicas of order, payment and product, its jobs quick, and the
 * given crash points armed (`name@n`: the n-th pass in a process; each fires once per run).
 * `pgAnswerDelayMs`: how late the PG answers a TIMEOUT card's confirmation (3 s unless given).
 */
export async function startChaosShop(
  crashPoints: string[],
  env: Record<string, string> = {},
  { pgAnswerDelayMs }: { pgAnswerDelayMs?: number } = {},
): Promise<ChaosShop> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-chaos-'));
  const shop = await startShopProcesses({
    pgAnswerDelayMs,
    replicas: { order: 2, payment: 2, product: 2 },
    env: {
      SHOP_DATA_DIR: dataDir,
      SHOP_CRASH_POINTS: crashPoints.join(','),
      SHOP_RESERVATION_TTL_SECONDS: '20',
      SHOP_RESERVATION_SWEEP_MS: '500',
      SHOP_ORDER_SWEEP_MS: '500',
      // Sixteen processes on two cores, one of them starting again: generous timeouts, so the
      // run measures recovery rather than this machine's latency.
      SHOP_SUBGRAPH_TIMEOUT_MS: '30000',
      SHOP_INTERNAL_TIMEOUT_MS: '15000',
      ...env,
    },
  });
  return {
    shop,
    fired: (point) => existsSync(path.join(dataDir, 'crash-points', point.split('@')[0]!)),
  };
}

/** Every unit is accounted for: on hand = Σ movements per SKU, and what left = what was paid. */
export async function expectStockConserved(
  shop: ShopClient,
  skus: string[],
  received: number,
  paidUnits: number,
): Promise<number> {
  let onHand = 0;
  for (const skuId of skus) {
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    const movements = (sku.stockMovements as { quantity: number }[]).reduce(
      (sum, movement) => sum + movement.quantity,
      0,
    );
    expect(sku.onHand).toBe(movements);
    expect(sku.reserved).toBe(0);
    onHand += sku.onHand as number;
  }
  expect(onHand).toBe(received - paidUnits);
  return onHand;
}

/** Items a background job finished, summed over every instance of its service. */
export async function jobItems(shop: ShopProcesses, service: ServiceName, job: string) {
  let items = 0;
  for (const instance of shop.instancesOf(service))
    items += metricSum(await shop.metricsOf(instance), 'shop_job_items_total', { job });
  return items;
}
