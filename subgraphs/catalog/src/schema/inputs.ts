import { Field, ID, InputType, Int } from 'type-graphql';
import type { ProductSort } from '../search/index.js';
import { ProductSortEnum } from './catalog.type.js';

@InputType()
export class OptionFilterInput {
  @Field(() => String, { description: 'The option group, e.g. 색상.' })
  name!: string;

  @Field(() => [String], { description: 'Any of these values.' })
  values!: string[];
}

@InputType()
export class ProductSearchInput {
  @Field(() => String, { nullable: true, description: 'Words to search for (Korean or English).' })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'A category; its subcategories are included.' })
  categoryId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Any of these brands.' })
  brandIds?: string[] | null;

  @Field(() => [OptionFilterInput], {
    nullable: true,
    description: 'Any value within a group, every group.',
  })
  options?: OptionFilterInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Lowest "from" price, KRW.' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest "from" price, KRW.' })
  maxPrice?: number | null;

  @Field(() => Boolean, { nullable: true })
  inStockOnly?: boolean | null;

  @Field(() => ProductSortEnum, { nullable: true })
  sort?: ProductSort | null;
}
