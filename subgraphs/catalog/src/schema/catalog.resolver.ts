import { Arg, Int, Mutation, Query, Resolver } from 'type-graphql';
import { createResultUnion } from '@shop/kit/server';
import type { CatalogReindexer } from '../services/catalog-reindexer.js';
import { listedProduct, type CatalogSearch } from '../services/catalog-search.js';
import { ProductSearchInput } from './inputs.js';
import { ProductSearchResult, ReindexAlreadyRunning, ReindexRunType } from './catalog.type.js';

const ReindexResult = createResultUnion({
  name: 'ReindexResult',
  types: () => [ReindexRunType, ReindexAlreadyRunning] as const,
});

const runView = <Run extends { id: number }>(run: Run) => ({ ...run, id: String(run.id) });

@Resolver()
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogSearch,
    private readonly reindexer: CatalogReindexer,
  ) {}

  @Query(() => ProductSearchResult, {
    description: 'Products on the shop: search, filter, sort and page, with facet counts.',
  })
  async products(
    @Arg('search', () => ProductSearchInput, { nullable: true }) search: ProductSearchInput | null,
    @Arg('first', () => Int, { defaultValue: 24 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await this.catalog.search({ ...search, first, after });
    return { ...page, nodes: page.nodes.map(listedProduct) };
  }

  @Query(() => [String], { description: 'Product names completing what a shopper is typing.' })
  productSuggestions(
    @Arg('prefix', () => String) prefix: string,
    @Arg('first', () => Int, { defaultValue: 8 }) first: number,
  ) {
    return this.catalog.suggest(prefix, first);
  }

  @Query(() => ReindexRunType, { nullable: true, description: 'Admin: the latest reindex.' })
  async reindexStatus() {
    const run = await this.reindexer.latest();
    return run && runView(run);
  }

  @Mutation(() => ReindexResult, {
    description: 'Admin: rebuild the search index from product data; searches go on meanwhile.',
  })
  async reindexCatalog() {
    const outcome = await this.reindexer.start();
    if (outcome.kind === 'already-running')
      return new ReindexAlreadyRunning(runView(outcome.run) as ReindexRunType);
    return runView(outcome.run);
  }
}
