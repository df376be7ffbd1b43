import type { Supergraph } from '@apollo/federation-internals';
import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Whether an operation reads only what the catalog subgraph serves — its listing read model,
 * which a product change refreshes and then marks with a new listing generation. Such an
 * operation validates against catalog's own schema; anything else (stock counts, sale prices,
 * a user's data) would not, and is never cached.
 */
export class CatalogOnlyOperations {
  private readonly catalog: GraphQLSchema | undefined;
  private readonly decided = new WeakMap<DocumentNode, boolean>();

  constructor(supergraph: Supergraph) {
    this.catalog = supergraph.subgraphs().get('catalog')?.schema.toGraphQLJSSchema();
  }

  test(document: DocumentNode, operationType: string): boolean {
    if (!this.catalog || operationType !== 'query') return false;
    let decision = this.decided.get(document);
    if (decision === undefined) {
      decision = validate(this.catalog, document).length === 0;
      this.decided.set(document, decision);
    }
    return decision;
  }
}
