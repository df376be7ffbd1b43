import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { noteBefore } from '@shop/kit/server';
import { listingSummary, type ProductStatus } from '@shop/contracts';
import { Product } from '../domain/product.entity.js';
import { availableUnits, type Sku } from '../domain/sku.entity.js';
import { searchAdminProducts } from '../services/admin-product-search.js';
import { descriptionHtml } from '../services/description-html.js';
import type { ProductCatalog } from '../services/product-catalog.js';
import type { ProductImages } from '../services/product-images.js';
import {
  AddOptionValueInput,
  AdminProductFilter,
  CreateProductInput,
  UpdateProductInput,
} from './inputs.js';
import type { ProductContext } from './loaders.js';
import {
  BrandType,
  CategoryType,
  ProductConnection,
  ProductStatusEnum,
  ProductType,
  SkuType,
} from './product.type.js';
import { ProductResult, resultOf } from './results.js';
import { isShownTo } from './visibility.js';

@Resolver(() => ProductType)
export class ProductResolver {
  constructor(
    private readonly catalog: ProductCatalog,
    private readonly images: ProductImages,
  ) {}

  @Query(() => ProductType, {
    nullable: true,
    description: 'A product on the shop (admins: any product).',
  })
  async product(@Arg('id', () => ID) id: string, @Ctx() context: ProductContext) {
    const product = await context.loaders.product.load(id);
    return product && isShownTo(context.identity, product) ? product : null;
  }

  @Query(() => ProductConnection, { description: 'Admin: every product, newest first.' })
  adminProducts(
    @Arg('filter', () => AdminProductFilter, { nullable: true }) filter: AdminProductFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ProductContext,
  ) {
    return searchAdminProducts(context.em, { ...filter, first, after });
  }

  @FieldResolver(() => [SkuType])
  skus(@Root() product: Product, @Ctx() context: ProductContext) {
    return context.loaders.skusOfProduct.load(product.id);
  }

  @FieldResolver(() => String, {
    description: 'The description rendered from Markdown; raw HTML is shown as text.',
  })
  descriptionHtml(@Root() product: Product) {
    return descriptionHtml(product.description);
  }

  @FieldResolver(() => BrandType, { nullable: true })
  brand(@Root() product: Product, @Ctx() context: ProductContext) {
    return product.brandId ? context.loaders.brand.load(product.brandId) : null;
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  category(@Root() product: Product, @Ctx() context: ProductContext) {
    return product.categoryId ? context.loaders.category.load(product.categoryId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async thumbnail(@Root() product: Product, @Ctx() context: ProductContext) {
    return (await this.summary(product, context)).thumbnail;
  }

  @FieldResolver(() => Int)
  async minPrice(@Root() product: Product, @Ctx() context: ProductContext) {
    return (await this.summary(product, context)).minPrice;
  }

  @FieldResolver(() => Int)
  async maxPrice(@Root() product: Product, @Ctx() context: ProductContext) {
    return (await this.summary(product, context)).maxPrice;
  }

  @FieldResolver(() => Boolean)
  async inStock(@Root() product: Product, @Ctx() context: ProductContext) {
    return (await this.summary(product, context)).inStock;
  }

  @Mutation(() => ProductResult, { description: 'Admin: a product and one SKU per combination.' })
  async createProduct(
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
    @Ctx() context: ProductContext,
  ) {
    const skus = input.skus?.map((sku) => ({
      ...sku,
      options: Object.fromEntries(sku.options.map((option) => [option.name, option.value])),
    }));
    return resultOf(await this.catalog.createProduct(context.em, { ...input, skus }));
  }

  @Mutation(() => ProductResult, {
    description: 'Admin: name, description, taxonomy, or pictures (reordered or removed).',
  })
  async updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
    @Ctx() context: ProductContext,
  ) {
    const before = await context.em.fork().findOne(Product, { id });
    noteBefore(context, before);
    const outcome = await this.catalog.updateProduct(context.em, id, input);
    // Pictures taken off the product are deleted once the change is saved.
    if (outcome.kind === 'saved' && before)
      await this.images.forget(before.images, outcome.value.images);
    return resultOf(outcome);
  }

  @Mutation(() => ProductResult, { description: 'Admin: put on sale, hide, or mark sold out.' })
  async setProductStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ProductStatusEnum) status: ProductStatus,
    @Ctx() context: ProductContext,
  ) {
    noteBefore(context, await context.em.findOne(Product, { id }));
    return resultOf(await this.catalog.setStatus(context.em, id, status));
  }

  @Mutation(() => ProductResult, { description: 'Admin: a new option value and its SKUs.' })
  async addOptionValue(
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => AddOptionValueInput) input: AddOptionValueInput,
    @Ctx() context: ProductContext,
  ) {
    return resultOf(await this.catalog.addOptionValue(context.em, productId, input));
  }

  private async summary(product: Product, context: ProductContext) {
    const skus: Sku[] = await context.loaders.skusOfProduct.load(product.id);
    return listingSummary({
      status: product.status,
      images: product.images,
      skus: skus.map((sku) => ({
        price: sku.price,
        available: availableUnits(sku),
        enabled: sku.enabled,
      })),
    });
  }
}
