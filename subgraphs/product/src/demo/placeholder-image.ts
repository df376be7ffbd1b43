/**
 * Generated product pictures for the demo catalogue: a coloured square with a shape seen from one
 * view, the product's name and the view's.
 */

const placeholderPath = /^\/media\/placeholders\/(p\d{4,})-(\d)\.svg$/;

export function placeholderImageUrl(productKey: string, index: number): string {
  return `/media/placeholders/${productKey}-${index}.svg`;
}

/** What a placeholder URL names, or null when it is not one. */
export function parsePlaceholderPath(path: string): { productKey: string; index: number } | null {
  const match = placeholderPath.exec(path);
  return match ? { productKey: match[1]!, index: Number(match[2]) } : null;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The views a product's pictures show, one per picture in order: each a different angle on the
 * same shape, in a shade of its own, so a gallery's pictures tell apart at a glance.
 */
export const placeholderViews = [
  { name: '정면', hueShift: 0, shape: '<circle cx="300" cy="250" r="120"/>' },
  {
    name: '측면',
    hueShift: 25,
    shape: '<ellipse cx="300" cy="250" rx="150" ry="80" transform="rotate(-20 300 250)"/>',
  },
  { name: '뒷면', hueShift: 50, shape: '<rect x="190" y="140" width="220" height="220" rx="36"/>' },
  {
    name: '디테일',
    hueShift: 75,
    shape:
      '<circle cx="300" cy="250" r="210"/><circle cx="300" cy="250" r="90" fill-opacity="0.4"/>',
  },
] as const;

/** The picture of `view` (1 for the first picture) of a product, in colours `seed` picks. */
export function placeholderSvg(label: string, seed: number, view = 1): string {
  const { name, hueShift, shape } = placeholderViews[(view - 1) % placeholderViews.length]!;
  const hue = ((seed * 47) % 360) + hueShift;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<rect width="600" height="600" fill="hsl(${hue} 45% 88%)"/>
<g fill="hsl(${hue} 40% 70%)">${shape}</g>
<text x="300" y="470" font-family="sans-serif" font-size="34" text-anchor="middle" fill="hsl(${hue} 40% 25%)">${escapeXml(label)}</text>
<text x="300" y="520" font-family="sans-serif" font-size="24" text-anchor="middle" fill="hsl(${hue} 40% 25%)">${name}</text>
</svg>`;
}
