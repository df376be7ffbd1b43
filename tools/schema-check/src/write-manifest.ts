// `pnpm tsx tools/schema-check/src/write-manifest.ts <operations.graphql>`: prints an Apollo
// persisted query manifest of the file's operations — each body the operation and the fragments
// it spreads, each id the SHA-256 of that body — as a partner's manifest (partners/*.manifest.json).
import { readFile } from 'node:fs/promises';
import { Kind, parse, print, Source } from 'graphql';
import { operationIdOf, type OperationManifest } from '@shop/contracts/operation-manifest';
import { operationsOf } from './operations/documents.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: pnpm tsx tools/schema-check/src/write-manifest.ts <operations.graphql>');
  process.exit(2);
}
const document = parse(new Source(await readFile(file, 'utf8'), file));
const { operations, problems } = operationsOf([{ file, document }]);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const manifest: OperationManifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: operations.map(({ name, document }) => {
    const body = print(document);
    const [operation] = document.definitions;
    const type = operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation : 'query';
    return { id: operationIdOf(body), name, type, body };
  }),
};
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
