import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAcceptedChanges } from '../src/breaking/accepted.js';

const parse = (accepted: unknown[]) => parseAcceptedChanges(JSON.stringify({ accepted }));

describe('accepted breaking changes', () => {
  it('reads entries that give a reason', () => {
    expect(
      parse([{ change: 'Product.name', reason: 'renamed before any client used it' }]),
    ).toEqual([{ change: 'Product.name', reason: 'renamed before any client used it' }]);
  });

  it('rejects an entry without a reason, or with a blank one', () => {
    expect(() => parse([{ change: 'Product.name' }])).toThrow(
      'router/schema-changes-accepted.json is invalid: accepted.0.reason: a reason is required',
    );
    expect(() => parse([{ change: 'Product.name', reason: '  ' }])).toThrow(
      /accepted\.0\.reason: a reason is required/,
    );
    expect(() => parseAcceptedChanges('{ "accepted": [')).toThrow(/is not JSON/);
  });

  it('accepts the committed file', () => {
    const committed = readFileSync(
      new URL('../../../router/schema-changes-accepted.json', import.meta.url),
      'utf8',
    );
    expect(Array.isArray(parseAcceptedChanges(committed))).toBe(true);
  });
});
