// What any gateway needs to stand in for the shop's router over the same subgraphs: the committed
// supergraph, where each subgraph runs now, and the signed internal token the subgraphs require
// (an anonymous caller, signed per request as the router does).
import { readFileSync } from 'node:fs';
import { InternalTokens } from '@shop/kit/identity';

export const supergraphSdl = readFileSync(
  new URL('../../../../router/supergraph.graphql', import.meta.url),
  'utf8',
);

/** A subgraph's URL from SHOP_SUBGRAPH_URL_<NAME>, else the one composed into the supergraph. */
export const subgraphUrl = (name: string, composed: string): string =>
  process.env[`SHOP_SUBGRAPH_URL_${name.toUpperCase()}`] ?? composed;

const tokens = new InternalTokens(process.env.SHOP_INTERNAL_SECRET!);
export const internalTokenHeader = 'x-shop-internal-token';
export const signAnonymous = (): Promise<string> =>
  tokens.sign({ via: 'router', identity: { kind: 'anonymous' } });

export const listenPort = Number(process.env.BASELINE_GATEWAY_PORT);
