import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { reportFigure } from '../src/figures.js';
import { fuzzCases, type FuzzCase } from '../src/schema-fuzz.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const apiSchema = buildSchema(
  readFileSync(new URL('../../../router/api-schema.graphql', import.meta.url), 'utf8'),
);
const casesPerRun = Number(process.env.SHOP_FUZZ_CASES ?? 5_000);
const seed = Number(process.env.SHOP_FUZZ_SEED ?? 20_261_204);
const concurrency = 8;

/** Signs of an implementation detail leaking out: a stack frame, a driver's or runtime's error. */
const leaks = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
  /\.(ts|js|mjs):\d+:\d+/,
  /"stack(trace)?"\s*:/,
  /\bER_[A-Z_]{4,}|SQLITE_|ECONNREFUSED|TypeError|ReferenceError|RangeError|Maximum call stack/,
];

interface Answer {
  status: number;
  text: string;
}

/** What is wrong with one answer: a 5xx, a leak, an error without a code, or not JSON at all. */
function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  for (const leak of leaks) if (leak.test(answer.text)) problems.push(`leaks ${leak}`);
  let body: { errors?: { extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return [...problems, 'not JSON'];
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push('an error without a code');
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push('INTERNAL_SERVER_ERROR');
  }
  return problems;
}

describeOnEachShop('the public endpoint under fuzzed requests', ({ env }) => {
  let shop: ShopUnderTest;
  const callers: { name: string; token?: string }[] = [{ name: 'anonymous' }];

  beforeAll(async () => {
    // Thousands of requests from one address: the per-address limit is not what is tested here.
    shop = await startShop({
      ...env,
      SHOP_RATE_LIMIT_IP_PER_MINUTE: '1000000',
      SHOP_RATE_LIMIT_USER_PER_MINUTE: '1000000',
    });
    const customer = await checkoutFixtures(shop).customer();
    callers.push({ name: 'customer', token: customer.token });
    callers.push({ name: 'admin', token: shop.adminToken });
  }, 180_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it(`answers ${casesPerRun} generated and mutated requests without a 5xx, a leak or an uncoded error`, async () => {
    const cases = fuzzCases(apiSchema, casesPerRun, seed);
    const found = new Map<string, { count: number; example: string }>();
    const statuses = new Map<number, number>();
    let next = 0;
    const send = async (request: FuzzCase, token?: string): Promise<Answer> => {
      const response = await fetch(shop.router.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      });
      return { status: response.status, text: await response.text() };
    };
    const worker = async () => {
      while (next < cases.length) {
        const index = next++;
        const request = cases[index]!;
        const caller = callers[index % callers.length]!;
        const answer = await send(request, caller.token);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        for (const problem of problemsOf(answer)) {
          const key = `${request.label} as ${caller.name}: ${problem}`;
          const seen = found.get(key);
          if (seen) seen.count += 1;
          else
            found.set(key, {
              count: 1,
              example: `${request.query.slice(0, 300)} ${JSON.stringify(request.variables)?.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 400)}`,
            });
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    reportFigure(
      `fuzz: ${cases.length} requests (seed ${seed}); statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(
      [...found].map(([key, { count, example }]) => `${key} (${count}×) e.g. ${example}`),
    ).toEqual([]);
  }, 900_000);
});
