import type { IncomingMessage } from 'node:http';
import type { Orm } from '@shop/kit/db';
import { sendJson, sendText } from '@shop/kit/ops';
import type { HttpRoute } from '@shop/kit/server';
import { contentTypeOfKey, mediaKeyPattern } from '../media/image-types.js';
import type { MediaStore } from '../media/media-store.js';
import { uploadedImagePrefix, type ProductImages } from '../services/product-images.js';

const uploadPrefix = '/media/uploads/';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The body, or undefined once it passes `maxBytes` (the rest is not read into memory). */
async function readAtMost(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GET  /media/images/<key>     an uploaded picture, public and cached for good (keys never change)
 * POST /media/uploads/<slot>   the bytes of a picture for the slot `startImageUpload` gave:
 *                              201 { url }, or 400 { errorCode, message }
 */
export function mediaRoutes(orm: Orm, store: MediaStore, images: ProductImages): HttpRoute[] {
  return [
    {
      prefix: uploadedImagePrefix,
      handle: async (req, res) => {
        const key = new URL(req.url ?? '/', 'http://media').pathname.slice(
          uploadedImagePrefix.length,
        );
        const bytes =
          req.method === 'GET' && mediaKeyPattern.test(key) ? await store.get(key) : undefined;
        if (!bytes) return sendText(res, 404, 'text/plain', 'no such image');
        res.writeHead(200, {
          'content-type': contentTypeOfKey(key)!,
          'content-length': bytes.length,
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
        });
        res.end(bytes);
      },
    },
    {
      prefix: uploadPrefix,
      handle: async (req, res) => {
        const slot = new URL(req.url ?? '/', 'http://media').pathname.slice(uploadPrefix.length);
        if (req.method !== 'POST' || !uuidPattern.test(slot))
          return sendJson(res, 404, { errorCode: 'UPLOAD_EXPIRED', message: 'no such upload' });
        const bytes = await readAtMost(req, images.maxBytes);
        const outcome = bytes
          ? await images.receive(orm.em.fork(), slot, bytes)
          : ({ kind: 'refused', errorCode: 'IMAGE_TOO_LARGE', message: 'too large' } as const);
        if (outcome.kind === 'stored') return sendJson(res, 201, { url: outcome.url });
        // Refused before the whole body was read: close rather than drain the rest.
        if (!bytes) res.setHeader('connection', 'close');
        sendJson(res, 400, { errorCode: outcome.errorCode, message: outcome.message });
      },
    },
  ];
}
