import type { Logger } from '@shop/kit';
import { withNamedLock, type Orm } from '@shop/kit/db';
import { startProgress } from '@shop/kit/ops';
import { generateDemoCatalog, type DemoCatalog } from '../demo/index.js';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import type { ProductCatalog } from './product-catalog.js';

const demoKeyPrefix = 'demo-';

/**
 * Fills an empty shop with the deterministic demo catalogue through the same use cases an admin
 * uses, so every product is published to the catalog like any other. Safe to interrupt and run
 * again: categories and brands are found by slug, products by their idempotency key.
 */
export class DemoSeeder {
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { orm: Orm; catalog: ProductCatalog; logger: Logger; products?: number },
  ) {}

  start(): void {
    const { orm } = this.deps;
    // Replicas starting together seed once: the others wait, then find the catalogue there.
    const seedOnce = () =>
      withNamedLock(orm, `${orm.config.get('dbName')}:demo-seed`, { waitSeconds: 900 }, () =>
        this.seed(),
      );
    this.running = seedOnce().then(
      () => undefined,
      (error: unknown) =>
        this.deps.logger.error({ err: error }, 'demo catalogue seeding failed; restart to resume'),
    );
  }

  async stop(): Promise<void> {
    await this.running;
  }

  /** Seeds what is missing; resolves with how many products it created. */
  async seed(): Promise<number> {
    const demo = generateDemoCatalog({ products: this.deps.products });
    const em = this.deps.orm.em.fork();
    const seeded = await em.count(Product, { idempotencyKey: { $like: `${demoKeyPrefix}%` } });
    if (seeded >= demo.products.length) return 0;
    const categoryIds = await this.seedCategories(demo);
    const brandIds = await this.seedBrands(demo);
    const progress = startProgress('seeding demo products', demo.products.length, this.deps.logger);
    progress.advance(seeded);
    let created = 0;
    for (const product of demo.products.slice(seeded)) {
      const outcome = await this.deps.catalog.createProduct(this.deps.orm.em.fork(), {
        name: product.name,
        description: product.description,
        brandId: brandIds.get(product.brandKey),
        categoryId: categoryIds.get(product.categoryKey),
        status: product.status,
        basePrice: product.basePrice,
        images: product.images,
        optionGroups: product.optionGroups,
        skus: product.skus.map((sku) => ({
          options: sku.options,
          price: sku.price,
          initialStock: sku.stock,
        })),
        idempotencyKey: `${demoKeyPrefix}${product.key}`,
      });
      if (outcome.kind !== 'saved')
        throw new Error(`demo product ${product.key} refused: ${JSON.stringify(outcome)}`);
      created++;
      progress.advance();
    }
    progress.done();
    return created;
  }

  private async seedCategories(demo: DemoCatalog): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    // Parents before children, whatever order the generator lists them in.
    const ordered = [...demo.categories].sort(
      (a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null),
    );
    for (const [position, category] of ordered.entries()) {
      const em = this.deps.orm.em.fork();
      const existing = await em.findOne(Category, { slug: category.slug });
      if (existing) {
        ids.set(category.key, existing.id);
        continue;
      }
      const outcome = await this.deps.catalog.createCategory(em, {
        name: category.name,
        slug: category.slug,
        parentId: category.parentKey ? ids.get(category.parentKey) : null,
        position,
      });
      if (outcome.kind !== 'saved') throw new Error(`demo category ${category.slug} refused`);
      ids.set(category.key, outcome.value.id);
    }
    return ids;
  }

  private async seedBrands(demo: DemoCatalog): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const brand of demo.brands) {
      const em = this.deps.orm.em.fork();
      const existing = await em.findOne(Brand, { slug: brand.slug });
      if (existing) {
        ids.set(brand.key, existing.id);
        continue;
      }
      const outcome = await this.deps.catalog.createBrand(em, {
        name: brand.name,
        slug: brand.slug,
      });
      if (outcome.kind !== 'saved') throw new Error(`demo brand ${brand.slug} refused`);
      ids.set(brand.key, outcome.value.id);
    }
    return ids;
  }
}
