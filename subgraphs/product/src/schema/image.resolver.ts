import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { createResultUnion } from '@shop/kit/server';
import type { ProductImages } from '../services/product-images.js';
import type { ProductContext } from './loaders.js';
import { CatalogItemNotFound } from './product.type.js';
import { resultOf } from './results.js';

@ObjectType('ImageUpload', {
  description:
    'Leave to upload one picture: POST its bytes (JPEG, PNG or WebP) to `uploadUrl` once, before `expiresAt`.',
})
export class ImageUploadType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'A path on the shop: 201 { url } or 400 { errorCode }.' })
  uploadUrl!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

export const ImageUploadResult = createResultUnion({
  name: 'ImageUploadResult',
  types: () => [ImageUploadType, CatalogItemNotFound] as const,
});

@Resolver()
export class ImageResolver {
  constructor(private readonly images: ProductImages) {}

  @Mutation(() => ImageUploadResult, { description: 'Admin: a slot to upload a product picture.' })
  async startImageUpload(
    @Arg('productId', () => ID) productId: string,
    @Ctx() context: ProductContext,
  ) {
    const outcome = await this.images.startUpload(context.em, productId);
    if (outcome.kind !== 'saved') return resultOf(outcome);
    const upload = outcome.value;
    return {
      __typename: 'ImageUpload',
      id: upload.id,
      uploadUrl: `/media/uploads/${upload.id}`,
      expiresAt: upload.expiresAt,
    };
  }
}
