import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import type { ProductCatalog } from '../services/product-catalog.js';
import { CreateBrandInput, CreateCategoryInput } from './inputs.js';
import type { ProductContext } from './loaders.js';
import { BrandType, CategoryType } from './product.type.js';
import { BrandResult, CategoryResult, resultOf } from './results.js';

/** Categories and brands: read by everyone (navigation), written by admins. */
@Resolver(() => CategoryType)
export class TaxonomyResolver {
  constructor(private readonly catalog: ProductCatalog) {}

  @Query(() => [CategoryType], { description: 'Top-level categories, in display order.' })
  categories(@Ctx() context: ProductContext) {
    return context.em.find(
      Category,
      { parentId: null },
      { orderBy: { position: 'asc', name: 'asc' } },
    );
  }

  @Query(() => [BrandType], { description: 'Every brand, by name.' })
  brands(@Ctx() context: ProductContext) {
    return context.em.find(Brand, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [CategoryType])
  children(@Root() category: Category, @Ctx() context: ProductContext) {
    return context.em.find(
      Category,
      { parentId: category.id },
      { orderBy: { position: 'asc', name: 'asc' } },
    );
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  parent(@Root() category: Category, @Ctx() context: ProductContext) {
    return category.parentId ? context.loaders.category.load(category.parentId) : null;
  }

  @Mutation(() => CategoryResult)
  async createCategory(
    @Arg('input', () => CreateCategoryInput) input: CreateCategoryInput,
    @Ctx() context: ProductContext,
  ) {
    return resultOf(await this.catalog.createCategory(context.em, input));
  }

  @Mutation(() => BrandResult)
  async createBrand(
    @Arg('input', () => CreateBrandInput) input: CreateBrandInput,
    @Ctx() context: ProductContext,
  ) {
    return resultOf(await this.catalog.createBrand(context.em, input));
  }
}
