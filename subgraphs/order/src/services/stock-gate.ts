import type { OrderLineRequest, ProductStock, SkuAvailability } from '@shop/contracts';
import type { Runtime } from '@shop/kit/service';

type Redis = NonNullable<Runtime['redis']>;

/** A line the gate turned away: its SKU, and the units it knows are neither sold nor being sold. */
export interface GateRefusal {
  skuId: string;
  available: number;
}

/** What product's reservation answered: the units left of its SKUs, and any product it sold out. */
export interface ReservationAnswer {
  left: SkuAvailability[];
  soldOut: ProductStock[];
}

/**
 * The first-come sale's gate (docs/architecture.md#checkout, first-come sales). It knows each
 * SKU's units available, and lets an order through to product's reservation only while the units
 * it knows of outnumber those of the orders it has already let through and not heard back about
 * (their passes). A sale of 100 units thus sends about 100 buyers down the expensive path (quote,
 * order row, reservation); every other buyer is told "sold out" at once. It only ever turns buyers
 * away early: product's reservation stays what decides, so whatever the gate knows, nothing is
 * oversold.
 *
 * What it knows of a SKU comes from two places:
 * - product's ProductChanged events, which carry every SKU's availability and come whenever one
 *   reaches zero or leaves it: applied only when newer than the revision it holds, so duplicates
 *   and replays change nothing, and a unit released by a lapsed order reopens a sold-out SKU;
 * - each reservation's answer: the units left right after it (only ever lowering what the gate
 *   holds, since answers can arrive out of order, and taking the order's passes away with it),
 *   and, for the reservation that took the last unit, the product as its next ProductChanged will
 *   say it (by revision, like the event).
 * A SKU the gate knows nothing of is let through. A pass lapses after 30 s, so passes an order
 * process took with it when it died turn no buyer away for longer than that.
 */
export interface StockGate {
  /** Takes a pass for each line, or none and answers the first line it must turn away. */
  admit(orderId: string, lines: OrderLineRequest[]): Promise<GateRefusal | undefined>;
  /**
   * Product reserved the order's lines: any product it sold out is applied and the units it said
   * are left are lowered in the same step as the order's passes stop counting. A unit counted both
   * as gone and as passing would turn away a buyer it is still there for; a pass gone before the
   * sold-out news would let one more buyer through.
   */
  learn(orderId: string, lines: OrderLineRequest[], answer: ReservationAnswer): Promise<void>;
  /** The order heard back from product without a reservation (or gave up): its passes stop counting. */
  leave(orderId: string, lines: OrderLineRequest[]): Promise<void>;
  /** A ProductChanged. */
  apply(change: ProductStock): Promise<void>;
}

/**
 * Longer than a reservation takes even on a loaded shop, so a pass rarely lapses while its order
 * is still being placed (if one does, one more buyer goes on to product, which still decides).
 */
const defaultPassLifetimeMs = 30_000;

const revisionKey = (productId: string) => `stock-gate:revision:${productId}`;
const availableKey = (skuId: string) => `stock-gate:available:${skuId}`;
const passesKey = (skuId: string) => `stock-gate:passes:${skuId}`;
const pass = (orderId: string, quantity: number) => `${orderId}:${quantity}`;

// KEYS: per line, its SKU's available then passes keys; ARGV: the pass lifetime (ms), then each
// line's pass. A pass is a sorted-set member `orderId:quantity` scored by when it lapses (Redis's
// own clock, the same for every order replica). Answers 0, or the refused line's position (from
// 1) and the units it could have had.
const admitScript = `
local function units(pass) return tonumber(string.match(pass, ':(%d+)$')) end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lines = #KEYS / 2
for i = 1, lines do
  local available = redis.call('GET', KEYS[2 * i - 1])
  if available then
    redis.call('ZREMRANGEBYSCORE', KEYS[2 * i], '-inf', now)
    local passing = 0
    for _, held in ipairs(redis.call('ZRANGE', KEYS[2 * i], 0, -1)) do
      passing = passing + units(held)
    end
    local free = tonumber(available) - passing
    if free < units(ARGV[1 + i]) then return {i, math.max(free, 0)} end
  end
end
for i = 1, lines do
  if redis.call('EXISTS', KEYS[2 * i - 1]) == 1 then
    redis.call('ZADD', KEYS[2 * i], now + tonumber(ARGV[1]), ARGV[1 + i])
    redis.call('PEXPIRE', KEYS[2 * i], ARGV[1])
  end
end
return 0`;

// KEYS: the product's revision, then one available key per SKU; ARGV: the revision, then each
// SKU's units available. Atomic, so two order replicas applying events cannot interleave.
const applyScript = `
local held = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) <= held then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[i]) end
return 1`;

// KEYS: the answer's available keys, then per line its passes key; ARGV: how many available keys,
// the units left of each, then each line's pass. Lowers, never raises; removes the passes.
const learnScript = `
local lowered = tonumber(ARGV[1])
for i = 1, lowered do
  local held = redis.call('GET', KEYS[i])
  if not held or tonumber(held) > tonumber(ARGV[1 + i]) then redis.call('SET', KEYS[i], ARGV[1 + i]) end
end
for i = lowered + 1, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1 + i]) end
return 1`;

/** Only a revision may say a SKU is sold out: a bare 0 may be older than the event reopening it. */
const lowerable = (left: SkuAvailability[]) => left.filter((sku) => sku.available > 0);

/** Each takes the number of keys, the keys, then the arguments. */
interface GateScripts {
  stockGateAdmit(...keyCountKeysArgs: (string | number)[]): Promise<0 | [number, number]>;
  stockGateApply(...keyCountKeysArgs: (string | number)[]): Promise<number>;
}

/** The same scripts queued in a MULTI, which runs them one after the other with nothing between. */
interface GateTransaction {
  stockGateApply(...keyCountKeysArgs: (string | number)[]): GateTransaction;
  stockGateLearn(...keyCountKeysArgs: (string | number)[]): GateTransaction;
  /** Each command's error or result; a failed command does not reject. */
  exec(): Promise<[Error | null, unknown][] | null>;
}

const applyArguments = ({ productId, revision, skus }: ProductStock) => [
  1 + skus.length,
  revisionKey(productId),
  ...skus.map((sku) => availableKey(sku.id)),
  String(revision),
  ...skus.map((sku) => String(sku.available)),
];

/**
 * Shared by every order instance of a real run. The scripts are defined commands, so Redis is sent
 * each one's digest (EVALSHA), not its text, on every buyer's admission.
 */
export class RedisStockGate implements StockGate {
  private readonly redis: Redis & GateScripts;

  constructor(
    redis: Redis,
    private readonly passLifetimeMs = defaultPassLifetimeMs,
  ) {
    redis.defineCommand('stockGateAdmit', { lua: admitScript });
    redis.defineCommand('stockGateApply', { lua: applyScript });
    redis.defineCommand('stockGateLearn', { lua: learnScript });
    this.redis = redis as Redis & GateScripts;
  }

  async admit(orderId: string, lines: OrderLineRequest[]): Promise<GateRefusal | undefined> {
    const answer = await this.redis.stockGateAdmit(
      lines.length * 2,
      ...lines.flatMap((line) => [availableKey(line.skuId), passesKey(line.skuId)]),
      String(this.passLifetimeMs),
      ...lines.map((line) => pass(orderId, line.quantity)),
    );
    if (answer === 0) return undefined;
    return { skuId: lines[answer[0] - 1]!.skuId, available: answer[1] };
  }

  async learn(orderId: string, lines: OrderLineRequest[], answer: ReservationAnswer) {
    const transaction = this.redis.multi() as unknown as GateTransaction;
    for (const product of answer.soldOut) transaction.stockGateApply(...applyArguments(product));
    const lowered = lowerable(answer.left);
    transaction.stockGateLearn(
      lowered.length + lines.length,
      ...lowered.map((sku) => availableKey(sku.id)),
      ...lines.map((line) => passesKey(line.skuId)),
      String(lowered.length),
      ...lowered.map((sku) => String(sku.available)),
      ...lines.map((line) => pass(orderId, line.quantity)),
    );
    const failed = (await transaction.exec())?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async leave(orderId: string, lines: OrderLineRequest[]): Promise<void> {
    const removal = this.redis.multi();
    for (const line of lines) removal.zrem(passesKey(line.skuId), pass(orderId, line.quantity));
    await removal.exec();
  }

  async apply(change: ProductStock): Promise<void> {
    await this.redis.stockGateApply(...applyArguments(change));
  }
}

/** The embedded run's: one process, the same rules in memory. */
export class MemoryStockGate implements StockGate {
  private readonly revisions = new Map<string, number>();
  private readonly available = new Map<string, number>();
  /** By SKU: each order's units and when its pass lapses. */
  private readonly passes = new Map<string, Map<string, { units: number; lapses: number }>>();

  constructor(private readonly passLifetimeMs = defaultPassLifetimeMs) {}

  admit(orderId: string, lines: OrderLineRequest[]): Promise<GateRefusal | undefined> {
    const now = Date.now();
    for (const line of lines) {
      const available = this.available.get(line.skuId);
      if (available === undefined) continue;
      const passes = this.passesOf(line.skuId);
      let passing = 0;
      for (const [holder, { units, lapses }] of passes)
        if (lapses <= now) passes.delete(holder);
        else passing += units;
      const free = available - passing;
      if (free < line.quantity)
        return Promise.resolve({ skuId: line.skuId, available: Math.max(free, 0) });
    }
    for (const line of lines)
      if (this.available.has(line.skuId))
        this.passesOf(line.skuId).set(orderId, {
          units: line.quantity,
          lapses: now + this.passLifetimeMs,
        });
    return Promise.resolve(undefined);
  }

  async learn(orderId: string, lines: OrderLineRequest[], answer: ReservationAnswer) {
    for (const product of answer.soldOut) await this.apply(product);
    for (const { id, available } of lowerable(answer.left))
      this.available.set(id, Math.min(available, this.available.get(id) ?? available));
    await this.leave(orderId, lines);
  }

  leave(orderId: string, lines: OrderLineRequest[]): Promise<void> {
    for (const line of lines) this.passes.get(line.skuId)?.delete(orderId);
    return Promise.resolve();
  }

  apply({ productId, revision, skus }: ProductStock): Promise<void> {
    if (revision > (this.revisions.get(productId) ?? 0)) {
      this.revisions.set(productId, revision);
      for (const sku of skus) this.available.set(sku.id, sku.available);
    }
    return Promise.resolve();
  }

  private passesOf(skuId: string) {
    let passes = this.passes.get(skuId);
    if (!passes) this.passes.set(skuId, (passes = new Map()));
    return passes;
  }
}
