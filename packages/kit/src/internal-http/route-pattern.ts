/** A path like `/reservations/:orderId/commit`, matched segment by segment. */
export class RoutePattern {
  private readonly segments: string[];

  constructor(path: string) {
    this.segments = path.split('/').filter(Boolean);
  }

  /** The `:name` parameters of a matching path, or `null`. */
  match(path: string): Record<string, string> | null {
    const segments = path.split('/').filter(Boolean);
    if (segments.length !== this.segments.length) return null;
    const params: Record<string, string> = {};
    for (const [index, expected] of this.segments.entries()) {
      const actual = decodeSegment(segments[index]!);
      if (actual === null) return null;
      if (expected.startsWith(':')) params[expected.slice(1)] = actual;
      else if (expected !== actual) return null;
    }
    return params;
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed escapes match no route
  }
}
