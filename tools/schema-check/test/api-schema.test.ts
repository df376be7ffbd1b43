import { describe, expect, it } from 'vitest';
import { printSchema } from 'graphql';
import { apiSchemaOf } from '../src/api-schema.js';
import { fixture } from './support.js';

describe('the API schema of a supergraph', () => {
  it('keeps what clients see and drops federation machinery and @inaccessible fields', () => {
    const schema = apiSchemaOf(fixture('supergraph.graphql'));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(['products']);
    const sdl = printSchema(schema);
    expect(sdl).toContain('"""Units that can still be ordered."""\n  available: Int!');
    expect(sdl).not.toMatch(/join__|link__|@link|costPrice|@inaccessible/);
  });
});
