import { noteBefore, userIdOf } from '@shop/kit/server';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { availableUnits, Sku } from '../domain/sku.entity.js';
import { StockMovement } from '../domain/stock-movement.entity.js';
import type { ProductCatalog } from '../services/product-catalog.js';
import type { StockLedger } from '../services/stock-ledger.js';
import { AdjustStockInput, UpdateSkuInput } from './inputs.js';
import type { ProductContext } from './loaders.js';
import { ProductType, SkuOptionType, SkuType, StockMovementType } from './product.type.js';
import { resultOf, SkuResult } from './results.js';

@Resolver(() => SkuType)
export class SkuResolver {
  constructor(
    private readonly catalog: ProductCatalog,
    private readonly stock: StockLedger,
  ) {}

  @Query(() => SkuType, { nullable: true })
  sku(@Arg('id', () => ID) id: string, @Ctx() context: ProductContext) {
    return context.em.findOne(Sku, { id });
  }

  @FieldResolver(() => [SkuOptionType], { description: 'In option group order.' })
  options(@Root() sku: Sku) {
    return Object.entries(sku.options).map(([name, value]) => ({ name, value }));
  }

  @FieldResolver(() => ProductType)
  product(@Root() sku: Sku, @Ctx() context: ProductContext) {
    return context.loaders.product.load(sku.productId);
  }

  @FieldResolver(() => Int)
  available(@Root() sku: Sku) {
    return availableUnits(sku);
  }

  @FieldResolver(() => [ID])
  async categoryIds(@Root() sku: Sku, @Ctx() context: ProductContext): Promise<string[]> {
    const product = await context.loaders.product.load(sku.productId);
    return product?.categoryId ? context.loaders.categoryPath(product.categoryId) : [];
  }

  @FieldResolver(() => [StockMovementType], { description: 'Admin: newest first.' })
  async stockMovements(
    @Root() sku: Sku,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: ProductContext,
  ): Promise<StockMovementType[]> {
    const movements = await context.em.find(
      StockMovement,
      { skuId: sku.id },
      { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first, 1), 100) },
    );
    return movements.map((movement) => ({
      ...movement,
      note: movement.note ?? null,
      reason: movement.reason ?? null,
      actorId: movement.actorId ?? null,
      actor: movement.actorId ? { id: movement.actorId } : null,
    }));
  }

  @Mutation(() => SkuResult, { description: 'Admin: price, or stop/resume selling a combination.' })
  async updateSku(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSkuInput) input: UpdateSkuInput,
    @Ctx() context: ProductContext,
  ) {
    noteBefore(context, await context.em.findOne(Sku, { id }));
    return resultOf(await this.catalog.updateSku(context.em, id, input));
  }

  @Mutation(() => SkuResult, {
    description: 'Admin: receive, write off or count stock, with a reason; never below reserved.',
  })
  async adjustStock(
    @Arg('skuId', () => ID) skuId: string,
    @Arg('input', () => AdjustStockInput) input: AdjustStockInput,
    @Ctx() context: ProductContext,
  ) {
    noteBefore(context, await context.em.findOne(Sku, { id: skuId }));
    return resultOf(
      await this.stock.adjust(context.em, skuId, input, userIdOf(context.identity) ?? null),
    );
  }
}
