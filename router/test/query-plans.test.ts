import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';

// The committed supergraph, planned the way the router plans it: how many subgraph fetches does
// each storefront page cost?
const supergraph = Supergraph.build(
  readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
);
const planner = new QueryPlanner(supergraph);

function fetchesOf(query: string): string[] {
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
  const services: string[] = [];
  const visit = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') services.push(node.serviceName);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(visit);
    else if (node.kind === 'Flatten') visit(node.node);
  };
  if (plan.node?.kind !== 'Subscription') visit(plan.node);
  return services;
}

describe('query plans of storefront pages', () => {
  it('serves a listing page, facets included, from the catalog alone', () => {
    expect(
      fetchesOf(`{
        products(search: { text: "반팔" }, first: 24) {
          totalCount endCursor hasNextPage
          nodes { id name thumbnail minPrice maxPrice inStock brand { id name } category { id name } }
          facets { brands { value label count } options { name values { value count } } price { min max } inStock }
        }
      }`),
    ).toEqual(['catalog']);
  });

  it('joins detail fields from product by entity reference, in one more fetch', () => {
    expect(
      fetchesOf(
        `{ products(first: 5) { nodes { id name description skus { id price available } } } }`,
      ),
    ).toEqual(['catalog', 'product']);
  });

  it('serves a product page from product alone', () => {
    expect(
      fetchesOf(`query($id: ID!) {
        product(id: $id) {
          id name description images minPrice inStock brand { name } category { name }
          optionGroups { name values } skus { id price available options { name value } }
        }
      }`),
    ).toEqual(['product']);
  });

  it("prices a product page's SKUs at promotion with what product's fetch brought, in one more fetch", () => {
    expect(
      fetchesOf(`query($id: ID!) {
        product(id: $id) { id name skus { id price salePrice available } }
      }`),
    ).toEqual(['product', 'promotion']);
  });
});
