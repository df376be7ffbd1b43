import { Field, ID, InputType, Int } from 'type-graphql';
import type { ProductStatus } from '@shop/contracts';
import type { StockAdjustmentReason } from '../domain/stock-movement.entity.js';
import {
  ProductStatusEnum,
  StockAdjustmentKindEnum,
  StockAdjustmentReasonEnum,
} from './product.type.js';

@InputType()
export class OptionGroupInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@InputType()
export class SkuOptionInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@InputType({
  description: 'Price or stock of one combination, where it differs from the defaults.',
})
export class SkuDraftInput {
  @Field(() => [SkuOptionInput])
  options!: SkuOptionInput[];

  @Field(() => Int, { nullable: true })
  price?: number | null;

  @Field(() => Int, { nullable: true })
  initialStock?: number | null;
}

@InputType()
export class CreateProductInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  brandId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ProductStatusEnum, { nullable: true, description: 'DRAFT when absent.' })
  status?: ProductStatus;

  @Field(() => Int, { description: 'Price of every generated SKU (KRW); change SKUs later.' })
  basePrice!: number;

  @Field(() => [String], { nullable: true })
  images?: string[];

  @Field(() => [OptionGroupInput], {
    nullable: true,
    description: 'One SKU is generated per combination of values (none: a single SKU).',
  })
  optionGroups?: OptionGroupInput[];

  @Field(() => Int, { nullable: true, description: 'Units received for each generated SKU.' })
  initialStock?: number;

  @Field(() => [SkuDraftInput], { nullable: true })
  skus?: SkuDraftInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Send the same key when retrying: the first product is returned, not a second.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  brandId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => [String], { nullable: true })
  images?: string[];
}

@InputType()
export class AddOptionValueInput {
  @Field(() => String, { description: 'An existing option group of the product.' })
  group!: string;

  @Field(() => String)
  value!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Price of the new SKUs; lowest price if absent.',
  })
  price?: number | null;
}

@InputType()
export class UpdateSkuInput {
  @Field(() => Int, { nullable: true })
  price?: number;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;
}

@InputType({ description: 'Give a reason, and either a signed quantity or the units counted.' })
export class AdjustStockInput {
  @Field(() => StockAdjustmentReasonEnum, { nullable: true, description: 'Required unless kind.' })
  reason?: StockAdjustmentReason;

  @Field(() => StockAdjustmentKindEnum, {
    nullable: true,
    deprecationReason: 'Use reason: RECEIVED, or COUNT_CORRECTION for ADJUSTED.',
  })
  kind?: 'RECEIVED' | 'ADJUSTED';

  @Field(() => Int, { nullable: true, description: 'Signed change of the units on hand.' })
  quantity?: number;

  @Field(() => Int, { nullable: true, description: 'The units on hand after the change.' })
  onHand?: number;

  @Field(() => String, { description: 'Unique per SKU and kind; a retry with it changes nothing.' })
  reference!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class CreateCategoryInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
export class CreateBrandInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  slug!: string;
}

@InputType()
export class AdminProductFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  query?: string | null;

  @Field(() => ProductStatusEnum, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  brandId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only products with an enabled SKU that has at most this many units available.',
  })
  lowStockAtMost?: number | null;
}
