import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` of the HMAC of the raw body: how the carrier signs its webhooks. */
export function signWebhook(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a webhook's signature header against its raw body. */
export function isValidSignature(
  body: string,
  header: string | undefined,
  secret: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhook(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
