// `pnpm codegen`: TypeScript types and typed documents for the clients' operations
// (client/src/**/*.graphql), and the Apollo cache's possibleTypes (without them a result read
// through `... on ErrorResult` loses its fields and the page shows an empty error), from the API
// schema `pnpm compose` writes. `--check` fails if stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'router/api-schema.graphql',
  documents: 'client/src/**/*.graphql',
  generates: {
    'client/src/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string' },
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: false,
      },
    },
    'client/src/graphql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { useExplicitTyping: true },
    },
  },
};

export default config;
