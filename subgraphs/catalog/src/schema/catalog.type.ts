import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorResult } from '@shop/kit/server';
import { reindexStates, type ReindexState } from '../domain/reindex-run.entity.js';
import { productSorts, type ProductSort } from '../search/index.js';

export const ProductSortEnum = Object.fromEntries(productSorts.map((s) => [s, s])) as Record<
  ProductSort,
  ProductSort
>;
registerEnumType(ProductSortEnum, {
  name: 'ProductSort',
  description: 'RELEVANCE ranks by the search text (by popularity when there is none).',
});

export const ReindexStateEnum = Object.fromEntries(reindexStates.map((s) => [s, s])) as Record<
  ReindexState,
  ReindexState
>;
registerEnumType(ReindexStateEnum, { name: 'ReindexState' });

// Product, Brand and Category belong to the product subgraph. The catalog serves their listing
// fields from its index (@shareable) for products it returned itself; it never resolves references.

@ObjectType('Brand')
@Directive('@key(fields: "id", resolvable: false)')
export class ListedBrand {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;
}

@ObjectType('Category')
@Directive('@key(fields: "id", resolvable: false)')
export class ListedCategory {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;
}

@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ListedProduct {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  @Field(() => ListedBrand, { nullable: true })
  @Directive('@shareable')
  brand!: ListedBrand | null;

  @Field(() => ListedCategory, { nullable: true })
  @Directive('@shareable')
  category!: ListedCategory | null;

  @Field(() => String, { nullable: true })
  @Directive('@shareable')
  thumbnail!: string | null;

  @Field(() => Int)
  @Directive('@shareable')
  minPrice!: number;

  @Field(() => Int)
  @Directive('@shareable')
  maxPrice!: number;

  @Field(() => Boolean)
  @Directive('@shareable')
  inStock!: boolean;
}

@ObjectType('FacetValue', { description: 'One value of a facet and how many products have it.' })
export class FacetValue {
  @Field(() => String, { description: 'What a filter takes: an id, or an option value.' })
  value!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('OptionFacet')
export class OptionFacet {
  @Field(() => String, { description: 'The option group, e.g. 색상.' })
  name!: string;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType('PriceBounds')
export class PriceBounds {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType('ProductFacets', {
  description:
    'Counts for refining a search. Each group counts with every filter but its own, so choosing one brand still shows how many the others have.',
})
export class ProductFacets {
  @Field(() => [FacetValue])
  categories!: FacetValue[];

  @Field(() => [FacetValue])
  brands!: FacetValue[];

  @Field(() => [OptionFacet])
  options!: OptionFacet[];

  @Field(() => PriceBounds, { nullable: true })
  price!: PriceBounds | null;

  @Field(() => Int, { description: 'Products in stock among the matches.' })
  inStock!: number;
}

@ObjectType('ProductSearchResult')
export class ProductSearchResult {
  @Field(() => [ListedProduct])
  nodes!: ListedProduct[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => ProductFacets)
  facets!: ProductFacets;
}

@ObjectType('ReindexRun', { description: 'One rebuild of the search index and its progress.' })
export class ReindexRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReindexStateEnum)
  state!: ReindexState;

  @Field(() => Int)
  indexed!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('ReindexAlreadyRunning', { implements: ErrorResult })
export class ReindexAlreadyRunning extends ErrorResult {
  @Field(() => ReindexRunType)
  run: ReindexRunType;

  constructor(run: ReindexRunType) {
    super('REINDEX_ALREADY_RUNNING', 'A reindex is already running; follow it with reindexStatus.');
    this.run = run;
  }
}
