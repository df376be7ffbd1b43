import { defineEntity, p } from '@mikro-orm/core';

/**
 * Leave for one picture of a product to be uploaded, given to an admin by `startImageUpload`.
 * Its id is the unguessable part of the upload URL; it is used once and only until `expiresAt`,
 * so the upload route needs no access token of its own.
 */
export const ImageUploadSchema = defineEntity({
  name: 'ImageUpload',
  tableName: 'image_upload',
  properties: {
    id: p.string().length(36).primary(),
    productId: p.string().length(36),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ImageUpload extends ImageUploadSchema.class {}
ImageUploadSchema.setClass(ImageUpload);
