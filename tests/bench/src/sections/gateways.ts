// The storefront's queries through each gateway under the same load: requests/s, p50, p99,
// errors, and the gateway process's memory afterwards.
import { graphqlRequest } from '@shop/testkit';
import { interleavedLoad, load, type LoadFigures, type LoadOptions } from '../load.js';
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

/**
 * The storefront's queries through each gateway, in turns of a second (`interleavedLoad`) when
 * there are several, so a ratio between two gateways compares the same stretches of the run: one
 * after the other, a Hive figure taken a minute after the router's differed by the machine's swing
 * as much as by the gateways. Rows come grouped by gateway, in the order given.
 */
export async function measureGateways(
  gateways: { name: string; url: string; pid: number }[],
  queries: Record<string, BenchQuery>,
  options: LoadOptions,
): Promise<GatewayRow[]> {
  const rows: GatewayRow[][] = gateways.map(() => []);
  for (const [query, body] of Object.entries(queries)) {
    const bodies =
      'variations' in body
        ? body.variations.map((variables) => ({ query: body.query, variables }))
        : [body];
    // autocannon counts only transport and HTTP errors; a gateway answering 200 with GraphQL
    // errors would look fast, so each query must first come back whole.
    const first = bodies[0]!;
    for (const gateway of gateways) {
      const answer = await graphqlRequest(gateway.url, first.query, {
        variables: first.variables,
      });
      if (answer.errors || !answer.data)
        throw new Error(
          `${gateway.name} fails the ${query} query: ${JSON.stringify(answer.errors)}`,
        );
    }
    console.error(
      `  ${gateways.map(({ name }) => name).join(', ')}, ${query}: ${options.seconds} s each at ${options.connections} connections${gateways.length > 1 ? ', in turns of 1 s' : ''}`,
    );
    const figures =
      gateways.length > 1
        ? await interleavedLoad(
            gateways.map(({ url }) => ({ url, bodies })),
            options,
          )
        : [await load(gateways[0]!.url, bodies, options)];
    gateways.forEach((gateway, index) =>
      rows[index]!.push({
        gateway: gateway.name,
        query,
        ...figures[index]!,
        rssMb: rssMb(gateway.pid),
      }),
    );
  }
  return rows.flat();
}
