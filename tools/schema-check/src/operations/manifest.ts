import { Kind, parse, type DocumentNode } from 'graphql';
import { partnerScopes } from '@shop/contracts';
import { operationManifestSchema, operationRootFields } from '@shop/contracts/operation-manifest';
import type { Operation } from './documents.js';

const openToPartners = new Set<string>(Object.values(partnerScopes).flat());
/** A partner's manifest is registered with auth, which only accepts fields a scope grants. */
const isPartnerManifest = (file: string) => file.startsWith('partners/');

/**
 * The operations of an Apollo persisted query manifest, or what is wrong with it. As in the router
 * and auth, one bad entry rejects the whole manifest: among others, an id that is not the SHA-256
 * of its body, so a manifest cannot list one operation under another's id.
 */
export function manifestOperations(
  file: string,
  text: string,
): { operations: Operation[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { operations: [], problems: [`${file}: not JSON (${(error as Error).message})`] };
  }
  const parsed = operationManifestSchema.safeParse(json);
  if (!parsed.success) {
    const entries = (json as { operations?: { name?: unknown }[] }).operations;
    const problems = parsed.error.issues.map((issue) => {
      if (issue.path[0] !== 'operations' || issue.path.length < 2)
        return `${file}: ${issue.path.join('.') || 'manifest'}: ${issue.message}`;
      const [, index, ...rest] = issue.path;
      const name = entries?.[index as number]?.name ?? `#${String(index)}`;
      return `${file}: operation ${String(name)}: ${[...rest, issue.message].join(': ')}`;
    });
    return { operations: [], problems };
  }
  const operations: Operation[] = [];
  const problems: string[] = [];
  for (const { name, type, body } of parsed.data.operations) {
    let document: DocumentNode;
    try {
      document = parse(body);
    } catch (error) {
      problems.push(`${file}: operation ${name}: ${(error as Error).message}`);
      continue;
    }
    const declared = document.definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    // The name and type are what the router logs and counts: they must be the body's own.
    if (
      declared.length !== 1 ||
      declared[0]!.name?.value !== name ||
      declared[0]!.operation !== type
    )
      problems.push(`${file}: operation ${name}: the body must be one ${type} named ${name}`);
    else operations.push({ name, file, document });
    if (isPartnerManifest(file)) {
      const root = operationRootFields(body);
      for (const field of 'rootFields' in root ? root.rootFields : [])
        if (!openToPartners.has(field))
          problems.push(
            `${file}: operation ${name}: ${field} is not open to partners (no scope grants it)`,
          );
    }
  }
  return { operations, problems };
}
