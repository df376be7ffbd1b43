import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export const defaultSupergraphFile = fileURLToPath(
  new URL('../supergraph.graphql', import.meta.url),
);

export function readSupergraph(file = defaultSupergraphFile): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the supergraph ${file}: run \`pnpm compose\` first`, {
      cause: error,
    });
  }
}

export interface SubgraphEntry {
  name: string;
  url: string;
}

/** The subgraphs a supergraph names, with the URLs composition wrote (`@join__graph`). */
export function subgraphsOf(supergraphSdl: string): SubgraphEntry[] {
  const entries: SubgraphEntry[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph')
      continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const argument = (name: string) => {
        const node = graph?.arguments?.find((arg) => arg.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : undefined;
      };
      const name = argument('name');
      if (name) entries.push({ name, url: argument('url') ?? '' });
    }
  }
  return entries;
}

/** `SHOP_SUBGRAPH_URL_<NAME>` keys are upper case with `_`; subgraph names may use `-`. */
export function subgraphKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

/**
 * Where the router reaches each subgraph: `SHOP_SUBGRAPH_URL_<NAME>` (`overrides`, keyed like
 * `subgraphKey`), else `fallback(name)`, else the URL in the supergraph. Also returns the override
 * keys that name no subgraph, for a warning.
 */
export function resolveSubgraphUrls(
  supergraphSdl: string,
  overrides: Record<string, string>,
  fallback?: (name: string) => string | undefined,
): { urls: Map<string, string>; unknownOverrides: string[] } {
  const urls = new Map<string, string>();
  for (const { name, url } of subgraphsOf(supergraphSdl)) {
    urls.set(name, overrides[subgraphKey(name)] ?? fallback?.(name) ?? url);
  }
  const known = new Set([...urls.keys()].map(subgraphKey));
  return { urls, unknownOverrides: Object.keys(overrides).filter((key) => !known.has(key)) };
}
