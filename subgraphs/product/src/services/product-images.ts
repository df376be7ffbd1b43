import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@shop/kit/db';
import { ImageUpload } from '../domain/image-upload.entity.js';
import { Product } from '../domain/product.entity.js';
import { detectImageType } from '../media/image-types.js';
import type { MediaStore } from '../media/media-store.js';
import { notFound, saved, type Outcome } from './outcome.js';
import type { ProductCatalog } from './product-catalog.js';

/** Where the shop serves uploaded pictures; a product's `images` hold these paths. */
export const uploadedImagePrefix = '/media/images/';

export type UploadRefusal =
  'IMAGE_TOO_LARGE' | 'IMAGE_TYPE_REFUSED' | 'UPLOAD_EXPIRED' | 'INVALID_INPUT';
export type UploadOutcome =
  { kind: 'stored'; url: string } | { kind: 'refused'; errorCode: UploadRefusal; message: string };

const refused = (errorCode: UploadRefusal, message: string): UploadOutcome => ({
  kind: 'refused',
  errorCode,
  message,
});

/**
 * A product's uploaded pictures: an admin asks for an upload slot (GraphQL, where admins are
 * known), sends the bytes to the slot's URL, and the picture is checked, stored and appended to
 * the product. Reordering and removing are `updateProduct(images)`; removed files are deleted.
 */
export class ProductImages {
  constructor(
    private readonly deps: {
      store: MediaStore;
      catalog: ProductCatalog;
      maxBytes: number;
      uploadTtlSeconds: number;
    },
  ) {}

  get maxBytes(): number {
    return this.deps.maxBytes;
  }

  async startUpload(em: EntityManager, productId: string): Promise<Outcome<ImageUpload>> {
    if (!(await em.fork().findOne(Product, { id: productId })))
      return notFound('product', productId);
    const upload = em.create(ImageUpload, {
      id: randomUUID(),
      productId,
      expiresAt: new Date(Date.now() + this.deps.uploadTtlSeconds * 1000),
      usedAt: null,
    });
    await em.persist(upload).flush();
    return saved(upload);
  }

  async receive(em: EntityManager, uploadId: string, bytes: Buffer): Promise<UploadOutcome> {
    if (bytes.length > this.deps.maxBytes)
      return refused('IMAGE_TOO_LARGE', `at most ${this.deps.maxBytes} bytes`);
    const type = detectImageType(bytes);
    if (!type) return refused('IMAGE_TYPE_REFUSED', 'only JPEG, PNG or WebP pictures');
    // The slot is claimed by one conditional update: a replayed or late upload finds it used.
    const claimed = await em
      .fork()
      .nativeUpdate(
        ImageUpload,
        { id: uploadId, usedAt: null, expiresAt: { $gt: new Date() } },
        { usedAt: new Date() },
      );
    if (claimed !== 1) return refused('UPLOAD_EXPIRED', 'ask for a new upload');
    const { productId } = await em.fork().findOneOrFail(ImageUpload, { id: uploadId });
    const key = `${randomUUID()}.${type.extension}`;
    await this.deps.store.put(key, bytes);
    const added = await this.deps.catalog.addImage(em, productId, uploadedImagePrefix + key);
    if (added.kind === 'saved') return { kind: 'stored', url: uploadedImagePrefix + key };
    await this.deps.store.delete(key);
    // The gallery is full, or the product went away since the slot was given.
    return added.kind === 'invalid-input'
      ? refused('INVALID_INPUT', added.issues.map((issue) => issue.message).join('; '))
      : refused('UPLOAD_EXPIRED', 'the product no longer exists');
  }

  /** Deletes the uploaded pictures a product showed before a change and no longer shows. */
  async forget(before: readonly string[], after: readonly string[]): Promise<void> {
    const kept = new Set(after);
    for (const url of before)
      if (url.startsWith(uploadedImagePrefix) && !kept.has(url))
        await this.deps.store.delete(url.slice(uploadedImagePrefix.length));
  }
}
