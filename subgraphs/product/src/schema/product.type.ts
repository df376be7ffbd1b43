import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { productStatuses, type ProductStatus } from '@shop/contracts';
import { ErrorResult } from '@shop/kit/server';
import {
  stockAdjustmentReasons,
  stockMovementKinds,
  type StockAdjustmentReason,
  type StockMovementKind,
} from '../domain/stock-movement.entity.js';

export const ProductStatusEnum = Object.fromEntries(productStatuses.map((s) => [s, s])) as Record<
  ProductStatus,
  ProductStatus
>;
registerEnumType(ProductStatusEnum, {
  name: 'ProductStatus',
  description:
    'DRAFT: being prepared. ACTIVE: on sale. HIDDEN: taken off the shop. SOLD_OUT: shown, not sold (일시품절).',
});

export const StockMovementKindEnum = Object.fromEntries(
  stockMovementKinds.map((k) => [k, k]),
) as Record<StockMovementKind, StockMovementKind>;
registerEnumType(StockMovementKindEnum, { name: 'StockMovementKind' });

export const StockAdjustmentReasonEnum = Object.fromEntries(
  stockAdjustmentReasons.map((r) => [r, r]),
) as Record<StockAdjustmentReason, StockAdjustmentReason>;
registerEnumType(StockAdjustmentReasonEnum, {
  name: 'StockAdjustmentReason',
  description:
    'Why an admin changed stock. RECEIVED and RETURNED add units, DAMAGED and LOST remove them, COUNT_CORRECTION sets what was counted.',
});

export const StockAdjustmentKindEnum = { RECEIVED: 'RECEIVED', ADJUSTED: 'ADJUSTED' } as const;
registerEnumType(StockAdjustmentKindEnum, {
  name: 'StockAdjustmentKind',
  description: 'RECEIVED: a delivery (positive). ADJUSTED: a stock count correction (signed).',
});

@ObjectType('Brand')
@Directive('@key(fields: "id")')
export class BrandType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  @Field(() => String)
  slug!: string;
}

@ObjectType('Category', { description: 'A node of the category tree; products belong to leaves.' })
@Directive('@key(fields: "id")')
export class CategoryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}

@ObjectType('OptionGroup', { description: 'e.g. 색상: 블랙, 화이트' })
export class OptionGroupType {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@ObjectType('SkuOption')
export class SkuOptionType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

// Owned by auth; the router fetches who it is from there.
@ObjectType('StaffMember')
@Directive('@key(fields: "id", resolvable: false)')
export class StaffMemberReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('StockMovement', { description: 'One change of a SKU’s stock on hand and its cause.' })
export class StockMovementType {
  @Field(() => StockMovementKindEnum)
  kind!: StockMovementKind;

  @Field(() => Int, { description: 'Signed: sales are negative.' })
  quantity!: number;

  @Field(() => String)
  reference!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => StockAdjustmentReasonEnum, {
    nullable: true,
    description: 'Why an admin made it; none for sales and returns.',
  })
  reason!: StockAdjustmentReason | null;

  @Field(() => ID, { nullable: true, description: 'The admin who made it.' })
  actorId!: string | null;

  @Field(() => StaffMemberReference, {
    nullable: true,
    description: 'The member of staff who made it; none for sales and returns.',
  })
  actor!: StaffMemberReference | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Sku', { description: 'The sellable unit: one combination of option values.' })
@Directive('@key(fields: "id")')
export class SkuType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => Int, { description: 'KRW.' })
  price!: number;

  @Field(() => Int, { description: 'Units that can still be ordered.' })
  available!: number;

  @Field(() => Boolean, { description: 'False when the admin stopped selling this combination.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Admin: units in the warehouse.' })
  onHand!: number;

  @Field(() => Int, { description: 'Admin: units held for unpaid orders.' })
  reserved!: number;

  // What promotion's salePrice requires (@requires): the targets a discount may name, planned into
  // product's own fetch instead of promotion asking product again. Not in the API.
  @Field(() => ID)
  @Directive('@inaccessible')
  productId!: string;

  @Field(() => [ID], { description: "The product's category and its ancestors, root first." })
  @Directive('@inaccessible')
  categoryIds!: string[];
}

@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Directive('@shareable')
  name!: string;

  @Field(() => String, { description: 'Markdown, as the admin wrote it.' })
  description!: string;

  @Field(() => ProductStatusEnum)
  status!: ProductStatus;

  @Field(() => [String])
  images!: string[];

  @Field(() => [OptionGroupType])
  optionGroups!: OptionGroupType[];

  @Field(() => BrandType, { nullable: true })
  @Directive('@shareable')
  brand!: BrandType | null;

  @Field(() => CategoryType, { nullable: true, description: 'The leaf category.' })
  @Directive('@shareable')
  category!: CategoryType | null;

  @Field(() => String, { nullable: true, description: 'The first image.' })
  @Directive('@shareable')
  thumbnail!: string | null;

  @Field(() => Int, { description: 'Lowest price of the SKUs on sale (KRW).' })
  @Directive('@shareable')
  minPrice!: number;

  @Field(() => Int, { description: 'Highest price of the SKUs on sale (KRW).' })
  @Directive('@shareable')
  maxPrice!: number;

  @Field(() => Boolean, { description: 'On sale, with at least one unit of some SKU.' })
  @Directive('@shareable')
  inStock!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('ProductConnection')
export class ProductConnection {
  @Field(() => [ProductType])
  nodes!: ProductType[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType('CatalogItemNotFound', {
  implements: ErrorResult,
  description: 'A product, SKU, category, brand or option group named by the input does not exist.',
})
export class CatalogItemNotFound extends ErrorResult {
  @Field(() => String, { description: 'product, sku, category, brand or option group' })
  what: string;

  @Field(() => String)
  id: string;

  constructor(what: string, id: string) {
    super('NOT_FOUND', `no ${what} ${id}`);
    this.what = what;
    this.id = id;
  }
}

@ObjectType('StockBelowReserved', {
  implements: ErrorResult,
  description:
    'The change would leave fewer units on hand than open orders reserved; nothing changed.',
})
export class StockBelowReserved extends ErrorResult {
  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  reserved: number;

  constructor(onHand: number, reserved: number) {
    super('BELOW_RESERVED', `${reserved} units are reserved for open orders; ${onHand} on hand`);
    this.onHand = onHand;
    this.reserved = reserved;
  }
}
