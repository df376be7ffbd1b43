import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ProductStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { Sku } from '../domain/sku.entity.js';
import { StockMovement } from '../domain/stock-movement.entity.js';
import { invalid, notFound, parseInput, saved, type Outcome } from './outcome.js';
import type { ProductChanges } from './product-changes.js';
import {
  addOptionValueSchema,
  createBrandSchema,
  createCategorySchema,
  createProductSchema,
  maxImagesPerProduct,
  maxSkusPerProduct,
  updateProductSchema,
  updateSkuSchema,
  type AddOptionValueInput,
  type CreateBrandInput,
  type CreateCategoryInput,
  type CreateProductInput,
  type UpdateProductInput,
  type UpdateSkuInput,
} from './product-input.js';
import { combinationKey, combinationsOf } from './sku-combinations.js';
import { guardedUpdate } from './stock-sql.js';
import { writeTransaction } from './write-transaction.js';

class ChangeRefused extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super('change refused');
  }
}

/**
 * The admin's catalogue: categories, brands, products, their option groups and SKUs. Every change
 * of a product commits with its ProductChanged event.
 */
export class ProductCatalog {
  constructor(private readonly deps: { outbox: Outbox; changes: ProductChanges }) {}

  async createCategory(em: EntityManager, input: CreateCategoryInput): Promise<Outcome<Category>> {
    const parsed = parseInput(createCategorySchema, input);
    if (!parsed.ok) return parsed.outcome;
    const { parentId, ...fields } = parsed.data;
    if (parentId && !(await em.findOne(Category, { id: parentId })))
      return notFound('category', parentId);
    const category = em.create(Category, {
      id: randomUUID(),
      ...fields,
      parentId: parentId ?? null,
    });
    return this.insertUnique(em, category, 'slug');
  }

  async createBrand(em: EntityManager, input: CreateBrandInput): Promise<Outcome<Brand>> {
    const parsed = parseInput(createBrandSchema, input);
    if (!parsed.ok) return parsed.outcome;
    return this.insertUnique(em, em.create(Brand, { id: randomUUID(), ...parsed.data }), 'slug');
  }

  async createProduct(em: EntityManager, input: CreateProductInput): Promise<Outcome<Product>> {
    const parsed = parseInput(createProductSchema, input);
    if (!parsed.ok) return parsed.outcome;
    const data = parsed.data;
    if (data.idempotencyKey) {
      const earlier = await em.fork().findOne(Product, { idempotencyKey: data.idempotencyKey });
      if (earlier) return saved(earlier);
    }
    const references = await this.checkReferences(em, data);
    if (references) return references;
    const combinations = new Set(
      combinationsOf(data.optionGroups).map((options) =>
        combinationKey(data.optionGroups, options),
      ),
    );
    const stray = data.skus.findIndex(
      (sku) => !combinations.has(combinationKey(data.optionGroups, sku.options)),
    );
    if (stray >= 0)
      return invalid(`skus.${stray}.options`, 'not a combination of the option groups');
    try {
      const product = await writeTransaction(em, this.deps.outbox, async (tx) => {
        const product = tx.create(Product, {
          id: randomUUID(),
          name: data.name,
          description: data.description,
          status: data.status,
          brandId: data.brandId ?? null,
          categoryId: data.categoryId ?? null,
          images: data.images,
          optionGroups: data.optionGroups,
          idempotencyKey: data.idempotencyKey ?? null,
        });
        tx.persist(product);
        const overrides = new Map(
          data.skus.map((sku) => [combinationKey(data.optionGroups, sku.options), sku]),
        );
        combinationsOf(data.optionGroups).forEach((options, index) => {
          const override = overrides.get(combinationKey(data.optionGroups, options));
          this.addSku(
            tx,
            product,
            options,
            override?.price ?? data.basePrice,
            override?.initialStock ?? data.initialStock,
            index,
          );
        });
        await this.deps.changes.publish(tx, [product.id]);
        return product;
      });
      return saved(product);
    } catch (error) {
      // Two retries of one request at once: the first one's product is the answer.
      if (error instanceof UniqueConstraintViolationException && data.idempotencyKey) {
        const earlier = await em.fork().findOne(Product, { idempotencyKey: data.idempotencyKey });
        if (earlier) return saved(earlier);
      }
      throw error;
    }
  }

  async updateProduct(
    em: EntityManager,
    productId: string,
    input: UpdateProductInput,
  ): Promise<Outcome<Product>> {
    const parsed = parseInput(updateProductSchema, input);
    if (!parsed.ok) return parsed.outcome;
    const references = await this.checkReferences(em, parsed.data);
    if (references) return references;
    return this.changeProduct(em, productId, async (_tx, product) => {
      const { name, description, brandId, categoryId, images } = parsed.data;
      if (name !== undefined) product.name = name;
      if (description !== undefined) product.description = description;
      if (brandId !== undefined) product.brandId = brandId;
      if (categoryId !== undefined) product.categoryId = categoryId;
      if (images !== undefined) product.images = images;
      return undefined;
    });
  }

  /** An uploaded picture, last in the product's gallery. */
  addImage(em: EntityManager, productId: string, url: string): Promise<Outcome<Product>> {
    return this.changeProduct(em, productId, async (_tx, product) => {
      if (product.images.length >= maxImagesPerProduct)
        return invalid('images', `at most ${maxImagesPerProduct} pictures per product`);
      product.images = [...product.images, url];
      return undefined;
    });
  }

  /** ACTIVE puts the product on sale; any other status stops new reservations of its SKUs. */
  setStatus(
    em: EntityManager,
    productId: string,
    status: ProductStatus,
  ): Promise<Outcome<Product>> {
    return this.changeProduct(em, productId, async (tx, product) => {
      product.status = status;
      await guardedUpdate(tx, 'update sku set sellable = (enabled and ?) where product_id = ?', [
        status === 'ACTIVE',
        productId,
      ]);
      return undefined;
    });
  }

  /** A new value in an existing option group, with one new SKU per new combination. */
  async addOptionValue(
    em: EntityManager,
    productId: string,
    input: AddOptionValueInput,
  ): Promise<Outcome<Product>> {
    const parsed = parseInput(addOptionValueSchema, input);
    if (!parsed.ok) return parsed.outcome;
    const { group, value } = parsed.data;
    return this.changeProduct(em, productId, async (tx, product) => {
      const target = product.optionGroups.find((candidate) => candidate.name === group);
      if (!target) return notFound('option group', group);
      if (target.values.includes(value)) return invalid('value', 'already exists');
      const groups = product.optionGroups.map((candidate) =>
        candidate === target ? { ...candidate, values: [...candidate.values, value] } : candidate,
      );
      const combinations = combinationsOf(groups);
      if (combinations.length > maxSkusPerProduct)
        return invalid('value', `at most ${maxSkusPerProduct} combinations per product`);
      const existing = await tx.find(Sku, { productId });
      const price = parsed.data.price ?? Math.min(...existing.map((sku) => sku.price));
      combinations
        .filter((options) => options[group] === value)
        .forEach((options, index) =>
          this.addSku(tx, product, options, price, 0, existing.length + index, groups),
        );
      product.optionGroups = groups;
      return undefined;
    });
  }

  async updateSku(em: EntityManager, skuId: string, input: UpdateSkuInput): Promise<Outcome<Sku>> {
    const parsed = parseInput(updateSkuSchema, input);
    if (!parsed.ok) return parsed.outcome;
    return writeTransaction(em, this.deps.outbox, async (tx) => {
      const sku = await tx.findOne(Sku, { id: skuId });
      if (!sku) return notFound('sku', skuId);
      const product = await tx.findOneOrFail(Product, { id: sku.productId });
      if (parsed.data.price !== undefined) sku.price = parsed.data.price;
      if (parsed.data.enabled !== undefined) {
        sku.enabled = parsed.data.enabled;
        sku.sellable = sku.enabled && product.status === 'ACTIVE';
      }
      await this.deps.changes.publish(tx, [sku.productId]);
      return saved(sku);
    });
  }

  private addSku(
    tx: EntityManager,
    product: Product,
    options: Record<string, string>,
    price: number,
    initialStock: number,
    index: number,
    groups = product.optionGroups,
  ): void {
    const sku = tx.create(Sku, {
      id: randomUUID(),
      productId: product.id,
      code: `${product.id.slice(0, 8).toUpperCase()}-${String(index + 1).padStart(3, '0')}`,
      combination: combinationKey(groups, options),
      options,
      position: index,
      price,
      onHand: initialStock,
      sellable: product.status === 'ACTIVE',
    });
    tx.persist(sku);
    if (initialStock > 0)
      tx.persist(
        tx.create(StockMovement, {
          skuId: sku.id,
          kind: 'RECEIVED',
          quantity: initialStock,
          reference: 'initial',
        }),
      );
  }

  /** Loads, changes and republishes a product; a refusal from `change` rolls everything back. */
  private async changeProduct(
    em: EntityManager,
    productId: string,
    change: (tx: EntityManager, product: Product) => Promise<Outcome<never> | undefined>,
  ): Promise<Outcome<Product>> {
    try {
      return await writeTransaction(em, this.deps.outbox, async (tx) => {
        const product = await tx.findOne(Product, { id: productId });
        if (!product) return notFound('product', productId);
        const refusal = await change(tx, product);
        if (refusal) throw new ChangeRefused(refusal);
        await this.deps.changes.publish(tx, [product.id]);
        return saved(product);
      });
    } catch (error) {
      if (error instanceof ChangeRefused) return error.outcome;
      throw error;
    }
  }

  private async checkReferences(
    em: EntityManager,
    input: { brandId?: string | null; categoryId?: string | null },
  ): Promise<Outcome<never> | undefined> {
    if (input.brandId && !(await em.findOne(Brand, { id: input.brandId })))
      return notFound('brand', input.brandId);
    if (input.categoryId && !(await em.findOne(Category, { id: input.categoryId })))
      return notFound('category', input.categoryId);
    return undefined;
  }

  private async insertUnique<T extends Category | Brand>(
    em: EntityManager,
    entity: T,
    field: string,
  ): Promise<Outcome<T>> {
    try {
      await em.persist(entity).flush();
      return saved(entity);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return invalid(field, 'is taken');
      throw error;
    }
  }
}
