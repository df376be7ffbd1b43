// The storefront's queries through one gateway under the same load: requests/s, p50, p99,
// errors, and the gateway process's memory afterwards.
import { graphqlRequest } from '@shop/testkit';
import { load, type LoadFigures, type LoadOptions } from '../load.js';
import { rssMb } from '../shop-process.js';

/** A query to load a gateway with: one body, or one per variation of its variables, in turn. */
export type BenchQuery =
  | { query: string; variables: Record<string, unknown> }
  | { query: string; variations: Record<string, unknown>[] };

export interface GatewayRow extends LoadFigures {
  gateway: string;
  query: string;
  rssMb: number;
}

export async function measureGateway(
  gateway: { name: string; url: string; pid: number },
  queries: Record<string, BenchQuery>,
  options: LoadOptions,
): Promise<GatewayRow[]> {
  const rows: GatewayRow[] = [];
  for (const [query, body] of Object.entries(queries)) {
    const bodies =
      'variations' in body
        ? body.variations.map((variables) => ({ query: body.query, variables }))
        : [body];
    // autocannon counts only transport and HTTP errors; a gateway answering 200 with GraphQL
    // errors would look fast, so each query must first come back whole.
    const first = bodies[0]!;
    const answer = await graphqlRequest(gateway.url, first.query, { variables: first.variables });
    if (answer.errors || !answer.data)
      throw new Error(`${gateway.name} fails the ${query} query: ${JSON.stringify(answer.errors)}`);
    console.error(
      `  ${gateway.name}, ${query}: ${options.seconds} s at ${options.connections} connections`,
    );
    const figures = await load(gateway.url, bodies, options);
    rows.push({ gateway: gateway.name, query, ...figures, rssMb: rssMb(gateway.pid) });
  }
  return rows;
}
