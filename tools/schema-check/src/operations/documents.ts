import {
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** One client or partner operation, with the fragments it spreads: what the router would run. */
export interface Operation {
  name: string;
  /** Where it was found, relative to the repository root. */
  file: string;
  document: DocumentNode;
}

export interface SourceDocument {
  file: string;
  document: DocumentNode;
}

/**
 * Every operation of a set of documents, each alone with the fragments it spreads (through other
 * fragments too). Fragments are pooled across the documents, as a client build pools them; an
 * unknown fragment is left for validation to report.
 */
export function operationsOf(sources: SourceDocument[]): {
  operations: Operation[];
  problems: string[];
} {
  const fragments = new Map<string, { file: string; fragment: FragmentDefinitionNode }>();
  const problems: string[] = [];
  for (const { file, document } of sources)
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const name = definition.name.value;
      const earlier = fragments.get(name);
      if (earlier) problems.push(`${file}: fragment ${name} is also defined in ${earlier.file}`);
      else fragments.set(name, { file, fragment: definition });
    }
  const operations = sources.flatMap(({ file, document }) =>
    document.definitions
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({
        name: operation.name?.value ?? '(anonymous)',
        file,
        document: withFragments(operation, (name) => fragments.get(name)?.fragment),
      })),
  );
  return { operations, problems };
}

function withFragments(
  operation: OperationDefinitionNode,
  fragmentNamed: (name: string) => FragmentDefinitionNode | undefined,
): DocumentNode {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: ASTNode[] = [operation];
  for (let node = pending.pop(); node; node = pending.pop())
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragmentNamed(spread.name.value);
        if (!fragment || used.has(spread.name.value)) return;
        used.set(spread.name.value, fragment);
        pending.push(fragment);
      },
    });
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
}
