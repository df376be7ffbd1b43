/** The picture formats a product may show, told by their first bytes, never by a header or name. */
const imageTypes = [
  {
    extension: 'jpg',
    contentType: 'image/jpeg',
    matches: (b: Buffer) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    extension: 'png',
    contentType: 'image/png',
    matches: (b: Buffer) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    extension: 'webp',
    contentType: 'image/webp',
    matches: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

export type ImageType = (typeof imageTypes)[number];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * JPEG, PNG or WebP by their signature; anything else (SVG above all, which can carry script)
 * is refused rather than sanitised.
 */
export function detectImageType(bytes: Buffer): ImageType | undefined {
  return imageTypes.find((type) => type.matches(bytes));
}

/** A stored picture's key: a fresh UUID and the extension of its detected type. */
export const mediaKeyPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;

export function contentTypeOfKey(key: string): string | undefined {
  const extension = key.split('.').pop();
  return imageTypes.find((type) => type.extension === extension)?.contentType;
}
