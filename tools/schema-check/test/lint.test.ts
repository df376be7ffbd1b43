import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { checkLint, lintBaselineText } from '../src/lint/baseline.js';
import { lintSchema } from '../src/lint/rules.js';
import { baseSchema } from './support.js';

const sloppy = buildSchema(`
  type Query {
    sku(id: ID!): Sku
    """Every sku."""
    skus(Page_Size: Int): [Sku!]!
  }
  type Mutation {
    """Stops selling a sku."""
    retire(id: ID!): Sku @deprecated
  }
  type Sku {
    id: ID!
    stock_level: Int
    code: String @deprecated(reason: "Use id.")
  }
  enum sku_state { onSale SOLD_OUT }
`);

describe('API schema lint', () => {
  it('finds missing root field descriptions, bad names and deprecations without a reason', () => {
    expect(lintSchema(sloppy).map(({ rule, coordinate }) => `${rule} ${coordinate}`)).toEqual([
      'root-field-description Query.sku',
      'argument-name Query.skus(Page_Size:)',
      'deprecation-reason Mutation.retire',
      'field-name Sku.stock_level',
      'type-name sku_state',
      'enum-value-name sku_state.onSale',
    ]);
    expect(lintSchema(sloppy)[0]!.message).toBe('Query.sku has no description');
  });

  it('passes a schema that keeps the conventions', () => {
    expect(lintSchema(baseSchema())).toEqual([]);
  });

  it('fails only on violations the baseline does not list, counting the baselined ones', () => {
    const violations = lintSchema(sloppy);
    const baseline = [
      { rule: 'root-field-description', coordinate: 'Query.sku' },
      { rule: 'field-name', coordinate: 'Sku.stock_level' },
      { rule: 'field-name', coordinate: 'Sku.gone' },
    ];
    const result = checkLint(violations, baseline);
    expect(result.ok).toBe(false);
    expect(result.summary).toBe(
      '4 new violations, 2 baselined in router/schema-lint-baseline.json',
    );
    expect(result.details).toContain('sku_state.onSale is not UPPER_SNAKE_CASE (enum-value-name)');
    expect(result.details).not.toContain('Query.sku has no description (root-field-description)');
    expect(result.details.at(-1)).toMatch(/^1 baselined violation fixed: run/);
  });

  it('passes once the baseline is updated, which lists every violation sorted', () => {
    const violations = lintSchema(sloppy);
    const baseline = JSON.parse(lintBaselineText(violations)) as {
      violations: { rule: string; coordinate: string }[];
    };
    expect(baseline.violations[0]).toEqual({
      rule: 'argument-name',
      coordinate: 'Query.skus(Page_Size:)',
    });
    expect(checkLint(violations, baseline.violations)).toMatchObject({
      ok: true,
      summary: '0 new violations, 6 baselined in router/schema-lint-baseline.json',
    });
  });
});
