/** A span as Zipkin's v2 API returns it (the fields the tests read). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

/** One trace's spans from Zipkin (`GET /api/v2/trace/{id}`); empty while Zipkin has none of it. */
export async function zipkinTrace(zipkinUrl: string, traceId: string): Promise<ZipkinSpan[]> {
  const response = await fetch(new URL(`/api/v2/trace/${traceId}`, zipkinUrl));
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`zipkin answered ${response.status} for trace ${traceId}`);
  return (await response.json()) as ZipkinSpan[];
}

export function serviceOf(span: ZipkinSpan): string | undefined {
  return span.localEndpoint?.serviceName;
}
