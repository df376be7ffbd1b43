import type { Orm } from '@shop/kit/db';
import { sendText } from '@shop/kit/ops';
import type { HttpRoute } from '@shop/kit/server';
import { parsePlaceholderPath, placeholderSvg } from '../demo/index.js';
import { Product } from '../domain/product.entity.js';

/**
 * GET /media/placeholders/<product>-<n>.svg: the demo catalogue's pictures, drawn on request with
 * the product's current name. Public and cacheable; it reveals only what the shop shows anyway.
 */
export function placeholderImagesRoute(orm: Orm): HttpRoute {
  return {
    prefix: '/media/placeholders/',
    handle: async (req, res) => {
      const image = parsePlaceholderPath(new URL(req.url ?? '/', 'http://media').pathname);
      const product =
        image &&
        (await orm.em.fork().findOne(Product, { idempotencyKey: `demo-${image.productKey}` }));
      if (!image || !product) return sendText(res, 404, 'text/plain', 'no such image');
      res.setHeader('cache-control', 'public, max-age=3600');
      sendText(
        res,
        200,
        'image/svg+xml',
        // Coloured by product; each picture of it is another view of the same thing.
        placeholderSvg(product.name, Number(image.productKey.slice(1)), image.index),
      );
    },
  };
}
