// `pnpm codegen`: TypeScript types and typed documents for the clients' operations
// (client/src/**/*.graphql), from the API schema `pnpm compose` writes. `--check` fails if stale.
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
  },
};

export default config;
