import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { productEntities } from '../src/domain/entities.js';
import { Product } from '../src/domain/product.entity.js';
import { mediaRoutes } from '../src/internal/media.route.js';
import { DiskMediaStore } from '../src/media/disk-media-store.js';
import { ProductCatalog } from '../src/services/product-catalog.js';
import { ProductChanges } from '../src/services/product-changes.js';
import { ProductImages } from '../src/services/product-images.js';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describeOnEachDatabase('product pictures on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let folder: string;
  let server: Server;
  let base: string;
  const outbox = new Outbox('product');
  const catalog = new ProductCatalog({ outbox, changes: new ProductChanges(outbox) });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'product_images');
    orm = await openDatabase({ config: database.config, entities: productEntities });
    await orm.schema.update();
    folder = await mkdtemp(path.join(tmpdir(), 'product-media-'));
    const store = new DiskMediaStore(folder);
    const images = new ProductImages({ store, catalog, maxBytes: 1024, uploadTtlSeconds: 60 });
    const routes = mediaRoutes(orm, store, images);
    server = createServer((req, res) => {
      const route = routes.find((candidate) => req.url!.startsWith(candidate.prefix));
      void route!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    startUpload = async (productId) => {
      const outcome = await images.startUpload(orm.em.fork(), productId);
      if (outcome.kind !== 'saved') throw new Error(outcome.kind);
      return `${base}/media/uploads/${outcome.value.id}`;
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await orm.close();
    await database.drop();
    await rm(folder, { recursive: true, force: true });
  });

  let startUpload: (productId: string) => Promise<string>;
  async function newProduct() {
    const outcome = await catalog.createProduct(orm.em.fork(), { name: '가방', basePrice: 50_000 });
    if (outcome.kind !== 'saved') throw new Error(outcome.kind);
    return outcome.value.id;
  }
  const upload = (url: string, body: Buffer) =>
    fetch(url, { method: 'POST', body: new Uint8Array(body) });

  it('stores a PNG, adds it to the product and serves it with its type, cached', async () => {
    const productId = await newProduct();
    const answer = await upload(await startUpload(productId), png);
    expect(answer.status).toBe(201);
    const { url } = (await answer.json()) as { url: string };
    expect((await orm.em.fork().findOneOrFail(Product, { id: productId })).images).toEqual([url]);
    const served = await fetch(base + url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('refuses SVG, other types and oversized pictures with a 400 and a typed error', async () => {
    const productId = await newProduct();
    for (const [body, errorCode] of [
      [svg, 'IMAGE_TYPE_REFUSED'],
      [Buffer.from('GIF89a......'), 'IMAGE_TYPE_REFUSED'],
      [Buffer.concat([png, Buffer.alloc(2048)]), 'IMAGE_TOO_LARGE'],
    ] as const) {
      const answer = await upload(await startUpload(productId), body);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ errorCode });
    }
    expect((await orm.em.fork().findOneOrFail(Product, { id: productId })).images).toEqual([]);
  });

  it('uses an upload slot once', async () => {
    const slot = await startUpload(await newProduct());
    expect((await upload(slot, png)).status).toBe(201);
    const again = await upload(slot, png);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ errorCode: 'UPLOAD_EXPIRED' });
  });
});
