import { readFileSync } from 'node:fs';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { operationsOf } from '../src/operations/documents.js';

export const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const baseSdl = fixture('base.graphql');

/** fixtures/base.graphql: the API schema the base branch serves. */
export const baseSchema = (): GraphQLSchema => buildSchema(baseSdl);

/** The base schema with `from` replaced by `to`; fails if `from` is not in it. */
export function editedSchema(from: string, to: string): GraphQLSchema {
  if (!baseSdl.includes(from)) throw new Error(`fixtures/base.graphql has no ${from}`);
  return buildSchema(baseSdl.replace(from, to));
}

/** fixtures/operations.graphql, as if it were a client's document. */
export const clientOperations = () =>
  operationsOf([
    { file: 'client/operations.graphql', document: parse(fixture('operations.graphql')) },
  ]).operations;
