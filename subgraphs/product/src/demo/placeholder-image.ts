/** Generated product pictures for the demo catalogue: a coloured square with the product's name. */

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

export function placeholderSvg(label: string, seed: number): string {
  const hue = (seed * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<rect width="600" height="600" fill="hsl(${hue} 45% 88%)"/>
<circle cx="300" cy="250" r="120" fill="hsl(${hue} 40% 70%)"/>
<text x="300" y="470" font-family="sans-serif" font-size="34" text-anchor="middle" fill="hsl(${hue} 40% 25%)">${escapeXml(label)}</text>
</svg>`;
}
